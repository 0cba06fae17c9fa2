using System.Text;
using WatchList.Site.Output;
using WatchList.Site.Search;

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
    public Task After_each_kind_of_edit_the_site_is_the_one_a_fresh_build_makes(string edit, string file, string from, string to) =>
        AssertRebuildIsFresh(edit, file, from, to);

    /// <summary>
    /// One commentary to a listing page, and both commentaries naming North Korea: the archive's 2019 and
    /// North Korea's mentions run to numbered pages.
    /// </summary>
    private void UsePagesOfOne()
    {
        _site.Write("site.yml", File.ReadAllText(_site.PathOf("site.yml")) + "\npage_size: 1\nrecent_mentions: 1\n");
        _site.Write(OtherCommentary, File.ReadAllText(_site.PathOf(OtherCommentary)) + "\nPyongyang is watching.\n");
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task After_each_kind_of_edit_a_site_of_numbered_pages_is_the_one_a_fresh_build_makes(string edit, string file, string from, string to)
    {
        UsePagesOfOne();
        await AssertRebuildIsFresh(edit, file, from, to);
        Assert.True(_site.OutputExists("archive/2019/page/2/index.html"), "the archive's 2019 did not run to a second page");
        Assert.True(_site.OutputExists("actors/north-korea/page/2/index.html"), "North Korea's mentions did not run to a second page");
    }

    [Fact]
    public async Task A_sentence_added_to_a_commentary_rewrites_the_numbered_pages_of_what_it_names_only_where_they_change()
    {
        UsePagesOfOne();
        await Rebuild();
        var before = _site.SnapshotOutput();

        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf(TestSite.GoodCommentary))
            .Replace("have **abated**.", "have **abated**, for now."));
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.True(_site.OutputExists("actors/north-korea/page/2/index.html"), "North Korea's mentions did not run to a second page");
        var changed = _site.SnapshotOutput().Where(f => !f.Value.AsSpan().SequenceEqual(before[f.Key])).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        // The sentence is quoted on North Korea's own page (its latest mention); page 2 lists the older one by title.
        Assert.Equal(
            ["actors/north-korea/index.html", "commentaries/getting-back-to-the-table/index.html", "feed.xml"],
            changed.Where(f => !f.StartsWith("search-index/", StringComparison.Ordinal)));
        // Of the search index, the entry file and the shards of the new words alone.
        var search = changed.Where(f => f.StartsWith("search-index/", StringComparison.Ordinal)).ToList();
        Assert.Contains("search-index/index.json", search);
        Assert.All(search.Where(f => f != "search-index/index.json"), f => Assert.StartsWith("search-index/s/", f));
    }

    [Fact]
    public async Task A_commentary_added_and_removed_adds_and_takes_away_a_numbered_page_of_its_year()
    {
        UsePagesOfOne();
        await Rebuild();
        Assert.False(_site.OutputExists("archive/2019/page/3/index.html"));

        _site.Write("commentaries/2019-06-01-third.md", """
            ---
            title: A Third Look
            date: 2019-06-01
            summary: Pyongyang again.
            ---
            Pyongyang said little.
            """);
        await AssertSameAsFresh("a commentary added");
        Assert.True(_site.OutputExists("archive/2019/page/3/index.html"));
        Assert.Contains("/commentaries/third/", _site.ReadOutput("archive/2019/index.html"));

        _site.Delete("commentaries/2019-06-01-third.md");
        await AssertSameAsFresh("a commentary removed");
        Assert.False(_site.OutputExists("archive/2019/page/3/index.html"));
    }

    private async Task AssertRebuildIsFresh(string edit, string file, string from, string to)
    {
        await Rebuild();
        // A second save of a first edit, so that the rebuild under test starts from a session's usual state.
        _site.Write(OtherCommentary, File.ReadAllText(_site.PathOf(OtherCommentary)) + "\nOne more sentence.\n");
        Assert.True((await Rebuild()).Succeeded);

        var text = File.ReadAllText(_site.PathOf(file));
        Assert.Contains(from, text);
        _site.Write(file, text.Replace(from, to));
        await AssertSameAsFresh(edit);
    }

    /// <summary>Rebuilds the session's site, then checks it byte for byte against a fresh build of the same input.</summary>
    private async Task AssertSameAsFresh(string edit)
    {
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var rebuilt = _site.SnapshotOutput();
        var fresh = Path.Combine(_site.Root, "fresh");
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }
        Assert.True((await SiteBuilder.BuildAsync(_site.Options() with { OutputFolder = fresh })).Succeeded);
        var expected = Directory.EnumerateFiles(fresh, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(fresh, f).Replace('\\', '/'), File.ReadAllBytes);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        var different = expected.Where(e => !e.Value.AsSpan().SequenceEqual(rebuilt[e.Key])).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, $"after {edit}, these differ from a fresh build: {string.Join(", ", different)}");
    }

    [Fact]
    public async Task A_sentence_added_to_a_commentary_rewrites_its_page_the_pages_it_names_and_the_search_shards_of_its_new_words_only()
    {
        await Rebuild();
        var before = _site.SnapshotOutput();

        _site.Write(TestSite.GoodCommentary, File.ReadAllText(_site.PathOf(TestSite.GoodCommentary))
            .Replace("have **abated**.", "have **abated**, for now."));
        var report = await Rebuild();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var changed = _site.SnapshotOutput().Where(f => !f.Value.AsSpan().SequenceEqual(before[f.Key])).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        // The actor page of North Korea quotes the sentence that names Pyongyang; the feed carries the full text.
        Assert.Equal(
            ["actors/north-korea/index.html", "commentaries/getting-back-to-the-table/index.html", "feed.xml"],
            changed.Where(f => !f.StartsWith("search-index/", StringComparison.Ordinal)));
        // Of the search index: the entry file (its stamp) and the shards of the two new words, no record.
        var search = changed.Where(f => f.StartsWith("search-index/", StringComparison.Ordinal)).ToList();
        Assert.Contains("search-index/index.json", search);
        Assert.InRange(search.Count, 2, 3);
        Assert.All(search.Where(f => f != "search-index/index.json"), f => Assert.StartsWith("search-index/s/", f));
        Assert.Equal(changed.Count, report.FilesWritten);
    }

    [Fact]
    public async Task A_new_summary_rewrites_the_one_record_file_that_holds_the_commentary_and_the_site_is_the_one_a_fresh_build_makes()
    {
        // Enough commentaries for the records to run to several files.
        for (var i = 0; i < 3 * SearchIndexWriter.RecordsPerFile; i++)
        {
            var date = $"2015-{1 + i / 28:00}-{1 + i % 28:00}";
            _site.Write($"commentaries/{date}-filler-{i}.md", $"""
                ---
                title: Filler {i}
                date: {date}
                summary: Filler number {i} under pressure.
                ---
                Nothing much happened on day {i}.
                """);
        }
        await Rebuild();
        var before = _site.SnapshotOutput();
        var records = before.Keys.Where(f => f.StartsWith("search-index/r/", StringComparison.Ordinal)).ToList();
        Assert.True(records.Count >= 3, $"the records fit in {records.Count} files");
        var holding = Assert.Single(records, f => Encoding.UTF8.GetString(before[f]).Contains("\"Filler 20\"", StringComparison.Ordinal));

        _site.Write("commentaries/2015-01-21-filler-20.md", File.ReadAllText(_site.PathOf("commentaries/2015-01-21-filler-20.md"))
            .Replace("under pressure", "under great pressure"));
        await AssertSameAsFresh("a new summary among many commentaries");

        var after = _site.SnapshotOutput();
        var changed = after.Where(f => !f.Value.AsSpan().SequenceEqual(before[f.Key])).Select(f => f.Key).ToList();
        Assert.Equal([holding], changed.Where(f => f.StartsWith("search-index/r/", StringComparison.Ordinal)));
        Assert.Contains("great pressure", Encoding.UTF8.GetString(after[holding]), StringComparison.Ordinal);
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

    private static byte[] Png(int width, int height)
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the photo again at another size, dated later than the last build saw.</summary>
    private void ReplacePhoto(int width, int height)
    {
        _site.WriteBytes("static/media/photo.png", Png(width, height));
        File.SetLastWriteTimeUtc(_site.PathOf("static/media/photo.png"), DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_photo_replaced_by_one_of_another_size_gives_its_page_the_new_size_and_new_copies()
    {
        _site.WriteBytes("static/media/photo.png", Png(1300, 100));
        _site.Write("commentaries/2019-05-01-talks.md", "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\n![A wide photo](/media/photo.png)\n");
        Assert.True((await Rebuild()).Succeeded);
        var firstCopy = Directory.EnumerateFiles(Path.Combine(_site.Output, "media"), "photo-*-480w.png").Single();

        ReplacePhoto(1400, 350);
        var rebuilt = await Rebuild();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        var page = _site.ReadOutput("commentaries/talks/index.html");
        Assert.Contains("width=\"1400\" height=\"350\"", page);
        var copy = Directory.EnumerateFiles(Path.Combine(_site.Output, "media"), "photo-*-480w.png").Single();
        Assert.NotEqual(firstCopy, copy);
        Assert.Contains(Path.GetFileName(copy), page);
        Assert.Equal(120, SixLabors.ImageSharp.Image.Identify(copy).Height);
    }

    [Theory]
    [InlineData("glossary/yongbyon.md", "glossary/yongbyon/index.html")]
    [InlineData("actors/north-korea.md", "actors/north-korea/index.html")]
    public async Task A_photo_replaced_in_a_term_or_actor_text_gives_its_page_the_new_size(string file, string page)
    {
        _site.WriteBytes("static/media/photo.png", Png(300, 100));
        _site.Write(file, File.ReadAllText(_site.PathOf(file)) + "\n![A site photo](/media/photo.png)\n");
        Assert.True((await Rebuild()).Succeeded);
        Assert.Contains("width=\"300\" height=\"100\"", _site.ReadOutput(page));

        ReplacePhoto(320, 240);
        var rebuilt = await Rebuild();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.Contains("width=\"320\" height=\"240\"", _site.ReadOutput(page));
    }
}
