namespace WatchList.Tests;

/// <summary>The crawler of ours finds what it is there to find, on a small hand-written site served under a sub-path.</summary>
public sealed class LinkCrawlerTests : IDisposable
{
    private static readonly Uri Published = new("https://example.github.io/watchlist/");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "watchlist-crawler-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string html)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, html);
    }

    private async Task<CrawlReport> Crawl()
    {
        using var server = new StaticServer(_root, "/watchlist/");
        using var http = new HttpClient();
        return await new LinkCrawler(http, server.BaseUrl, Published).CrawlAsync();
    }

    [Fact]
    public async Task It_reports_a_missing_page_a_missing_fragment_a_link_outside_the_base_path_and_a_missing_image_in_a_style_sheet()
    {
        Write("index.html", """
            <!doctype html><title>Home</title><link rel="stylesheet" href="/watchlist/style.css">
            <a href="/watchlist/a/">A</a> <a href="/watchlist/gone/">Gone</a> <a href="a/#nowhere">Nowhere</a>
            <a href="/elsewhere/">Outside</a> <a href="https://example.github.io/watchlist/a/#here">Absolute</a>
            <a href="https://www.crisisgroup.org/">Another site</a>
            """);
        Write("style.css", "body { background: url(missing.png); }");
        Write("a/index.html", """<!doctype html><title>A</title><h1 id="here">A</h1><a href="../">Home</a>""");

        var crawl = await Crawl();

        Assert.Equal(
            [
                "/watchlist/: /elsewhere/: leads outside the base path /watchlist/",
                "/watchlist/: /watchlist/gone/: /watchlist/gone/ answers 404",
                "/watchlist/: a/#nowhere: /watchlist/a/ has no element with id 'nowhere'",
                "/watchlist/style.css: missing.png: /watchlist/missing.png is missing",
            ],
            crawl.BrokenLinks.Select(b => b.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["/watchlist/", "/watchlist/a/"], crawl.PagesReached.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_nothing_links_to_is_not_reached()
    {
        Write("index.html", """<!doctype html><title>Home</title><a href="#top">Top</a>""");
        Write("orphan/index.html", """<!doctype html><title>Orphan</title><a href="/watchlist/">Home</a>""");

        var crawl = await Crawl();

        Assert.Empty(crawl.BrokenLinks);
        Assert.DoesNotContain("/watchlist/orphan/", crawl.PagesReached);
    }
}
