namespace WatchList.Tests;

/// <summary>One run of the <c>watchlist</c> command in this process: its exit code and what it printed on each stream.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CommandRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, errors);
        return new CommandRun(code, output.ToString(), errors.ToString());
    }
}
