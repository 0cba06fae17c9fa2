using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using WatchList.Preview;
using WatchList.Reporting;
using WatchList.Site;
using WatchList.Site.Content;

namespace WatchList.Commands;

/// <summary>
/// The options more than one command takes, each defined once: every command that takes one parses,
/// checks and documents it alike. A command lists the ones it takes; adding one is adding it to that list.
/// </summary>
internal sealed class SharedOptions
{
    public Option<string> Input { get; } = new("--input")
    {
        Description = "The content folder",
        HelpName = "DIR",
        DefaultValueFactory = _ => "input",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "Where the site is written; replaced on every build",
        HelpName = "DIR",
        DefaultValueFactory = _ => "_site",
    };

    public Option<string> Theme { get; } = new("--theme")
    {
        Description = "The theme folder",
        HelpName = "DIR",
        DefaultValueFactory = _ => "theme",
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The address the site is published at, such as https://owner.github.io/repo/; every link is made under its path [default: base_url in site.yml]",
        HelpName = "URL",
        CustomParser = ParseBaseUrl,
    };

    public Option<string> Format { get; } = new Option<string>("--format")
    {
        Description = "How problems are printed: text (path:line:col: error: ...) or github (GitHub Actions annotations)",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "github");

    public Option<int> Port { get; } = new("--port")
    {
        Description = "The preview's port on 127.0.0.1; 0 takes any free one",
        HelpName = "N",
        DefaultValueFactory = _ => PreviewOptions.DefaultPort,
        CustomParser = ParsePort,
    };

    public SharedOptions()
    {
        foreach (var folder in new[] { Input, Output, Theme })
        {
            // System.CommandLine gives an option the next word even when it is an option: `--input --theme x`.
            folder.Validators.Add(result =>
            {
                if (result.Tokens is [{ Value: ['-', '-', ..] word }])
                {
                    result.AddError($"{result.Option.Name} needs a folder; '{word}' is an option");
                }
            });
        }
    }

    /// <summary>The folders and address of a build, from --input, --output, --theme and --base-url.</summary>
    public BuildOptions Build(ParseResult parsed) =>
        new(parsed.GetRequiredValue(Input), parsed.GetValue(Output) ?? "_site", parsed.GetRequiredValue(Theme), parsed.GetValue(BaseUrl));

    public DiagnosticFormat DiagnosticFormat(ParseResult parsed) =>
        DiagnosticPrinter.TryParse(parsed.GetRequiredValue(Format), out var format) ? format : Reporting.DiagnosticFormat.Text;

    /// <summary>For commands that write the output folder: it is replaced on every build, so it must hold neither the input nor the theme.</summary>
    public void RefuseOutputOverlappingSources(Command command) => command.Validators.Add(result =>
    {
        // Command validators run before defaults are filled in: an option not given has its default.
        string Value(Option<string> option) =>
            result.GetResult(option) is { Tokens: [var given] } ? given.Value : (string)option.GetDefaultValue()!;
        var output = Value(Output);
        if (Overlaps(output, Value(Input)) || Overlaps(output, Value(Theme)))
        {
            result.AddError($"the output folder '{output}' must not be, contain or lie inside the input or theme folder: it is replaced on every build");
        }
    });

    private static Uri? ParseBaseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (ReadSiteSettings.TryParseBaseUrl(text, out var url))
        {
            return url;
        }
        result.AddError($"--base-url '{text}' is not an absolute http or https address, such as https://owner.github.io/repo/");
        return null;
    }

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
        {
            return port;
        }
        result.AddError($"--port '{text}' is not a port: give a number from 1 to 65535, or 0 for any free port");
        return 0;
    }

    private static bool Overlaps(string a, string b)
    {
        var first = Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var second = Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return first.StartsWith(second, StringComparison.Ordinal) || second.StartsWith(first, StringComparison.Ordinal);
    }
}
