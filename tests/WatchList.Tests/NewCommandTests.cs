using AngleSharp.Html.Parser;
using WatchList.Site;

namespace WatchList.Tests;

/// <summary><c>watchlist new</c>: a file with complete front matter that builds, named by a valid slug, never overwriting.</summary>
public class NewCommandTests
{
    private static readonly DateTimeOffset Today = new(2019, 6, 30, 9, 0, 0, TimeSpan.Zero);

    private sealed record Run(int ExitCode, string Output, string Errors);

    private static async Task<Run> RunAsync(TestSite site, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var context = new CommandContext(output, errors) { Clock = new ManualClock(Today) };
        var code = await CommandLine.RunAsync(["new", .. args, "--input", site.Input], context);
        return new Run(code, output.ToString(), errors.ToString());
    }

    private static string? Heading(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();

    private static async Task<BuildReport> Check(TestSite site) => await SiteBuilder.CheckAsync(site.Options());

    /// <summary>The run was refused because <paramref name="holder"/> has the slug, and wrote nothing.</summary>
    private static void AssertRefused(TestSite site, Run run, string holder, string slug, string notWritten)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{site.Shown(holder)} already has the address '{slug}'", run.Errors);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(site.PathOf(notWritten)));
    }

    [Fact]
    public async Task A_new_commentary_is_dated_today_named_by_its_title_and_prints_its_path()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(site, "commentary", "North Korea: Back to the Table?");

