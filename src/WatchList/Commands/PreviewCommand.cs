using System.CommandLine;
using WatchList.Preview;
using WatchList.Site;

namespace WatchList.Commands;

/// <summary><c>watchlist preview</c>: builds, serves on 127.0.0.1 and rebuilds on every save until Ctrl+C.</summary>
internal static class PreviewCommand
{
    public static Command Create(SharedOptions options, CommandContext context)
    {
        Command command = new("preview", "Builds, serves the site on http://127.0.0.1:PORT/ and rebuilds on every save until Ctrl+C")
        {
            options.Input,
            options.Output,
            options.Theme,
            options.BaseUrl,
            options.Port,
        };
        options.RefuseOutputOverlappingSources(command);
        command.SetAction((parsed, _) => RunAsync(options.Build(parsed), parsed.GetValue(options.Port), context));
        return command;
    }

    private static async Task<int> RunAsync(BuildOptions options, int port, CommandContext context)
    {
        await using var session = new PreviewSession(new PreviewOptions(options, port), context.Errors);
        try
        {
            await session.StartAsync(context.Stopping);
        }
        catch (PortUnavailableException e)
        {
            await context.Errors.WriteLineAsync($"watchlist: {e.Message}; choose another with --port");
            return CommandLine.ContentErrors;
        }
        catch (OperationCanceledException)
        {
            return CommandLine.Success;
        }
        await session.RunAsync(context.Stopping);
        return CommandLine.Success;
    }
}
