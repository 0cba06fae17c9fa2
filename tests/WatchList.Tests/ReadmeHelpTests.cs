using System.Text.RegularExpressions;

namespace WatchList.Tests;

/// <summary>The README's command-line section shows exactly what <c>--help</c> prints, for the program and every command.</summary>
public partial class ReadmeHelpTests
{
    public static TheoryData<string> Commands => new() { "watchlist", "watchlist build", "watchlist check", "watchlist new", "watchlist preview" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_README_shows_the_help_of(string command)
    {
        using var output = new StringWriter();
        var args = command.Split(' ').Skip(1).Append("--help").ToArray();
        var code = await CommandLine.RunAsync(args, new CommandContext(output, TextWriter.Null));
        Assert.Equal(0, code);
        var help = Normalised(output.ToString());

        var readme = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var shown = HelpBlock().Matches(readme).Where(m => m.Groups["command"].Value == command).Select(m => m.Groups["help"].Value).ToList();

        Assert.True(shown.Count == 1, $"README.md should have one ```text block starting '$ {command} --help'; it has {shown.Count}. It should read:\n$ {command} --help\n{help}");
        Assert.Equal(help, Normalised(shown[0]));
    }

    /// <summary>Help pads wrapped lines with spaces an editor may strip; they are not part of what a reader sees.</summary>
    private static string Normalised(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n') + "\n";

    [GeneratedRegex(@"^```text\n\$ (?<command>watchlist[a-z ]*) --help\n(?<help>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HelpBlock();
}
