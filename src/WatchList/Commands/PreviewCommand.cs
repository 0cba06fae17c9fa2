using System.Globalization;
using WatchList.Preview;

namespace WatchList.Commands;

/// <summary><c>watchlist preview</c>: builds, serves on 127.0.0.1 and rebuilds on every save until Ctrl+C.</summary>
internal static class PreviewCommand
{
    private static readonly string[] Options = ["--input", "--output", "--theme", "--base-url", "--port"];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, CommandContext context)
    {
        if (!Arguments.TryParse(args.Span, Options, out var arguments, out var problem) ||
            !BuildCommand.NoWords(arguments, out problem) ||
            !arguments.TryGetBuildOptions(out var options, out problem) ||
            !TryGetPort(arguments, out var port, out problem))
        {
            return await CommandLine.UsageErrorAsync(context, problem);
        }

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

    private static bool TryGetPort(Arguments arguments, out int port, out string problem)
    {
        var text = arguments["--port", PreviewOptions.DefaultPort.ToString(CultureInfo.InvariantCulture)];
        var valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
        problem = valid ? "" : $"--port '{text}' is not a port: give a number from 1 to 65535";
        return valid;
    }
}
