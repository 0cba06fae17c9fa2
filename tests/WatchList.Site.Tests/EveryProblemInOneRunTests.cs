using WatchList.Pipeline;

namespace WatchList.Site.Tests;

/// <summary>
/// A file whose front matter is wrong still has its body checked, so one run names every problem;
/// the build still fails and publishes nothing.
/// </summary>
public class EveryProblemInOneRunTests
{
    private const string Commentary = "commentaries/2019-05-01-talks.md";

    /// <summary>Builds a good site, writes the file, builds again: returns the problems, after checking nothing was published.</summary>
    /// <param name="alsoWritten">Another file written with the commentary, such as a glossary file.</param>
    private static async Task<List<string>> ErrorsAfterWriting(TestSite site, string text, (string Path, string Text)? alsoWritten = null)
    {
        var before = await site.BuildGoodOutputAsync();
        site.Write(Commentary, text);
        if (alsoWritten is var (path, other))
        {
            site.Write(path, other);
        }

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.FilesWritten);
        site.AssertOutputUnchanged(before);
        site.AssertNoBuildLeftovers();
        return [.. report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())];
    }

    [Fact]
    public async Task A_bad_date_and_an_unknown_link_in_the_body_are_reported_together()
    {
        using var site = TestSite.WithGoodContent();

        var errors = await ErrorsAfterWriting(site, """
            ---
            title: Talks
            date: 2019-02-30
            summary: Both sides talk.
            ---
            The reactor at [[Yongbyun]] is closed.
            """);

        var shown = site.Shown(Commentary);
        Assert.Equal(
            [
                $"{shown}:3:7: error: 'date' is '2019-02-30', which is not a date; write a real calendar date as YYYY-MM-DD, such as 2019-04-26",
                $"{shown}:6:16: error: unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?",
            ],
            errors);
    }

    [Fact]
    public async Task Every_bad_field_and_the_body_are_reported_without_follow_on_errors()
    {
        using var site = TestSite.WithGoodContent();

        var errors = await ErrorsAfterWriting(site, """
            ---
            title: Talks
            date: soon
            summary: Both sides talk.
            source: not a web address
            actors: [north-koera]
            autolink: maybe
            ---
            See [[Yongbyun]] and [the talks](/glossary/six-party-talk/).
            """);

        var shown = site.Shown(Commentary);
        Assert.True(errors.Count == 6, string.Join("\n", errors));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:3:7: error: 'date' is 'soon'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:5:9: error: 'source' is 'not a web address'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:6:10: error: 'actors' names actor 'north-koera'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:7:11: error: 'autolink' is 'maybe'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:9:5: error: unknown glossary term or actor 'Yongbyun'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{shown}:9:34: error: the link '/glossary/six-party-talk/' goes to no page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Yaml_that_cannot_be_read_still_has_its_body_checked_and_no_key_is_called_missing()
    {
        using var site = TestSite.WithGoodContent();

        var errors = await ErrorsAfterWriting(site, """
            ---
            title: Talks
            summary: A summit: in Hanoi
            date: 2019-05-01
            ---
            The reactor at [[Yongbyun]] is closed.
            """);

        var shown = site.Shown(Commentary);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"{shown}:3:18: error: the front matter is not valid YAML", errors[0]);
        Assert.Equal($"{shown}:6:16: error: unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?", errors[1]);
    }

    [Fact]
    public async Task A_file_without_front_matter_has_its_whole_text_checked_as_the_body()
    {
        using var site = TestSite.WithGoodContent();

        var errors = await ErrorsAfterWriting(site, """
            # Talks

            The reactor at [[Yongbyun]] is closed.
            """);

        var shown = site.Shown(Commentary);
        Assert.Equal(
            [
                $"{shown}:1:1: error: the file does not start with front matter; begin it with a line '---', the YAML keys (title, date, ...), then a closing '---'",
                $"{shown}:3:16: error: unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?",
            ],
            errors);
    }

    /// <summary>A term or actor file with a mistake, and what its error starts with.</summary>
    public static TheoryData<string, string, string> BrokenEntries => new()
    {
        {
            "glossary/yongbyon.md",
            "---\ntitle: [Yongbyon\nsummary: The nuclear centre.\n---\nThe nuclear complex.\n",
            ":2:8: error: the front matter is not valid YAML"
        },
        {
            // Never closed, and named by the good commentary's actors and by Kim Jong-un's affiliation.
            "actors/north-korea.md",
            "---\ntitle: North Korea\naliases: [Pyongyang]\nkind: state\nsummary: The DPRK.\nA state on the Korean peninsula.\n",
            ":1:1: error: the front matter is never closed"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public async Task A_term_or_actor_with_a_mistake_leaves_the_commentaries_checked_in_the_same_run(string entry, string text, string error)
    {
        using var site = TestSite.WithGoodContent();

        var errors = await ErrorsAfterWriting(site, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            ---
            See [the talks](/glossary/six-party-talk/).
            """, (entry, text));

        // The entry's own error and the commentary's; no "unknown actor" and no warning that follows from the first.
        Assert.True(errors.Count == 2, string.Join("\n", errors));
        Assert.Contains(errors, e => e.StartsWith(site.Shown(Commentary) + ":6:17: error: the link '/glossary/six-party-talk/' goes to no page", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(site.Shown(entry) + error, StringComparison.Ordinal));
        Assert.DoesNotContain((await site.BuildAsync()).Diagnostics, d => d.Severity == Severity.Warning);
    }

    [Fact]
    public async Task A_check_reports_the_same_problems_and_writes_nothing()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Commentary, """
            ---
            title: Talks
            date: 2019-02-30
            summary: Both sides talk.
            ---
            The reactor at [[Yongbyun]] is closed.
            """);

        var check = await SiteBuilder.CheckAsync(site.Options());
        var build = await site.BuildAsync();

        Assert.False(check.Succeeded);
        Assert.Equal(2, check.Errors);
        Assert.Equal(build.Diagnostics.Select(d => d.ToString()), check.Diagnostics.Select(d => d.ToString()));
        Assert.False(Directory.Exists(site.Output), "a failed build or a check wrote the site");
    }
}
