using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace WatchList.Tests;

/// <summary>
/// The real <c>input/</c> built once with the real theme and the command line, as for GitHub Pages under
/// <c>https://example.github.io/watchlist/</c>, in its own temporary folder deleted afterwards.
/// </summary>
public sealed class PublishedSite : IAsyncLifetime
{
    public const string BasePath = "/watchlist/";
    public static readonly Uri BaseUrl = new("https://example.github.io" + BasePath);

    private static readonly HtmlParser Parser = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "watchlist-published-" + Guid.NewGuid().ToString("N"));
    private StaticServer? _server;
    private Task<CrawlReport>? _crawl;

    public string Output => Path.Combine(_root, "_site");

    /// <summary>Every HTML file of the output, relative to it, with forward slashes, in a stable order.</summary>
    public IReadOnlyList<string> HtmlFiles { get; private set; } = [];

    /// <summary>The HTML pages a reader can reach: every HTML file but the 404 page.</summary>
    public IEnumerable<string> Pages => HtmlFiles.Where(f => f != "404.html");

    public async Task InitializeAsync()
    {
        var root = TestSite.RepositoryRoot;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["build", "--input", Path.Combine(root, "input"), "--output", Output, "--theme", Path.Combine(root, "theme"),
             "--base-url", BaseUrl.ToString()],
            output, errors);
        Assert.True(code == CommandLine.Success, $"the real site should build: exit {code}\n{errors}\n{output}");
        HtmlFiles = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The output served under <c>/watchlist/</c> on 127.0.0.1 and crawled from its root; crawled once.</summary>
    public Task<CrawlReport> CrawlAsync() => _crawl ??= CrawlServedSiteAsync();

    private async Task<CrawlReport> CrawlServedSiteAsync()
    {
        _server = new StaticServer(Output, BasePath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await new LinkCrawler(http, _server.BaseUrl, BaseUrl).CrawlAsync();
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
        return Task.CompletedTask;
    }

    public string PathOf(string relativeFile) => Path.Combine(Output, relativeFile);

    public bool Exists(string relativeFile) => File.Exists(PathOf(relativeFile));

    public string Read(string relativeFile) => File.ReadAllText(PathOf(relativeFile));

    public IDocument Parse(string relativeFile) => Parser.ParseDocument(Read(relativeFile));

    /// <summary>The address a file is published at: <c>glossary/yongbyon/index.html</c> is <c>…/watchlist/glossary/yongbyon/</c>.</summary>
    public static Uri UrlOf(string relativeFile)
    {
        var path = relativeFile == "index.html" ? ""
            : relativeFile.EndsWith("/index.html", StringComparison.Ordinal) ? relativeFile[..^"index.html".Length]
            : relativeFile;
        return new Uri(BaseUrl, path);
    }

    /// <summary>The output file an address under the base URL is served from, or null when it is outside the site or missing.</summary>
    public string? FileFor(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme != BaseUrl.Scheme || url.Authority != BaseUrl.Authority
            || !url.AbsolutePath.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return null;
        }
        var relative = Uri.UnescapeDataString(url.AbsolutePath[BasePath.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }
        return Exists(relative) ? relative : null;
    }
}
