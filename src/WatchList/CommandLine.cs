using WatchList.Site;
using WatchList.Site.Content;

namespace WatchList;

/// <summary>The <c>watchlist</c> command: parses arguments and hands the work to the site builder.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    private const string Usage = """
        usage: watchlist build [--input DIR] [--output DIR] [--base-url URL] [--theme DIR]

          --input DIR      the content folder (default: input)
          --output DIR     where the site is written (default: _site)
          --base-url URL   the address the site is published at (default: base_url in site.yml)
          --theme DIR      the theme folder (default: theme)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? UsageError : Success;
        }
        if (args[0] != "build")
        {
            await errors.WriteLineAsync($"watchlist: unknown command '{args[0]}'\n{Usage}");
            return UsageError;
        }
        if (!TryParseBuild(args.AsSpan(1), out var options, out var problem))
        {
            await errors.WriteLineAsync($"watchlist: {problem}\n{Usage}");
            return UsageError;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        BuildReport report;
        try
        {
            report = await SiteBuilder.BuildAsync(options, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await errors.WriteLineAsync("watchlist: build cancelled; the output folder is unchanged");
            return ContentErrors;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        foreach (var diagnostic in report.Diagnostics)
        {
            await errors.WriteLineAsync(diagnostic.ToString());
        }
        var outcome = report.Succeeded
            ? $"built {report.FilesWritten} files into {options.OutputFolder}"
            : $"build failed; {options.OutputFolder} is unchanged";
        await output.WriteLineAsync(
            $"{outcome}: {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {report.Elapsed.TotalMilliseconds:0} ms");
        return report.Succeeded ? Success : ContentErrors;
    }

    private static bool TryParseBuild(ReadOnlySpan<string> args, out BuildOptions options, out string problem)
    {
        string input = "input", output = "_site", theme = "theme";
        Uri? baseUrl = null;
        options = null!;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var inline = name.IndexOf('=');
            string? value = null;
            if (inline > 0)
            {
                value = name[(inline + 1)..];
                name = name[..inline];
            }
            if (name is not ("--input" or "--output" or "--base-url" or "--theme"))
            {
                problem = $"unknown option '{args[i]}'";
                return false;
            }
            if (value is "")
            {
                problem = $"option '{name}' needs a value";
                return false;
            }
            if (value is null)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"option '{name}' needs a value";
                    return false;
                }
                value = args[++i];
            }
            switch (name)
            {
                case "--input": input = value; break;
                case "--output": output = value; break;
                case "--theme": theme = value; break;
                case "--base-url":
                    if (!ReadSiteSettings.TryParseBaseUrl(value, out var url))
                    {
                        problem = $"--base-url '{value}' is not an absolute http or https address";
                        return false;
                    }
                    baseUrl = url;
                    break;
            }
        }
        if (Overlaps(output, input) || Overlaps(output, theme))
        {
            problem = $"the output folder '{output}' must not be, contain or lie inside the input or theme folder: it is replaced on every build";
            return false;
        }
        options = new BuildOptions(input, output, theme, baseUrl);
        problem = "";
        return true;
    }

    private static bool Overlaps(string a, string b)
    {
        var first = Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var second = Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return first.StartsWith(second, StringComparison.Ordinal) || second.StartsWith(first, StringComparison.Ordinal);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
