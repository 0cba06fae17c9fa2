using System.Text.RegularExpressions;

namespace WatchList.Tests;

/// <summary>The <c>watchlist</c> command: exit codes 0 (built), 1 (content errors), 2 (wrong command line), and what it prints.</summary>
public partial class CommandLineTests
{
    private static Task<CommandRun> RunAsync(params string[] args) => CommandRun.Of(args);

    /// <summary>The options that keep a run inside the test site, whatever else is given.</summary>
    private static string[] Build(TestSite site, params string[] more) =>
        ["build", "--input", site.Input, "--output", site.Output, "--theme", site.Theme, .. more];

    /// <summary>A usage error: exit 2, the problem on the error stream, where to read more, nothing on the output.</summary>
    private static void AssertUsageError(CommandRun run, string problem, string command = "watchlist build")
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.Errors);
        Assert.Contains($"See '{command} --help' for usage.", run.Errors);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_mistyped_command_exits_2_and_suggests_the_command_meant()
    {
        var run = await RunAsync("biuld");

        AssertUsageError(run, "watchlist: Unrecognized command or argument 'biuld'.", "watchlist");
        Assert.Contains("'biuld' was not matched. Did you mean one of the following?\nbuild\n", run.Errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_unknown_command_far_from_any_exits_2_without_a_suggestion()
    {
        var run = await RunAsync("publish");

        AssertUsageError(run, "Unrecognized command or argument 'publish'.", "watchlist");
        Assert.DoesNotContain("Did you mean", run.Errors);
    }

    [Fact]
    public async Task No_command_prints_the_commands_on_the_error_stream_and_exits_2()
    {
        var run = await RunAsync();

        AssertUsageError(run, "Required command was not provided.", "watchlist");
        foreach (var command in new[] { "build", "check", "new", "preview" })
        {
            Assert.Matches($"(?m)^  {command} ", run.Errors);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("build", "--help")]
    [InlineData("check", "-h")]
    [InlineData("new", "--help")]
    [InlineData("preview", "--help")]
    [InlineData("build", "--ouput", "x", "--help")]
    public async Task Help_on_the_program_and_every_command_exits_0_with_its_usage(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Prepend("watchlist").Take(2));
        Assert.Contains($"Usage:\n  {command} ", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("-h, --help", run.Output);
        Assert.Equal("", run.Errors);
    }

    [Fact]
    public async Task Build_help_names_every_option_with_its_default()
    {
        var run = await RunAsync("build", "--help");

        Assert.Matches(@"--input <DIR> +The content folder \[default: input\]", run.Output);
        Assert.Matches(@"--output <DIR> +Where the site is written", run.Output);
        Assert.Contains("[default: _site]", run.Output);
        Assert.Matches(@"--theme <DIR> +The theme folder \[default: theme\]", run.Output);
        Assert.Contains("--base-url <URL>", run.Output);
        Assert.Contains("--format <github|text>", run.Output);
        Assert.DoesNotContain("--port", run.Output);
    }

    [Theory]
    [InlineData("--input", "build", "check", "new", "preview")]
    [InlineData("--output", "build", "preview")]
    [InlineData("--theme", "build", "check", "preview")]
    [InlineData("--base-url", "build", "check", "preview")]
    [InlineData("--format", "build", "check")]
    public async Task An_option_reads_the_same_in_every_command_that_takes_it(string option, params string[] commands)
    {
        var described = new HashSet<string>();
        foreach (var command in commands)
        {
            var help = (await RunAsync(command, "--help")).Output.ReplaceLineEndings("\n");
            var row = Regex.Match(help, $@"^  {Regex.Escape(option)} (?<text>.*?)\n(?=  -|\n)", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(row.Success, $"watchlist {command} --help does not list {option}:\n{help}");
            described.Add(Regex.Replace(row.Groups["text"].Value, @"\s+", " ").Trim());
        }

        Assert.Single(described);
    }

    [Fact]
    public async Task Version_prints_the_programs_informational_version_and_exits_0()
    {
        var run = await RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        var expected = typeof(CommandLine).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(expected + "\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task A_mistyped_option_exits_2_and_suggests_the_option_meant()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--ouput", "elsewhere"));

        AssertUsageError(run, "watchlist build: Unrecognized command or argument '--ouput'.");
        Assert.Contains("'--ouput' was not matched. Did you mean one of the following?\n--output\n", run.Errors.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(site.Output));
        Assert.False(Directory.Exists("elsewhere"));
    }

    [Fact]
    public async Task An_option_of_another_command_exits_2()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--port", "8080"));

        AssertUsageError(run, "Unrecognized command or argument '--port'.");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_unknown_format_exits_2_listing_the_formats()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--format", "xml"));

        AssertUsageError(run, "Argument 'xml' not recognized. Must be one of:");
        Assert.Contains("'text'", run.Errors);
        Assert.Contains("'github'", run.Errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_option_without_its_value_at_the_end_exits_2()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--base-url"));

        AssertUsageError(run, "Required argument missing for option: '--base-url'.");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_option_followed_by_another_option_has_no_value_and_exits_2()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync("build", "--output", site.Output, "--theme", site.Theme, "--input", "--base-url", "https://example.org/");

        AssertUsageError(run, "--input needs a folder; '--base-url' is an option");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_empty_value_after_an_equals_sign_exits_2()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync("build", "--output", site.Output, "--theme", site.Theme, "--input=");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--input", run.Errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Options_may_be_written_with_an_equals_sign()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync("build", $"--input={site.Input}", $"--output={site.Output}", $"--theme={site.Theme}");

        Assert.Equal(0, run.ExitCode);
        Assert.True(site.OutputExists("index.html"));
    }

    [Theory]
    [InlineData("example.github.io/watchlist/")]
    [InlineData("ftp://example.github.io/watchlist/")]
    [InlineData("https://example.github.io/watchlist/?page=1")]
    [InlineData("/watchlist/")]
    public async Task A_base_url_that_is_not_an_absolute_web_address_exits_2(string url)
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--base-url", url));

        AssertUsageError(run, $"watchlist build: --base-url '{url}' is not an absolute http or https address");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_output_folder_equal_to_the_input_folder_exits_2_and_leaves_the_input_alone()
    {
        using var site = TestSite.WithGoodContent();
        var before = Files(site.Input);

        var run = await RunAsync("build", "--input", site.Input, "--output", site.Input, "--theme", site.Theme);

        AssertUsageError(run, "must not be, contain or lie inside the input or theme folder");
        Assert.Equal(before, Files(site.Input));
    }

    [Fact]
    public async Task An_output_folder_containing_the_input_folder_exits_2_and_leaves_the_input_alone()
    {
        using var site = TestSite.WithGoodContent();
        var before = Files(site.Input);

        var run = await RunAsync("build", "--input", site.Input, "--output", site.Root, "--theme", site.Theme);

        AssertUsageError(run, $"the output folder '{site.Root}' must not be, contain or lie inside the input or theme folder");
        Assert.Equal(before, Files(site.Input));
    }

    [Fact]
    public async Task An_output_folder_inside_the_input_folder_exits_2()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync("build", "--input", site.Input, "--output", Path.Combine(site.Input, "_site"), "--theme", site.Theme);

        AssertUsageError(run, "must not be, contain or lie inside the input or theme folder");
        Assert.False(Directory.Exists(Path.Combine(site.Input, "_site")));
    }

    [Fact]
    public async Task An_output_folder_equal_to_the_theme_folder_exits_2()
    {
        using var site = TestSite.WithGoodContent();
        var before = Files(site.Theme);

        var run = await RunAsync("build", "--input", site.Input, "--output", site.Theme, "--theme", site.Theme);

        AssertUsageError(run, "must not be, contain or lie inside the input or theme folder");
        Assert.Equal(before, Files(site.Theme));
    }

    [Fact]
    public async Task An_output_folder_whose_name_only_starts_like_the_input_is_allowed()
    {
        using var site = TestSite.WithGoodContent();
        var output = site.Input + "-site";

        var run = await RunAsync("build", "--input", site.Input, "--output", output, "--theme", site.Theme);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public async Task Content_errors_exit_1_with_the_messages_on_the_error_writer_and_the_output_unchanged()
    {
        using var site = TestSite.WithGoodContent();
        var before = await site.BuildGoodOutputAsync();
        site.Write("commentaries/2019-05-01-talks.md", "---\ntitle: Talks\ndate: 2019-02-30\nsummary: S.\n---\n");

        var run = await RunAsync(Build(site));

        Assert.Equal(1, run.ExitCode);
        var expected = $"{site.Shown("commentaries/2019-05-01-talks.md")}:3:7: error: 'date' is '2019-02-30', which is not a date";
        Assert.Contains(expected, run.Errors.Split('\n').Select(l => l.Split(';')[0]));
        Assert.Contains($"build failed; {site.Output} is unchanged: 1 error,", run.Output);
        Assert.DoesNotContain("error:", run.Output);
        site.AssertOutputUnchanged(before);
        site.AssertNoBuildLeftovers();
    }

    [Fact]
    public async Task An_empty_input_folder_exits_1_naming_the_folder()
    {
        using var site = TestSite.Empty();

        var run = await RunAsync(Build(site));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(WatchList.Site.Reading.DisplayPath.For(site.Input) + "/: error: the input folder is empty or missing", run.Errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_successful_build_exits_0_with_a_summary_line()
    {
        using var site = TestSite.WithGoodContent();

        var run = await RunAsync(Build(site, "--base-url", "https://example.github.io/watchlist"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("error:", run.Errors);
        var summary = SummaryLine().Match(run.Output);
        Assert.True(summary.Success, run.Output);
        Assert.Equal(site.Output, summary.Groups["folder"].Value);
        Assert.Equal(site.SnapshotOutput().Count, int.Parse(summary.Groups["files"].Value));
        Assert.Equal("0", summary.Groups["errors"].Value);
        Assert.Contains("href=\"/watchlist/commentaries/getting-back-to-the-table/\"", site.ReadOutput("index.html"));
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(File.ReadAllBytes(f)));

    [GeneratedRegex(@"^built (?<files>\d+) files into (?<folder>.+): (?<errors>\d+) errors?, \d+ warnings?, \d+ ms$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
