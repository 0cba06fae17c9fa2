namespace WatchList.Tests;

/// <summary><c>watchlist check</c>: every problem the build would report, nothing written, exit 1 on errors.</summary>
public class CheckCommandTests
{
    private static Task<CommandRun> RunAsync(params string[] args) => CommandRun.Of(args);

    private static string[] Check(TestSite site, params string[] more) =>
        ["check", "--input", site.Input, "--theme", site.Theme, .. more];

    /// <summary>A problem in every file it can be in, each with the line and column the annotation must carry.</summary>
    private static TestSite BrokenSite()
    {
        var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-bad-date.md", """
            ---
            title: Talks
            date: soon
            summary: Both sides talk.
            ---
            Fine.
            """);
        site.Write("commentaries/2019-05-02-links.md", """
            ---
            title: Links
            date: 2019-05-02
            summary: Links that go nowhere.
            ---
            See [the reactor](/glossary/yongbyun/) and [[Yongbyun]].

            ![A map, 100% wrong](/assets/missing.png)
            """);
        site.Write("commentaries/2019-05-03-typo.md", """
            ---
            title: Typo
            date: 2019-05-03
            summary: A key with a typo.
            autolnk: false
            ---
            Fine.
            """);
        site.Write("commentaries/2019-05-04-slug.md", """
            ---
            title: Slug
            date: 2019-05-04
            summary: A slug with capitals.
            slug: North_Korea
            ---
            Fine.
            """);
        site.Write("glossary/six-party-talks.md", """
            ---
            title: Six-Party Talks
            summary: Talks between six states on North Korea's nuclear programme.
            ---
            Held in Beijing; see [the reactor](../yongbyun/).
            """);
        return site;
    }

    [Fact]
    public async Task Github_format_annotates_every_problem_on_its_line_and_exits_1()
    {
        using var site = BrokenSite();

        var run = await RunAsync(Check(site, "--format", "github"));

        Assert.Equal(1, run.ExitCode);
        string File(string relative) => site.Shown(relative);
        string[] expected =
        [
            $"::error file={File("commentaries/2019-05-01-bad-date.md")},line=3,col=7::'date' is 'soon', which is not a date; write a real calendar date as YYYY-MM-DD, such as 2019-04-26",
            $"::error file={File("commentaries/2019-05-02-links.md")},line=6,col=19::the link '/glossary/yongbyun/' goes to no page of the site; did you mean '/glossary/yongbyon/'?",
            $"::error file={File("commentaries/2019-05-02-links.md")},line=6,col=44::unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?",
            $"::error file={File("commentaries/2019-05-02-links.md")},line=8,col=22::the image '/assets/missing.png' does not exist; keep the image beside the commentary (a folder with index.md and its files) and write its name, or put it in input/static/ and write its address from the site root",
            $"::warning file={File("commentaries/2019-05-03-typo.md")},line=5,col=1::unknown key 'autolnk' is ignored; did you mean 'autolink'?",
            $"::error file={File("commentaries/2019-05-04-slug.md")},line=5,col=7::the slug 'North_Korea' may hold only lowercase letters, digits and hyphens; write 'slug: north-korea'",
            $"::error file={File("glossary/six-party-talks.md")},line=5,col=36::the link '../yongbyun/' goes to no page of the site; did you mean '/glossary/yongbyon/'?",
        ];
        var annotations = run.Output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), annotations.Order(StringComparer.Ordinal));
        Assert.Contains("check failed: 6 errors, 1 warning,", run.Output);
        Assert.Equal("", run.Errors);
        Assert.False(Directory.Exists(site.OutputParent), "check wrote something");
    }

    [Fact]
    public async Task Text_format_prints_the_compiler_format_to_the_error_stream()
    {
        using var site = BrokenSite();

        var run = await RunAsync(Check(site));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{site.Shown("commentaries/2019-05-01-bad-date.md")}:3:7: error: 'date' is 'soon', which is not a date", run.Errors);
        Assert.Contains($"{site.Shown("commentaries/2019-05-03-typo.md")}:5:1: warning: unknown key 'autolnk' is ignored", run.Errors);
        Assert.DoesNotContain("::error", run.Output);
    }

    [Fact]
    public async Task A_good_site_passes_and_nothing_is_written()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Check(site));

        Assert.Equal(0, run.ExitCode);
        // The test site's glossary has terms its two commentaries do not mention: warnings, not errors.
        Assert.Matches(@"^checked \d+ files: 0 errors, 3 warnings, \d+ ms\n$", run.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("error", run.Errors);
        Assert.False(Directory.Exists(site.OutputParent));
    }

    [Fact]
    public async Task Warnings_alone_pass_with_exit_0()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("actors/kim-jong-un.md", "---\ntitle: Kim Jong-un\nkind: person\nsumary: Leader.\n---\n");

        var run = await RunAsync(Check(site, "--format", "github"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"::warning file={site.Shown("actors/kim-jong-un.md")},line=4,col=1::unknown key 'sumary' is ignored; did you mean 'summary'?", run.Output);
    }

    [Fact]
    public async Task A_bad_date_and_an_unknown_link_in_one_file_fail_check_and_build_together()
    {
        using var site = TestSite.WithGoodContent();
        const string commentary = "commentaries/2019-05-01-talks.md";
        site.Write(commentary, """
            ---
            title: Talks
            date: 2019-02-30
            summary: Both sides talk.
            ---
            The reactor at [[Yongbyun]] is closed.
            """);

        var check = await RunAsync(Check(site));
        var build = await RunAsync("build", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);

        foreach (var run in new[] { check, build })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{site.Shown(commentary)}:3:7: error: 'date' is '2019-02-30', which is not a date", run.Errors);
            Assert.Contains($"{site.Shown(commentary)}:6:16: error: unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?", run.Errors);
        }
        Assert.False(Directory.Exists(site.Output), "the failed build wrote the site");
    }

    [Fact]
    public async Task A_check_names_the_same_problems_as_a_build()
    {
        using var site = BrokenSite();
        using var checkOutput = new StringWriter();
        using var checkErrors = new StringWriter();
        using var buildOutput = new StringWriter();
        using var buildErrors = new StringWriter();
        await CommandLine.RunAsync(Check(site), checkOutput, checkErrors);
        await CommandLine.RunAsync(["build", "--input", site.Input, "--theme", site.Theme, "--output", site.Output], buildOutput, buildErrors);

        Assert.Equal(7, checkErrors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(checkErrors.ToString(), buildErrors.ToString());
    }

    [Theory]
    [InlineData("Argument 'xml' not recognized. Must be one of:", "--format", "xml")]
    [InlineData("Unrecognized command or argument '--output'.", "--output", "elsewhere")]
    [InlineData("Unrecognized command or argument 'stray'.", "stray")]
    public async Task A_wrong_command_line_exits_2(string problem, params string[] more)
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Check(site, more));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"watchlist check: {problem}", run.Errors);
        Assert.Contains("See 'watchlist check --help' for usage.", run.Errors);
        Assert.Equal("", run.Output);
    }

    private static string Shown(string folder) => WatchList.Site.Reading.DisplayPath.For(folder);
}
