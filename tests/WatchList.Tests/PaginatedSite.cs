using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using WatchList.Bench.Corpus;

namespace WatchList.Tests;

/// <summary>
/// A generated site of 60 commentaries with small pages (4 commentaries a listing page, 3 recent mentions
/// in context), built once with the command line under <c>https://example.github.io/watchlist/</c>, so
/// that the archive and the term and actor pages run to several pages each.
/// </summary>
public sealed class PaginatedSite : IAsyncLifetime
{
    public const int Commentaries = 60;
    public const int PageSize = 4;
    public const int RecentMentions = 3;

    private static readonly HtmlParser Parser = new();
    private readonly TestSite _site = TestSite.Empty();
    private StaticServer? _server;
    private Task<CrawlReport>? _crawl;

    public string Input => _site.Input;

    public string Output => _site.Output;

    /// <summary>Every HTML file of the output but the 404 page, relative to it, with forward slashes, in a stable order.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        new CorpusGenerator(new CorpusSize(Commentaries, 20, 8), seed: 20190426).Generate().WriteTo(Input);
        File.AppendAllText(Path.Combine(Input, "site.yml"), $"page_size: {PageSize}\nrecent_mentions: {RecentMentions}\n");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["build", "--input", Input, "--output", Output, "--theme", _site.Theme,
             "--base-url", PublishedSite.BaseUrl.ToString()],
            output, errors);
        Assert.True(code == CommandLine.Success, $"the generated site should build: exit {code}\n{errors}\n{output}");
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Where(f => f != "404.html")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The output served under <c>/watchlist/</c> on 127.0.0.1 and crawled from its root; crawled once.</summary>
    public Task<CrawlReport> CrawlAsync() => _crawl ??= CrawlServedSiteAsync();

    private async Task<CrawlReport> CrawlServedSiteAsync()
    {
        _server = new StaticServer(Output, PublishedSite.BasePath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await new LinkCrawler(http, _server.BaseUrl, PublishedSite.BaseUrl).CrawlAsync();
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        _site.Dispose();
        return Task.CompletedTask;
    }

    public string PathOf(string relativeFile) => Path.Combine(Output, relativeFile);

    public bool Exists(string relativeFile) => File.Exists(PathOf(relativeFile));

    public IDocument Parse(string relativeFile) => Parser.ParseDocument(File.ReadAllText(PathOf(relativeFile)));

    /// <summary>The output file a link on a page leads to, relative to the output ("glossary/x/page/2/index.html").</summary>
    public static string FileOf(string href)
    {
        Assert.StartsWith(PublishedSite.BasePath, href);
        var path = href[PublishedSite.BasePath.Length..].Split('#')[0];
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
