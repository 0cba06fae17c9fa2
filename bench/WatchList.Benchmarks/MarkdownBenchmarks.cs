using BenchmarkDotNet.Attributes;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;

namespace WatchList.Benchmarks;

/// <summary>
/// One commentary's Markdown: parsed and rendered to UTF-8 HTML, without and with the linking of its
/// mentions (the difference is what linking costs).
/// </summary>
public class MarkdownBenchmarks
{
    private const int Commentaries = 50;
    private readonly MarkdownRenderer _renderer = new();
    private readonly LinkOptions _options = new(LinkPolicy.First, path => "/watchlist" + path);
    private MentionLinker _linker = null!;
    private MarkdownSource[] _bodies = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpora.Generate(Commentaries, 200);
        _linker = new MentionLinker(Corpora.Targets(corpus));
        _bodies = Corpora.Bodies(corpus);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Commentaries, Description = "parse and render a commentary")]
    public int ParseAndRender()
    {
        var bytes = 0;
        foreach (var body in _bodies)
        {
            bytes += _renderer.RenderUtf8(_renderer.Parse(body.Text)).Length;
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Commentaries, Description = "parse, link and render a commentary")]
    public int ParseLinkAndRender()
    {
        var bytes = 0;
        foreach (var body in _bodies)
        {
            var tree = _renderer.Parse(body.Text);
            bytes += _linker.Link(tree, body, _options).Mentions.Length;
            bytes += _renderer.RenderUtf8(tree).Length;
        }
        return bytes;
    }
}
