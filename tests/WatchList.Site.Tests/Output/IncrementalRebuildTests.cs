using WatchList.Site.Output;
using WatchList.Testing;

namespace WatchList.Site.Tests.Output;

/// <summary>Rebuilds in a preview session: only what a save changed is parsed and written again, and the site stays right.</summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly TestSite _site = TestSite.WithGoodContent();
    private readonly SiteCache _cache = new();

    public void Dispose() => _site.Dispose();

    private Task<BuildReport> Rebuild() => SiteBuilder.BuildAsync(_site.Options() with { Cache = _cache });

    private DateTime WrittenAt(string relative) => File.GetLastWriteTimeUtc(Path.Combine(_site.Output, relative));

    [Fact]
    public async Task A_rebuild_with_nothing_changed_writes_no_page()
    {
        var first = await Rebuild();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var before = _site.SnapshotOutput();

        var second = await Rebuild();

        Assert.True(second.Succeeded);
        // Only the theme's assets, robots.txt and .nojekyll are copied again; pages, feed, sitemap and search index are not.
        Assert.Equal(AlwaysCopied(), second.FilesWritten);
        _site.AssertOutputUnchanged(before);
    }

    private int AlwaysCopied() => Directory.EnumerateFiles(Path.Combine(_site.Output, "assets")).Count() + 2;

    [Fact]
    public async Task Editing_a_commentary_rewrites_its_page_and_the_pages_that_show_it_and_leaves_the_others()
    {
        await Rebuild();
        var untouchedTerm = WrittenAt("glossary/six-party-talks/index.html");
        await Task.Delay(50);

        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf(TestSite.GoodCommentary))
            .Replace("have **abated**.", "have **abated**, and Yongbyon is back on the table."));
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var page = _site.ReadOutput("commentaries/getting-back-to-the-table/index.html");
        Assert.Contains(">Yongbyon</a> is back on the table", page);
        // The term it now mentions lists it; a term it does not mention was not rewritten.
        Assert.Contains("/commentaries/getting-back-to-the-table/", _site.ReadOutput("glossary/yongbyon/index.html"));
        Assert.Equal(untouchedTerm, WrittenAt("glossary/six-party-talks/index.html"));
    }

    [Fact]
    public async Task A_changed_title_reaches_the_home_page()
    {
        await Rebuild();
        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf(TestSite.GoodCommentary))
            .Replace("Getting Back to the Table", "Back at the Table"));

        var report = await Rebuild();

        Assert.True(report.Succeeded);
        Assert.Contains("North Korea: Back at the Table", _site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task A_removed_commentary_loses_its_page()
    {
        await Rebuild();
        Assert.True(_site.OutputExists("commentaries/all-eyes-on-the-summit/index.html"));

        _site.Delete("commentaries/2019-02-25-all-eyes-on-the-summit.md");
        var report = await Rebuild();

        Assert.True(report.Succeeded);
        Assert.False(_site.OutputExists("commentaries/all-eyes-on-the-summit/index.html"));
        Assert.DoesNotContain("All Eyes on the Summit", _site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task A_theme_change_rewrites_every_page()
    {
        await Rebuild();
        var layout = Path.Combine(_site.Theme, "partials", "layout.hbs");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("<main id=\"main\">", "<main id=\"main\" class=\"changed\">"));

        var report = await Rebuild();

        Assert.True(report.Succeeded);
        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains("class=\"changed\"", File.ReadAllText(page)));
    }

    [Fact]
    public async Task A_broken_save_keeps_the_last_good_site_and_its_warnings_stay_reported()
    {
        _site.Write("glossary/unused.md", "---\ntitle: Unused\nsummary: Mentioned nowhere.\n---\nText.\n");
        var first = await Rebuild();
        Assert.Contains(first.Diagnostics, d => d.Message.Contains("'Unused' is mentioned in no commentary"));
        var before = _site.SnapshotOutput();

        _site.Write(TestSite.GoodCommentary, "---\ntitle: [broken\n---\n");
        var broken = await Rebuild();
        Assert.False(broken.Succeeded);
        _site.AssertOutputUnchanged(before);

        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf("commentaries/2019-02-25-all-eyes-on-the-summit.md"))
            .Replace("All Eyes on the Summit", "Fixed"));
        var fixedAgain = await Rebuild();
        Assert.True(fixedAgain.Succeeded, string.Join("\n", fixedAgain.Diagnostics));
        // A warning of a file that was not parsed again is still reported.
        Assert.Contains(fixedAgain.Diagnostics, d => d.Message.Contains("'Unused' is mentioned in no commentary"));
    }
}
