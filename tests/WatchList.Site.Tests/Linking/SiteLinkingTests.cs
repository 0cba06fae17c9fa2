using WatchList.Pipeline;

namespace WatchList.Site.Tests.Linking;

/// <summary>Linking rules that only a whole build shows: names claimed twice, entries nobody mentions, a new commentary.</summary>
public class SiteLinkingTests
{
    [Fact]
    public async Task Alias_claimed_by_two_entries_is_an_error_naming_both_files()
    {
        using var site = TestSite.Minimal();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            aliases: ["the reactor site"]
            summary: North Korea's main nuclear research centre.
            ---
            The complex.
            """);
        site.Write("glossary/reactor.md", """
            ---
            title: Reactor
            aliases: ["The Reactor Site"]
            summary: A nuclear reactor.
            ---
            A reactor.
            """);

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        var text = error.ToString().Replace('\\', '/');
        Assert.Contains("input/glossary/yongbyon.md", text);
        Assert.Contains("input/glossary/reactor.md", text);
        Assert.Contains("reactor site", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public async Task Title_claimed_as_another_entrys_alias_is_reported_at_the_title_line()
    {
        using var site = TestSite.Minimal();
        site.Write("glossary/nuclear-complex.md", """
            ---
            title: Nuclear complex
            aliases: ["Yongbyon complex"]
            summary: A place where nuclear work is done.
            ---
            A complex.
            """);
        site.Write("glossary/yongbyon-complex.md", """
            ---
            summary: North Korea's main nuclear research centre.
            related: [nuclear-complex]
            title: Yongbyon Complex
            ---
            The complex.
            """);

        var report = await site.BuildAsync();

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        var text = error.ToString().Replace('\\', '/');
        Assert.Contains("input/glossary/nuclear-complex.md", text);
        Assert.Contains("input/glossary/yongbyon-complex.md", text);
        // Whichever file the error is filed under, it points at the line holding the name.
        Assert.Equal(error.Location.Path.Replace('\\', '/').EndsWith("yongbyon-complex.md", StringComparison.Ordinal) ? 4 : 3, error.Location.Line);
    }

    [Fact]
    public async Task Entry_mentioned_nowhere_is_a_warning_naming_its_file()
    {
        using var site = TestSite.Minimal();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            ---
            The complex.
            """);
        site.Write("glossary/punggye-ri.md", """
            ---
            title: Punggye-ri
            summary: The nuclear test site.
            ---
            The test site.
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("input/glossary/punggye-ri.md", warning.Location.Path.Replace('\\', '/'));
        Assert.Contains("'Punggye-ri' is mentioned in no commentary", warning.Message);
    }

    private const string NewCommentary = "commentaries/2019-10-07-stockholm-talks-end-without-a-deal.md";

    /// <summary>Written as an editor would, without looking at which names the glossary knows.</summary>
    private const string Stockholm = """
        ---
        title: "Stockholm: Talks End Without a Deal"
        date: 2019-10-07
        summary: "The first working-level meeting since Hanoi broke up after a day."
        type: Commentary
        authors: [A. Analyst]
        ---
        Negotiators from Washington and Pyongyang met on 5 October at a conference centre outside
        Stockholm, their first formal meeting since the Hanoi summit collapsed in February. The US
        delegation was led by Stephen Biegun, who had spent the summer pressing for a meeting at which
        both sides could put concrete proposals on the table.

        The talks lasted barely a day. North Korea's chief negotiator walked out, saying the Americans had
        come "empty-handed". Pyongyang wants sanctions relief before it takes further steps, and it still
        treats Yongbyon as its main bargaining chip; Washington wants a verifiable freeze first. The gap is
        much the same as the one that stalled the Six-Party
        Talks a decade ago.

        Neither side has closed the door. Sweden has offered to host another round within two weeks, and
        Biegun said he would return. But without a shared sense of what a first step looks like, another
        meeting may only repeat the last.
        """;

    [Fact]
    public async Task Every_linked_mention_finds_its_entrys_title_and_summary_in_definitions_json_by_its_address()
    {
        using var site = TestSite.CopyOfRealInput();
        site.Write(NewCommentary, Stockholm);

        var report = await site.BuildAsync(new Uri("https://example.org/news/"));

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        using var definitions = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "definitions.json")));
        var page = site.Page("commentaries/stockholm-talks-end-without-a-deal/index.html");
        var mentions = page.QuerySelectorAll("a.mention").ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, a => Assert.True(definitions.RootElement.TryGetProperty(a.GetAttribute("href")!, out _), $"no definition for {a.GetAttribute("href")}"));
        var yongbyon = definitions.RootElement.GetProperty("/news/glossary/yongbyon/");
        Assert.Equal("Yongbyon", yongbyon[0].GetString());
        Assert.Equal(site.Page("glossary/yongbyon/index.html").QuerySelector(".lead")!.TextContent, yongbyon[1].GetString());
        // The page itself no longer repeats the summaries.
        Assert.Null(page.QuerySelector(".definitions, [aria-describedby]"));
    }

    [Fact]
    public async Task New_commentary_is_linked_and_appears_on_the_pages_it_mentions()
    {
        using var site = TestSite.CopyOfRealInput();
        site.Write(NewCommentary, Stockholm);

        var report = await site.BuildAsync(new Uri("https://example.org/news/"));

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var commentaryUrl = "/news/commentaries/stockholm-talks-end-without-a-deal/";
        var page = site.Page("commentaries/stockholm-talks-end-without-a-deal/index.html");
        var links = page.QuerySelectorAll(".body a")
            .Select(a => (Text: a.TextContent, Href: a.GetAttribute("href"), a.Id))
            .ToList();
        Assert.Contains(("Yongbyon", "/news/glossary/yongbyon/", "mention-term-yongbyon"), links);
        Assert.Contains(("sanctions relief", "/news/glossary/sanctions-relief/", "mention-term-sanctions-relief"), links);
        Assert.Contains(("Six-Party\nTalks", "/news/glossary/six-party-talks/", "mention-term-six-party-talks"), links);
        Assert.Contains(("Pyongyang", "/news/actors/north-korea/", "mention-actor-north-korea"), links);
        Assert.Contains(("Stephen Biegun", "/news/actors/stephen-biegun/", "mention-actor-stephen-biegun"), links);
        Assert.Null(page.QuerySelector(".body a a, .body h1 a, .body h2 a, .body code a"));

        // The term page lists the new commentary first (it is the newest), linking to its first mention.
        var yongbyon = site.Page("glossary/yongbyon/index.html");
        var first = yongbyon.QuerySelector("ol.mentioned-in > li")!;
        var link = first.QuerySelector("a")!;
        Assert.Equal("Stockholm: Talks End Without a Deal", link.TextContent);
        Assert.Equal(commentaryUrl + "#mention-term-yongbyon", link.GetAttribute("href"));
        Assert.Equal("Yongbyon", first.QuerySelector(".kwic mark")!.TextContent);
        Assert.Equal(3, yongbyon.QuerySelectorAll("ol.mentioned-in > li").Length);

        // So do the other term and actor pages it mentions.
        foreach (var (entry, anchor) in new[]
        {
            ("glossary/sanctions-relief", "mention-term-sanctions-relief"),
            ("glossary/six-party-talks", "mention-term-six-party-talks"),
            ("actors/north-korea", "mention-actor-north-korea"),
            ("actors/stephen-biegun", "mention-actor-stephen-biegun"),
        })
        {
            var hrefs = site.Page(entry + "/index.html").QuerySelectorAll("ol.mentioned-in > li > a")
                .Select(a => a.GetAttribute("href"));
            Assert.Contains(commentaryUrl + "#" + anchor, hrefs);
        }
    }
}
