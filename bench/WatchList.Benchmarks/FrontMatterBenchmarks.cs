using BenchmarkDotNet.Attributes;
using WatchList.Site.FrontMatter;

namespace WatchList.Benchmarks;

/// <summary>Front matter: cutting a commentary file in two and reading every key the build reads.</summary>
public class FrontMatterBenchmarks
{
    private const int Files = 100;
    private string[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = [.. Corpora.Generate(Files, 200).Commentaries.Select(f => f.Text)];

    [Benchmark(OperationsPerInvoke = Files, Description = "split and read one commentary's front matter")]
    public int ReadFrontMatter()
    {
        var read = 0;
        foreach (var text in _files)
        {
            var split = FrontMatterSplitter.Split("input/commentaries/x.md", text);
            var fields = FieldReader.Parse("input/commentaries/x.md", split.Yaml, lineOffset: 1);
            read += (fields.Text("title")?.Length ?? 0) + (fields.Date("date")?.Day ?? 0) + (fields.Text("summary")?.Length ?? 0)
                + (fields.Text("type")?.Length ?? 0) + (fields.Text("series")?.Length ?? 0) + fields.List("authors").Length
                + (fields.Text("source")?.Length ?? 0) + (fields.Text("publisher")?.Length ?? 0) + fields.List("actors").Length
                + (fields.Bool("draft") == true ? 1 : 0) + fields.Problems.Count;
        }
        return read;
    }
}
