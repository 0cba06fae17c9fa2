using System.CommandLine;
using WatchList.Reporting;
using WatchList.Site;

namespace WatchList.Commands;

/// <summary><c>watchlist build</c>: builds the site and swaps it into the output folder when it has no errors.</summary>
internal static class BuildCommand
{
    public static Command Create(SharedOptions options, CommandContext context)
    {
        Command command = new("build", "Builds the site into the output folder; a build with errors leaves it as it was")
        {
            options.Input,
            options.Output,
            options.BaseUrl,
            options.Theme,
            options.Format,
        };
        options.RefuseOutputOverlappingSources(command);
        command.SetAction((parsed, _) => RunAsync(options.Build(parsed), options.DiagnosticFormat(parsed), context));
        return command;
    }

    private static async Task<int> RunAsync(BuildOptions options, DiagnosticFormat format, CommandContext context)
    {
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
}
