using WatchList.Reporting;

namespace WatchList.Tests;

/// <summary>Progress for long builds: one line rewritten in place on a terminal, plain lines otherwise, nothing for short builds.</summary>
public class ProgressTests
{
    private static readonly DateTimeOffset Start = new(2019, 4, 26, 12, 0, 0, TimeSpan.Zero);

    private static Progress HalfwayThroughABuild(CommandContext context)
    {
        var progress = new Progress("building", context);
        progress.PhaseFinished("commentaries", Pipeline.Phase.Input, 1000);
        progress.PhaseFinished("glossary", Pipeline.Phase.Input, 200);
        progress.PhaseFinished("commentaries", Pipeline.Phase.Process, 1000);
        progress.FilesToWrite(1200);
        for (var i = 0; i < 300; i++)
        {
            progress.FileWritten();
        }
        return progress;
    }

    [Fact]
    public void On_a_terminal_one_status_line_is_rewritten_in_place_then_erased()
    {
        var clock = new ManualClock(Start);
        var errors = new StringWriter();
        var progress = HalfwayThroughABuild(new CommandContext(TextWriter.Null, errors, IsTerminal: true) { Clock = clock });

        clock.Advance(TimeSpan.FromMilliseconds(500));
        progress.FileWritten();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Dispose();

        var shown = errors.ToString();
        Assert.DoesNotContain('\n', shown);
        Assert.StartsWith("\rbuilding (0.4 s): read 1,200 files, wrote 300 of 1,200 files", shown);
        Assert.Contains("\rbuilding (0.6 s): read 1,200 files, wrote 301 of 1,200 files", shown);
        Assert.Matches(@"\r +\r$", shown);
    }

    [Fact]
    public void Redirected_output_gets_a_plain_line_every_two_seconds()
    {
        var clock = new ManualClock(Start);
        var errors = new StringWriter();
        var progress = HalfwayThroughABuild(new CommandContext(TextWriter.Null, errors, IsTerminal: false) { Clock = clock });

        clock.Advance(TimeSpan.FromSeconds(4.5));
        progress.Dispose();

        Assert.Equal(
            ["watchlist: building (2.0 s): read 1,200 files, wrote 300 of 1,200 files",
             "watchlist: building (4.0 s): read 1,200 files, wrote 300 of 1,200 files"],
            errors.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_short_build_prints_only_its_summary(bool terminal)
    {
        using var site = TestSite.WithGoodContent();
        var output = new StringWriter();
        var errors = new StringWriter();
        var context = new CommandContext(output, errors, terminal) { Clock = new ManualClock(Start) };

        var code = await CommandLine.RunAsync(["build", "--input", site.Input, "--output", site.Output, "--theme", site.Theme], context);

        Assert.Equal(0, code);
        Assert.DoesNotContain("building", errors.ToString());
        Assert.DoesNotContain('\r', errors.ToString());
        Assert.Single(output.ToString().TrimEnd().Split('\n'));
    }
}
