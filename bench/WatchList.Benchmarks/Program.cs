using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/WatchList.Benchmarks -- --filter '*' [--job short]
// Benchmarks run in this process (no generated project to build), with allocations counted;
// reports go to bench/out/benchmarks unless --artifacts says otherwise.
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
var arguments = args.ToList();
if (!arguments.Contains("--inProcess"))
{
    arguments.Add("--inProcess");
}
if (!arguments.Contains("--artifacts"))
{
    arguments.AddRange(["--artifacts", Path.Combine(Corpora.RepositoryRoot(), "bench", "out", "benchmarks")]);
}
BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run([.. arguments], config);
