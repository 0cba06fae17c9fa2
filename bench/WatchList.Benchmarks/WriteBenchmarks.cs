using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using WatchList.Pipeline;
using WatchList.Site.Output;

namespace WatchList.Benchmarks;

/// <summary>Writing: pages of 20 KB, each into a folder of its own, by the output module of the build.</summary>
[InvocationCount(1)]
public class WriteBenchmarks
{
    private const int Pages = 500;
    private string _folder = "";
    private ImmutableArray<Document> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "watchlist-bench-write-" + Guid.NewGuid().ToString("N"));
        var page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>A paragraph of a rendered page.</p>\n", 512)));
        _documents = [.. Enumerable.Range(0, Pages).Select(i =>
            Document.Create("", $"commentaries/page-{i:D4}/index.html", new BytesContent(page)))];
    }

    [IterationSetup]
    public void Empty()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(OperationsPerInvoke = Pages, Description = "write a page into its own folder")]
    public int WriteFiles()
    {
        var pipeline = new Pipeline.Pipeline("pages")
        {
            Input = [new DelegateModule((_, _) => _documents)],
            Output = [new WriteFiles(_folder)],
        };
        var result = new Engine([pipeline]).RunAsync().GetAwaiter().GetResult();
        return result.Outputs["pages"].Length;
    }
}
