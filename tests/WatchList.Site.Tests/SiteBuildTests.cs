using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using WatchList.Pipeline;

namespace WatchList.Site.Tests;

/// <summary>What a good build publishes, read back from the output folder.</summary>
public class SiteBuildTests
{
    private static readonly HtmlParser Parser = new();

    private static IDocument Page(TestSite site, string relative)
    {
        Assert.True(site.OutputExists(relative), $"{relative} was not written");
        return Parser.ParseDocument(site.ReadOutput(relative));
    }

    private static async Task BuildSucceeds(TestSite site, Uri? baseUrl = null)
    {
        var report = await site.BuildAsync(baseUrl);
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Equal(site.SnapshotOutput().Count, report.FilesWritten);
    }

    /// <summary>The commentary pages the home page links to, in the order it lists them.</summary>
    private static List<string> CommentaryLinksOnHome(TestSite site) =>
        Page(site, "index.html").QuerySelectorAll("main a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.Contains("/commentaries/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    [Fact]
    public async Task A_commentary_page_shows_its_title_in_h1_and_its_rendered_body()
    {
        using var site = TestSite.WithGoodContent();

        await BuildSucceeds(site);

        var page = Page(site, "commentaries/getting-back-to-the-table/index.html");
        Assert.Equal("North Korea: Getting Back to the Table", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("abated", page.QuerySelector("main strong")?.TextContent);
        Assert.Contains("Jane Doe", page.QuerySelector("main")!.TextContent);
        Assert.Contains("North Korea: Getting Back to the Table", page.Title);
    }

    [Fact]
    public async Task The_slug_is_the_file_name_without_its_leading_date()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/hanoi-explained.md", "---\ntitle: Hanoi Explained\ndate: 2019-03-01\nsummary: Why it failed.\n---\n");

        await BuildSucceeds(site);

        Assert.True(site.OutputExists("commentaries/getting-back-to-the-table/index.html"));
        Assert.True(site.OutputExists("commentaries/all-eyes-on-the-summit/index.html"));
        Assert.True(site.OutputExists("commentaries/hanoi-explained/index.html"));
        Assert.DoesNotContain(site.SnapshotOutput().Keys, path => path.Contains("2019-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_slug_key_replaces_the_slug_from_the_file_name()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(TestSite.GoodCommentary, "---\ntitle: Back to the Table\ndate: 2019-04-26\nsummary: S.\nslug: back-to-the-table\n---\n");

        await BuildSucceeds(site);

        Assert.True(site.OutputExists("commentaries/back-to-the-table/index.html"));
        Assert.False(site.OutputExists("commentaries/getting-back-to-the-table/index.html"));
        Assert.Contains("/commentaries/back-to-the-table/", CommentaryLinksOnHome(site));
    }

    [Fact]
    public async Task A_draft_is_kept_out_of_the_site()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-06-01-secret-talks.md", """
            ---
            title: Secret Talks Unpublished
            date: 2019-06-01
            summary: Not ready.
            draft: true
            ---
            Work in progress.
            """);

        await BuildSucceeds(site);

        Assert.False(site.OutputExists("commentaries/secret-talks/index.html"));
        var mentions = site.SnapshotOutput()
            .Where(file => Encoding.UTF8.GetString(file.Value).Contains("Secret Talks Unpublished", StringComparison.Ordinal))
            .Select(file => file.Key);
        Assert.Empty(mentions);
        Assert.Equal(2, CommentaryLinksOnHome(site).Count);
    }

    [Fact]
    public async Task Draft_false_is_published()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-06-01-open-talks.md", "---\ntitle: Open Talks\ndate: 2019-06-01\nsummary: Ready.\ndraft: false\n---\n");

        await BuildSucceeds(site);

        Assert.True(site.OutputExists("commentaries/open-talks/index.html"));
    }

    [Fact]
    public async Task The_home_page_lists_commentaries_newest_first()
    {
        using var site = TestSite.WithGoodContent();
        // File names sort the other way round from the dates.
        site.Write("commentaries/aa-newest.md", "---\ntitle: Newest\ndate: 2019-12-01\nsummary: S.\n---\n");
        site.Write("commentaries/zz-oldest.md", "---\ntitle: Oldest\ndate: 2018-01-15\nsummary: S.\n---\n");

        await BuildSucceeds(site);

        Assert.Equal(
            ["/commentaries/aa-newest/", "/commentaries/getting-back-to-the-table/", "/commentaries/all-eyes-on-the-summit/", "/commentaries/zz-oldest/"],
            CommentaryLinksOnHome(site));
        var dates = Page(site, "index.html").QuerySelectorAll("main time[datetime]").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2019-12-01", "2019-04-26", "2019-02-25", "2018-01-15"], dates);
    }

    [Fact]
    public async Task The_base_url_option_puts_every_link_under_its_path()
    {
        using var site = TestSite.WithGoodContent();

        await BuildSucceeds(site, new Uri("https://example.github.io/watchlist/"));

        var rooted = RootedLinks(site);
        Assert.NotEmpty(rooted);
        Assert.All(rooted, link => Assert.StartsWith("/watchlist/", link.Url));
        Assert.Contains("/watchlist/commentaries/getting-back-to-the-table/", CommentaryLinksOnHome(site));
        Assert.Contains(rooted, link => link.Url == "/watchlist/assets/style.css");
        var canonical = Page(site, "commentaries/getting-back-to-the-table/index.html").QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Equal("https://example.github.io/watchlist/commentaries/getting-back-to-the-table/", canonical);
    }

    [Fact]
    public async Task The_base_url_of_site_settings_is_used_even_without_a_trailing_slash()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", "title: Test\ndescription: D.\nbase_url: https://example.org/korea\nauthor: A\n");

        await BuildSucceeds(site);

        var rooted = RootedLinks(site);
        Assert.NotEmpty(rooted);
        Assert.All(rooted, link => Assert.StartsWith("/korea/", link.Url));
    }

    [Fact]
    public async Task Every_link_within_the_site_points_at_a_file_that_was_written()
    {
        using var site = TestSite.WithGoodContent();

        await BuildSucceeds(site, new Uri("https://example.github.io/watchlist/"));

        var broken = RootedLinks(site)
            .Where(link => !site.OutputExists(Target(link.Url["/watchlist/".Length..])))
            .Select(link => $"{link.Page}: {link.Url}")
            .ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public async Task A_file_starting_with_a_byte_order_mark_is_read()
    {
        using var site = TestSite.WithGoodContent();
        var text = "---\ntitle: With a Mark\ndate: 2019-06-01\nsummary: S.\n---\nBody.\n";
        site.WriteBytes("commentaries/2019-06-01-with-a-mark.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        await BuildSucceeds(site);

        Assert.Equal("With a Mark", Page(site, "commentaries/with-a-mark/index.html").QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_file_with_windows_line_endings_is_read()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-06-01-crlf.md", "---\r\ntitle: Written on Windows\r\ndate: 2019-06-01\r\nsummary: S.\r\n---\r\nBody.\r\n");

        await BuildSucceeds(site);

        Assert.Equal("Written on Windows", Page(site, "commentaries/crlf/index.html").QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_rebuild_replaces_the_output_so_removed_commentaries_disappear()
    {
        using var site = TestSite.WithGoodContent();
        await BuildSucceeds(site);
        Assert.True(site.OutputExists("commentaries/all-eyes-on-the-summit/index.html"));

        site.Delete("commentaries/2019-02-25-all-eyes-on-the-summit.md");
        await BuildSucceeds(site);

        Assert.False(site.OutputExists("commentaries/all-eyes-on-the-summit/index.html"));
        Assert.Equal(["/commentaries/getting-back-to-the-table/"], CommentaryLinksOnHome(site));
    }

    [Fact]
    public async Task No_temporary_build_folder_remains_after_a_successful_build_or_rebuild()
    {
        using var site = TestSite.WithGoodContent();

        await BuildSucceeds(site);
        site.AssertNoBuildLeftovers();
        await BuildSucceeds(site);

        site.AssertNoBuildLeftovers();
        Assert.True(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task No_temporary_build_folder_remains_after_a_failed_build()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-bad.md", "---\ntitle: Bad\ndate: April 2019\nsummary: S.\n---\n");

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        Assert.False(Directory.Exists(site.Output), "a failed first build must not create the output folder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.OutputParent));
    }

    [Fact]
    public async Task A_cancelled_build_leaves_the_output_and_no_temporary_folder()
    {
        using var site = TestSite.WithGoodContent();
        var before = await site.BuildGoodOutputAsync();
        site.Write("commentaries/2019-06-01-new.md", "---\ntitle: New\ndate: 2019-06-01\nsummary: S.\n---\n");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => site.BuildAsync(cancellationToken: new CancellationToken(canceled: true)));

        site.AssertOutputUnchanged(before);
        site.AssertNoBuildLeftovers();
    }

    [Fact]
    public async Task Warnings_do_not_stop_the_build()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", "title: Test\nbase_url: https://example.org/\ncolour: blue\n");

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded);
        Assert.Contains(report.Diagnostics, d => d.Severity == Severity.Warning && d.Message == "unknown key 'colour' is ignored");
        Assert.True(site.OutputExists("index.html"));
    }

    private sealed record Link(string Page, string Url);

    /// <summary>Every href and src in every HTML page that starts with '/'.</summary>
    private static List<Link> RootedLinks(TestSite site) =>
        [.. site.SnapshotOutput().Keys
            .Where(path => path.EndsWith(".html", StringComparison.Ordinal))
            .SelectMany(path => Parser.ParseDocument(site.ReadOutput(path))
                .QuerySelectorAll("[href], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
                .Select(url => new Link(path, url)))];

    /// <summary>The output file a site path is served from: "x/" is "x/index.html"; fragments and queries dropped.</summary>
    private static string Target(string sitePath)
    {
        var path = sitePath.Split('#', '?')[0];
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
