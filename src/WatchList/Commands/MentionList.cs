using WatchList.Reporting;
using WatchList.Site;
using WatchList.Site.Linking;

namespace WatchList.Commands;

/// <summary>
/// <c>watchlist check --mentions [FILES...]</c>: every automatic link of the named commentaries (all of them
/// when none is named), one a line on standard output, as text or as TSV (<c>--format tsv</c>) with a header.
/// Problems go to standard error; exit 1 when one is an error.
/// </summary>
internal static class MentionList
{
    public static async Task<int> RunAsync(BuildOptions options, IReadOnlyList<string> files, bool tsv, CommandContext context)
    {
        MentionAuditReport report;
        try
        {
            report = await MentionAudit.ListAsync(options, files, context.Stopping);
        }
        catch (OperationCanceledException)
        {
            await context.Errors.WriteLineAsync("watchlist: check cancelled");
            return CommandLine.ContentErrors;
        }
        await DiagnosticPrinter.PrintAsync(report.Diagnostics, DiagnosticFormat.Text, context);
        if (tsv)
        {
            await context.Output.WriteLineAsync(MentionAudit.TsvHeader);
        }
        foreach (var link in report.Links)
        {
            await context.Output.WriteLineAsync(tsv ? MentionAudit.Tsv(link) : MentionAudit.Text(link));
        }
        var pieces = report.Links.Select(l => l.Location.Path).Distinct().Count();
        await context.Errors.WriteLineAsync($"{report.Links.Length} automatic links in {pieces} commentaries");
        return report.Succeeded ? CommandLine.Success : CommandLine.ContentErrors;
    }
}
