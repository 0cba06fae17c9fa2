using AngleSharp.Html.Parser;

namespace WatchList.Tests;

/// <summary>
/// Pages that mix links the editor wrote with automatic links to terms and actors, built under a sub-path,
/// served there on loopback and crawled: every link of every page must lead somewhere.
/// </summary>
public sealed class WrittenLinksUnderSubPathTests
{
    private const string BasePath = "/repo/";
    private static readonly Uri BaseUrl = new("https://owner.github.io" + BasePath);

    [Fact]
    public async Task Every_link_of_pages_mixing_written_links_and_mentions_works_under_a_sub_path()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-02-mixed-links.md", """
            ---
            title: "Mixed Links"
            date: 2019-05-02
            summary: "Written links beside mentions."
            ---
            As [the other piece](/commentaries/getting-back-to-the-table/) argued, Pyongyang wants relief.

            Pyongyang and Yongbyon first, then [the other piece](/commentaries/getting-back-to-the-table/#mention-actor-north-korea).

            A paragraph with [a written link](/commentaries/all-eyes-on-the-summit/) and nothing else.

            - In a list: [[yongbyon|the site]], *[emphasised link](/glossary/yongbyon/)* and Kim Jong-un.
            - ![a map](/commentaries/mixed-links/) beside North Korea.

            > Quoted: [the glossary](/glossary/) before the Six-Party Talks.
            """);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["build", "--input", site.Input, "--output", site.Output, "--theme", site.Theme, "--base-url", BaseUrl.ToString()],
            output, errors);

        Assert.True(code == CommandLine.Success, $"exit {code}\n{errors}\n{output}");
        // The written links are under the base path in the page itself, not only reachable.
        var page = new HtmlParser().ParseDocument(site.ReadOutput("commentaries/mixed-links/index.html"));
        var written = page.QuerySelectorAll(".body a:not(.mention)").Select(a => a.GetAttribute("href")!)
            .Where(h => h.Contains("/commentaries/", StringComparison.Ordinal) || h.Contains("/glossary/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            ["/repo/commentaries/getting-back-to-the-table/", "/repo/commentaries/getting-back-to-the-table/#mention-actor-north-korea",
             "/repo/commentaries/all-eyes-on-the-summit/", "/repo/glossary/yongbyon/", "/repo/glossary/"],
            written);
        Assert.Contains(page.QuerySelectorAll(".body a.mention"), a => a.TextContent == "Pyongyang");
        Assert.Equal("/repo/commentaries/mixed-links/", page.QuerySelector(".body img")?.GetAttribute("src"));

        using var server = new StaticServer(site.Output, BasePath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var crawl = await new LinkCrawler(http, server.BaseUrl, BaseUrl).CrawlAsync();

        Assert.Empty(crawl.BrokenLinks);
        Assert.Contains(BasePath + "commentaries/mixed-links/", crawl.PagesReached);
        Assert.Contains(BasePath + "commentaries/getting-back-to-the-table/", crawl.PagesReached);
    }
}
