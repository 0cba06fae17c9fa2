using WatchList.Pipeline;
using WatchList.Site.Checks;

namespace WatchList.Site.Tests.Checks;

/// <summary>Links and images written in Markdown must lead to a file the site publishes; a broken one is an error on its line.</summary>
public class LinkCheckTests
{
    private const string Talks = "commentaries/2019-05-01-talks.md";

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsOf(TestSite site, Uri? baseUrl = null)
    {
        var report = await site.BuildAsync(baseUrl);
        return [.. report.Diagnostics.Where(d => d.Severity == Severity.Error)];
    }

    [Fact]
    public async Task A_link_to_a_page_no_file_makes_is_an_error_at_its_address_with_a_suggestion()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("""
            Intro.

            See the entry on [the reactor](/glossary/yongbyun/) for more.
            """));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown(Talks), 8, 32), error.Location);
        Assert.Equal("the link '/glossary/yongbyun/' goes to no page of the site", error.Message);
        Assert.Equal("did you mean '/glossary/yongbyon/'?", error.Hint);
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task A_missing_image_is_an_error_at_its_address()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("A map: ![the site](/assets/missing.png)"));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown(Talks), 6, 20), error.Location);
        Assert.Equal("the image '/assets/missing.png' does not exist", error.Message);
        Assert.Contains("input/static/", error.Hint);
    }

    [Fact]
    public async Task A_relative_image_beside_the_markdown_is_reported_as_not_published()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("![map](map.png)"));
        site.WriteBytes("commentaries/map.png", [0x89, 0x50, 0x4E, 0x47]);

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown(Talks), 6, 8), error.Location);
        Assert.Equal("the image 'map.png' does not exist", error.Message);
        Assert.Contains("only files beside a commentary written as a folder (2019-04-26-slug/index.md) are published", error.Hint);
        Assert.EndsWith("move the file to input/static/ and write its address as /map.png", error.Hint);
    }

    [Fact]
    public async Task A_link_to_a_markdown_file_suggests_the_page_it_becomes()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("As [we wrote](2019-04-26-getting-back-to-the-table.md), talks stalled."));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal("link to the page, not its Markdown file: '/commentaries/getting-back-to-the-table/'", error.Hint);
    }

    [Fact]
    public async Task A_link_written_with_the_base_path_suggests_the_path_from_the_site_root()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("See [Yongbyon](/watchlist/glossary/yongbyon/)."));

        var error = Assert.Single(await ErrorsOf(site, new Uri("https://example.github.io/watchlist/")));

        Assert.Equal("write the address from the site root, without '/watchlist': '/glossary/yongbyon/'", error.Hint);
    }

    [Fact]
    public async Task A_reference_link_is_reported_at_its_definition()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("""
            See [the talks][talks].

            [talks]: /glossary/six-party-talk/
            """));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown(Talks), 8, 10), error.Location);
        Assert.Equal("did you mean '/glossary/six-party-talks/'?", error.Hint);
    }

    [Fact]
    public async Task Links_to_pages_files_folders_and_elsewhere_pass()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("""
            [term](/glossary/yongbyon/), [actor](/actors/kim-jong-un/#top), [home](/), [glossary](/glossary/),
            [style](/assets/style.css), [relative](../getting-back-to-the-table/), [same page](#section),
            [query](/actors/?kind=state), [web](https://www.crisisgroup.org/), [mail](mailto:press@example.org),
            [protocol-relative](//example.org/x), ![icon](/assets/favicon.svg) and [[Yongbyon]].
            """));
        Directory.CreateDirectory(Path.Combine(site.Theme, "assets"));
        File.WriteAllText(Path.Combine(site.Theme, "assets", "favicon.svg"), "<svg/>");

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public async Task Links_in_glossary_and_actor_pages_are_checked_too()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            ---
            The complex; see [the talks](../six-party-talk/).
            """);

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown("glossary/yongbyon.md"), 5, 30), error.Location);
        Assert.Equal("did you mean '/glossary/six-party-talks/'?", error.Hint);
    }

    [Fact]
    public async Task Broken_links_are_reported_even_when_another_file_has_errors()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, TestSite.TalksCommentary("See [the reactor](/glossary/yongbyun/)."));
        site.Write("commentaries/2019-05-02-broken.md", "---\ntitle: Broken\ndate: 2019-02-30\nsummary: S.\n---\n" +
            "It links [the talks](/commentaries/talks/) and [itself](/commentaries/broken/).\n");

        var check = await SiteBuilder.CheckAsync(site.Options());
        var build = await site.BuildAsync();

        Assert.Equal(check.Diagnostics, build.Diagnostics);
        var report = check;
        Assert.True(report.Errors == 2, string.Join("\n", report.Diagnostics));
        Assert.Equal(
            [$"{site.Shown(Talks)}:6:19", $"{site.Shown("commentaries/2019-05-02-broken.md")}:3:7"],
            report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Location.Path}:{d.Location.Line}:{d.Location.Column}"));
        Assert.False(site.OutputExists("index.html"));
    }

    [Theory]
    [InlineData("/glossary/yongbyon/", "commentaries/x/index.html", "/glossary/yongbyon/")]
    [InlineData("../y/", "commentaries/x/index.html", "/commentaries/y/")]
    [InlineData("map.png", "commentaries/x/index.html", "/commentaries/x/map.png")]
    [InlineData("../../../../etc/", "commentaries/x/index.html", "/etc/")]
    [InlineData("/actors/kim%20jong-un/?a=1#b", "index.html", "/actors/kim jong-un/")]
    public void Addresses_resolve_against_the_page_they_are_written_on(string url, string page, string target)
    {
        Assert.Equal(target, SiteMap.Target(url, page));
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("//example.org/x")]
    [InlineData("#section")]
    [InlineData("")]
    public void Addresses_that_leave_the_site_or_stay_on_the_page_are_not_checked(string url)
    {
        Assert.Null(SiteMap.Target(url, "index.html"));
    }
}
