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
    public async Task A_rebuild_with_nothing_changed_writes_no_file()
    {
        var first = await Rebuild();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var before = _site.SnapshotOutput();

        var second = await Rebuild();

        Assert.True(second.Succeeded);
        // Pages, assets, feed, sitemap, search index, robots.txt and .nojekyll: none is written again.
        Assert.Equal(0, second.FilesWritten);
        _site.AssertOutputUnchanged(before);
    }

    private const string OtherCommentary = "commentaries/2019-02-25-all-eyes-on-the-summit.md";

    /// <summary>Edits a rebuild must carry to every page that shows what they change, named for the test list.</summary>
    public static TheoryData<string, string, string, string> Edits => new()
    {
        { "a sentence added to a commentary", TestSite.GoodCommentary, "have **abated**.", "have **abated**, for now." },
        { "a sentence naming a term", TestSite.GoodCommentary, "have **abated**.", "have **abated**. Yongbyon is on the table." },
        { "a mention removed", TestSite.GoodCommentary, "Washington and Pyongyang", "Washington and its partners" },
        { "mentions in another order", TestSite.GoodCommentary, "have **abated**.", "have **abated**. Kim Jong-un and Yongbyon, then Pyongyang." },
        { "a new title", TestSite.GoodCommentary, "Getting Back to the Table", "Back at the Table" },
        { "a new summary", OtherCommentary, "under pressure", "under great pressure" },
        { "a new date", OtherCommentary, "date: 2019-02-25", "date: 2019-05-25" },
        { "a term's summary", "glossary/yongbyon.md", "main nuclear research centre", "nuclear centre" },
        { "an actor's text", "actors/north-korea.md", "A state on", "A state in the north of" },
        { "a heading", OtherCommentary, "## What has happened since Singapore?", "## What has happened since the summit?" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task After_each_kind_of_edit_the_site_is_the_one_a_fresh_build_makes(string edit, string file, string from, string to)
    {
        await Rebuild();
        // A second save of a first edit, so that the rebuild under test starts from a session's usual state.
        _site.Write(OtherCommentary, File.ReadAllText(_site.PathOf(OtherCommentary)) + "\nOne more sentence.\n");
        Assert.True((await Rebuild()).Succeeded);

        var text = File.ReadAllText(_site.PathOf(file));
        Assert.Contains(from, text);
        _site.Write(file, text.Replace(from, to));
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var rebuilt = _site.SnapshotOutput();
        var fresh = Path.Combine(_site.Root, "fresh");
        Assert.True((await SiteBuilder.BuildAsync(_site.Options() with { OutputFolder = fresh })).Succeeded);
        var expected = Directory.EnumerateFiles(fresh, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(fresh, f).Replace('\\', '/'), File.ReadAllBytes);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        var different = expected.Where(e => !e.Value.AsSpan().SequenceEqual(rebuilt[e.Key])).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, $"after {edit}, these differ from a fresh build: {string.Join(", ", different)}");
    }

    [Fact]
    public async Task A_sentence_added_to_a_commentary_rewrites_its_page_the_pages_it_names_and_the_search_index_only()
    {
        await Rebuild();
        var before = _site.SnapshotOutput();

        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf(TestSite.GoodCommentary))
            .Replace("have **abated**.", "have **abated**, for now."));
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var changed = _site.SnapshotOutput().Where(f => !f.Value.AsSpan().SequenceEqual(before[f.Key])).Select(f => f.Key).Order(StringComparer.Ordinal);
        // The actor page of North Korea quotes the sentence that names Pyongyang; the feed carries the full text.
        Assert.Equal(
            ["actors/north-korea/index.html", "commentaries/getting-back-to-the-table/index.html", "feed.xml", "search-index.json"],
            changed);
        Assert.Equal(4, report.FilesWritten);
    }

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
        var layout = Path.Combine(_site.Theme, "layouts", "default.liquid");
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

    [Fact]
    public async Task A_photo_replaced_by_one_of_another_size_gives_its_page_the_new_size_and_new_copies()
    {
        static byte[] Png(int width, int height)
        {
            using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
            using var stream = new MemoryStream();
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
            return stream.ToArray();
        }
        _site.WriteBytes("static/media/photo.png", Png(1300, 100));
        _site.Write("commentaries/2019-05-01-talks.md", "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\n![A wide photo](/media/photo.png)\n");
        Assert.True((await Rebuild()).Succeeded);
        var firstCopy = Directory.EnumerateFiles(Path.Combine(_site.Output, "media"), "photo-*-480w.png").Single();

        _site.WriteBytes("static/media/photo.png", Png(1400, 350));
        File.SetLastWriteTimeUtc(_site.PathOf("static/media/photo.png"), DateTime.UtcNow.AddSeconds(5));
        var rebuilt = await Rebuild();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        var page = _site.ReadOutput("commentaries/talks/index.html");
        Assert.Contains("width=\"1400\" height=\"350\"", page);
        var copy = Directory.EnumerateFiles(Path.Combine(_site.Output, "media"), "photo-*-480w.png").Single();
        Assert.NotEqual(firstCopy, copy);
        Assert.Contains(Path.GetFileName(copy), page);
        Assert.Equal(120, SixLabors.ImageSharp.Image.Identify(copy).Height);
    }
}
