using WatchList.Reporting;
using WatchList.Site;

namespace WatchList.Commands;

/// <summary><c>watchlist build</c>: builds the site and swaps it into the output folder when it has no errors.</summary>
internal static class BuildCommand
{
    private static readonly string[] Options = ["--input", "--output", "--base-url", "--theme", "--format"];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, CommandContext context)
    {
        if (!Arguments.TryParse(args.Span, Options, out var arguments, out var problem) ||
            !NoWords(arguments, out problem) ||
            !arguments.TryGetBuildOptions(out var options, out problem) ||
            !TryGetFormat(arguments, out var format, out problem))
        {
            return await CommandLine.UsageErrorAsync(context, problem);
        }

        BuildReport report;
        try
        {
            using var progress = new Progress("building", context);
            report = await SiteBuilder.BuildAsync(options, progress, context.Stopping);
        }
        catch (OperationCanceledException)
        {
            await context.Errors.WriteLineAsync("watchlist: build cancelled; the output folder is unchanged");
            return CommandLine.ContentErrors;
        }
        await DiagnosticPrinter.PrintAsync(report.Diagnostics, format, context);
        var outcome = report.Succeeded
            ? $"built {report.FilesWritten} files into {options.OutputFolder}"
            : $"build failed; {options.OutputFolder} is unchanged";
        return await CommandLine.SummarizeAsync(context, outcome, report);
    }

    /// <summary>Commands that take only options refuse a stray word (often a value whose option was mistyped).</summary>
    internal static bool NoWords(Arguments arguments, out string problem)
    {
        problem = arguments.Words.Count > 0 ? $"unknown option '{arguments.Words[0]}'" : "";
        return arguments.Words.Count == 0;
    }

    internal static bool TryGetFormat(Arguments arguments, out DiagnosticFormat format, out string problem)
    {
        var text = arguments["--format", "text"];
        problem = DiagnosticPrinter.TryParse(text, out format) ? "" : $"--format '{text}' is not a format: use text or github";
        return problem.Length == 0;
    }
}
