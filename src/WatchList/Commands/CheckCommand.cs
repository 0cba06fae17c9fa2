using System.CommandLine;
using WatchList.Reporting;
using WatchList.Site;

namespace WatchList.Commands;

/// <summary>
/// <c>watchlist check</c>: every problem the build would report (front matter, references, links,
/// images, slugs, unmentioned entries), without writing a site. Exit 1 when any is an error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(SharedOptions options, CommandContext context)
    {
        // --mentions [FILES...]: the automatic links of these commentaries (all when none is named), instead of the problems.
        Option<string[]> mentions = new("--mentions")
        {
            Description = "List every automatic link of these commentaries (all of them when none is named): file:line:col, the words, the entry and the sentence",
            HelpName = "FILES",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        Option<bool> tsv = new("--tsv") { Description = "With --mentions, print tab-separated values with a header line" };
        Command command = new("check", "Reports every problem the build would, without writing anything")
        {
            options.Input,
            options.Theme,
            options.BaseUrl,
            options.Format,
            mentions,
            tsv,
        };
        command.SetAction((parsed, _) => parsed.GetResult(mentions) is null
            ? RunAsync(options.Build(parsed), options.DiagnosticFormat(parsed), context)
            : MentionList.RunAsync(options.Build(parsed), parsed.GetValue(mentions) ?? [], parsed.GetValue(tsv), context));
        return command;
    }

    private static async Task<int> RunAsync(BuildOptions options, DiagnosticFormat format, CommandContext context)
    {
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
