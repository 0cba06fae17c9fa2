using WatchList.Reporting;
using WatchList.Site;

namespace WatchList.Commands;

/// <summary>
/// <c>watchlist check</c>: every problem the build would report (front matter, references, links,
/// images, slugs, unmentioned entries), without writing a site. Exit 1 when any is an error.
/// </summary>
internal static class CheckCommand
{
    private static readonly string[] Options = ["--input", "--theme", "--base-url", "--format"];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, CommandContext context)
    {
        if (!Arguments.TryParse(args.Span, Options, out var arguments, out var problem) ||
            !BuildCommand.NoWords(arguments, out problem) ||
            !arguments.TryGetBuildOptions(out var options, out problem, writes: false) ||
            !BuildCommand.TryGetFormat(arguments, out var format, out problem))
        {
            return await CommandLine.UsageErrorAsync(context, problem);
        }

        BuildReport report;
        try
        {
            using var progress = new Progress("checking", context);
            report = await SiteBuilder.CheckAsync(options, progress, context.Stopping);
        }
        catch (OperationCanceledException)
        {
            await context.Errors.WriteLineAsync("watchlist: check cancelled");
            return CommandLine.ContentErrors;
        }
        await DiagnosticPrinter.PrintAsync(report.Diagnostics, format, context);
        var outcome = report.Succeeded ? $"checked {report.FilesInSite} files" : "check failed";
        return await CommandLine.SummarizeAsync(context, outcome, report);
    }
}
