using WatchList.Pipeline;

namespace WatchList.Site.Tests;

/// <summary>
/// The names under a commentary's <c>actors</c> and a term's <c>related</c> are read as <c>[[...]]</c> links
/// are: an entry's id, title or an alias, in any case, with the same "did you mean" when none fits.
/// </summary>
public class EntryNameTests
{
    private const string Commentary = "commentaries/2019-05-01-talks.md";

    private static void WriteCommentaryWithActors(TestSite site, string actors) => site.Write(Commentary, $"""
        ---
        title: Talks
        date: 2019-05-01
        summary: Both sides talk.
        actors: {actors}
        ---
        Nothing in this body names anyone.
        """);

    private static async Task<Diagnostic> SingleError(TestSite site)
    {
        var report = await site.BuildAsync();
        Assert.False(report.Succeeded);
        var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", report.Diagnostics));
        return errors[0];
    }

    private static string ActorChips(string commentaryPage)
    {
        var start = commentaryPage.IndexOf("Actors in this commentary", StringComparison.Ordinal);
        Assert.True(start >= 0, "the commentary lists no actors");
        return commentaryPage[start..commentaryPage.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Commentary_actors_may_be_named_by_title_alias_or_id_in_any_case()
    {
        using var site = TestSite.WithGoodContent();
        WriteCommentaryWithActors(site, "[Kim Jong-un, pyongyang]");

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var chips = ActorChips(site.ReadOutput("commentaries/talks/index.html"));
        Assert.Contains("href=\"/actors/kim-jong-un/\">Kim Jong-un</a>", chips);
        Assert.Contains("href=\"/actors/north-korea/\">North Korea</a>", chips);
    }

    [Fact]
    public async Task An_actor_named_twice_in_different_ways_is_listed_once()
    {
        using var site = TestSite.WithGoodContent();
        WriteCommentaryWithActors(site, "[north-korea, North Korea, Pyongyang]");

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var chips = ActorChips(site.ReadOutput("commentaries/talks/index.html"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(chips, "/actors/north-korea/"));
    }

    [Fact]
    public async Task A_misspelt_actor_title_suggests_the_title()
    {
        using var site = TestSite.WithGoodContent();
        WriteCommentaryWithActors(site, "[Kim Jong-uh]");

        var error = await SingleError(site);

        Assert.Equal(new SourceLocation(site.Shown(Commentary), 5, 10), error.Location);
        Assert.Equal("'actors' names actor 'Kim Jong-uh', which does not exist", error.Message);
        Assert.Equal("did you mean 'Kim Jong-un'?", error.Hint);
    }

    [Fact]
    public async Task A_glossary_term_under_actors_is_an_error_that_says_what_it_is()
    {
        using var site = TestSite.WithGoodContent();
        WriteCommentaryWithActors(site, "[Yongbyon]");

        var error = await SingleError(site);

        Assert.Equal(new SourceLocation(site.Shown(Commentary), 5, 10), error.Location);
        Assert.Equal("'actors' names 'Yongbyon', which is a glossary term, not an actor", error.Message);
    }

    [Fact]
    public async Task Related_terms_may_be_named_by_title_or_alias()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("glossary/six-party-talks.md", """
            ---
            title: Six-Party Talks
            aliases: [six-party process]
            summary: Talks between six states on North Korea's nuclear programme.
            ---
            The talks.
            """);
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [Six-Party Process]
            ---
            The nuclear complex.
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Contains("href=\"/glossary/six-party-talks/\"", site.ReadOutput("glossary/yongbyon/index.html"));
        // Related both ways: the term named is related back.
        Assert.Contains("href=\"/glossary/yongbyon/\"", site.ReadOutput("glossary/six-party-talks/index.html"));
    }

    [Fact]
    public async Task A_misspelt_related_title_suggests_the_title()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [Six-Party Talk]
            ---
            The nuclear complex.
            """);

        var error = await SingleError(site);

        Assert.Equal(new SourceLocation(site.Shown("glossary/yongbyon.md"), 4, 11), error.Location);
        Assert.Equal("'related' names glossary term 'Six-Party Talk', which does not exist", error.Message);
        Assert.Equal("did you mean 'Six-Party Talks'?", error.Hint);
    }

    [Fact]
    public async Task An_actor_under_related_is_an_error_that_says_what_it_is()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [Pyongyang]
            ---
            The nuclear complex.
            """);

        var error = await SingleError(site);

        Assert.Equal("'related' names 'Pyongyang', which is an actor, not a glossary term", error.Message);
    }
}
