namespace WatchList.Tests;

/// <summary><c>watchlist check --mentions [FILES...]</c>: the editor's list of every automatic link, as text or TSV.</summary>
public class CheckMentionsCommandTests
{
    private static Task<CommandRun> RunAsync(params string[] args) => CommandRun.Of(args);

    private static string[] Check(TestSite site, params string[] more) =>
        ["check", "--input", site.Input, "--theme", site.Theme, .. more];

    [Fact]
    public async Task Mentions_of_one_file_are_listed_with_place_words_entry_and_sentence()
    {
        using var site = TestSite.WithGoodContent();
        var file = site.PathOf(TestSite.GoodCommentary);

        var run = await RunAsync(Check(site, "--mentions", file));

        Assert.Equal(CommandLine.Success, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{site.Shown(TestSite.GoodCommentary)}:9:37: Pyongyang -> North Korea (/actors/north-korea/): The tensions between Washington and [Pyongyang] have abated.",
            line.TrimEnd('\r'));
        Assert.Contains("1 automatic links in 1 commentaries", run.Errors);
    }

    [Fact]
    public async Task Mentions_as_tsv_have_a_header_and_one_row_per_link()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Check(site, "--mentions", "--tsv"));

        Assert.Equal(CommandLine.Success, run.ExitCode);
        var rows = run.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();
        Assert.Equal(["file", "line", "column", "text", "entry", "title", "sentence"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal([site.Shown(TestSite.GoodCommentary), "9", "37", "Pyongyang", "actor-north-korea", "North Korea"], row[..6]);
    }

    [Fact]
    public async Task Mentions_of_a_file_that_is_no_commentary_fail_with_its_name()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Check(site, "--mentions", site.PathOf("glossary/yongbyon.md")));

        Assert.Equal(CommandLine.ContentErrors, run.ExitCode);
        Assert.Contains("yongbyon.md: error: is not a commentary of this site", run.Errors.Replace('\\', '/'));
        Assert.Equal("", run.Output);
    }
}