        Assert.Equal(0, run.ExitCode);
        const string file = "commentaries/2019-06-30-north-korea-back-to-the-table.md";
        Assert.Equal(site.Shown(file) + "\n", run.Output.ReplaceLineEndings("\n"));
        var text = File.ReadAllText(site.PathOf(file));
        Assert.StartsWith("""
            ---
            title: "North Korea: Back to the Table?"
            date: 2019-06-30
            summary: 
            """.ReplaceLineEndings("\n"), text);
        foreach (var key in new[] { "type", "series", "authors", "source", "publisher", "actors", "draft" })
        {
            Assert.Contains($"\n{key}: ", text);
        }
        Assert.Contains("draft: true", text);
        Assert.Contains("set 'draft: false' to publish it", run.Errors);
    }

    [Fact]
    public async Task A_new_commentary_builds_and_stays_out_of_the_site_until_it_is_published()
    {
        using var site = TestSite.WithGoodContent();
        await RunAsync(site, "commentary", "Talks Resume");
        const string file = "commentaries/2019-06-30-talks-resume.md";

        var draft = await site.BuildAsync();
        Assert.True(draft.Succeeded, string.Join("\n", draft.Diagnostics));
        Assert.DoesNotContain(draft.Diagnostics, d => d.Location.Path == site.Shown(file));
        Assert.False(site.OutputExists("commentaries/talks-resume/index.html"));

        site.Write(file, File.ReadAllText(site.PathOf(file)).Replace("draft: true", "draft: false"));
        var published = await site.BuildAsync();
        Assert.True(published.Succeeded, string.Join("\n", published.Diagnostics));
        Assert.Equal("Talks Resume", Heading(site.ReadOutput("commentaries/talks-resume/index.html")));
    }

    [Fact]
    public async Task A_new_term_gets_an_id_from_its_name_and_builds()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(site, "term", "The \"Hanoi\" Summit: No Deal");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(site.PathOf("glossary/the-hanoi-summit-no-deal.md")));
        var report = await site.BuildAsync();
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Equal("The \"Hanoi\" Summit: No Deal", Heading(site.ReadOutput("glossary/the-hanoi-summit-no-deal/index.html")));
    }

    [Fact]
    public async Task A_new_actor_gets_an_id_and_the_kind_given()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(site, "actor", "Kim Yo-jong", "--kind", "person");

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(site.PathOf("actors/kim-yo-jong.md"));
        Assert.Contains("title: \"Kim Yo-jong\"\nkind: person\n", text);
        var report = await Check(site);
        Assert.Equal(0, report.Errors);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        using var site = TestSite.WithGoodContent();
        var before = File.ReadAllText(site.PathOf("glossary/yongbyon.md"));

        var run = await RunAsync(site, "term", "Yongbyon");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{site.Shown("glossary/yongbyon.md")} already exists", run.Errors);
        Assert.Equal("", run.Output);
        Assert.Equal(before, File.ReadAllText(site.PathOf("glossary/yongbyon.md")));
    }

    [Fact]
    public async Task A_commentary_whose_slug_another_file_has_is_refused()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(site, "commentary", "Getting back to the table");

        AssertRefused(site, run, TestSite.GoodCommentary, "getting-back-to-the-table", "commentaries/2019-06-30-getting-back-to-the-table.md");
    }

    [Fact]
    public async Task A_commentary_kept_in_a_folder_with_the_same_slug_is_found()
    {
        using var site = TestSite.WithGoodContent();
        const string folder = "commentaries/2018-03-01-talks-resume/index.md";
        site.Write(folder, File.ReadAllText(site.PathOf(TestSite.GoodCommentary)).Replace("Getting back to the table", "Talks resume"));

        var run = await RunAsync(site, "commentary", "Talks Resume");

        AssertRefused(site, run, folder, "talks-resume", "commentaries/2019-06-30-talks-resume.md");
    }

    [Fact]
    public async Task The_slug_a_commentary_sets_in_its_front_matter_is_the_one_compared()
    {
        using var site = TestSite.WithGoodContent();
        const string renamed = "commentaries/2018-03-01-first-draft.md";
        site.Write(renamed, File.ReadAllText(site.PathOf(TestSite.GoodCommentary)).Replace("\ntitle:", "\nslug: talks-resume\ntitle:"));
        site.Write(TestSite.GoodCommentary, File.ReadAllText(site.PathOf(TestSite.GoodCommentary)).Replace("\ntitle:", "\nslug: back-at-the-table\ntitle:"));

        var taken = await RunAsync(site, "commentary", "Talks Resume");
        var freed = await RunAsync(site, "commentary", "Getting back to the table");

        AssertRefused(site, taken, renamed, "talks-resume", "commentaries/2019-06-30-talks-resume.md");
        Assert.Equal(0, freed.ExitCode);
        const string created = "commentaries/2019-06-30-getting-back-to-the-table.md";
        site.Write(created, File.ReadAllText(site.PathOf(created)).Replace("draft: true", "draft: false"));
        var report = await site.BuildAsync();
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public async Task A_missing_input_folder_is_an_error_not_a_new_folder()
    {
        using var site = TestSite.Empty();
        Directory.Delete(site.Input);

        var run = await RunAsync(site, "term", "Yongbyon");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Errors);
        Assert.False(Directory.Exists(site.Input));
    }

    [Theory]
    [InlineData("Required argument missing for command: 'new'.")]
    [InlineData("Argument 'page' not recognized. Must be one of:\n\t'commentary'\n\t'term'\n\t'actor'", "page", "About")]
    [InlineData("Required argument missing for command: 'new'.", "term")]
    [InlineData("Unrecognized command or argument 'material'.", "term", "Fissile", "material")]
    [InlineData("has no letter or digit", "term", "???")]
    [InlineData("--kind is for actors only, not for a new term", "term", "Fissile material", "--kind", "state")]
    [InlineData("Argument 'wizard' not recognized. Must be one of:\n\t'state'\n\t'organisation'\n\t'person'", "actor", "Merlin", "--kind", "wizard")]
    [InlineData("unknown option '--titel'", "term", "--titel", "Fissile material")]
    public async Task A_wrong_command_line_exits_2_and_creates_nothing(string problem, params string[] args)
    {
        using var site = TestSite.WithGoodContent();
        var before = Directory.EnumerateFiles(site.Input, "*", SearchOption.AllDirectories).Count();

        var run = await RunAsync(site, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.Errors.ReplaceLineEndings("\n"));
        Assert.Equal(before, Directory.EnumerateFiles(site.Input, "*", SearchOption.AllDirectories).Count());
    }
}
