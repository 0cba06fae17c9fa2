using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using WatchList.Commands;

namespace WatchList;

/// <summary>The <c>watchlist</c> command: its commands and options, parsed and checked by System.CommandLine.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    /// <summary>Help is laid out for this many columns at most, so it reads the same everywhere (and in the README).</summary>
    public const int HelpWidth = 80;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors) =>
        RunAsync(args, new CommandContext(output, errors));

    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        var parsed = Create(context).Parse(args);
        if (parsed.Action is ParseErrorAction problems)
        {
            await ExplainAsync(parsed, problems, args.Length == 0, context);
            return UsageError;
        }
        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Errors,
                // Exceptions are bugs and end the program as they did; Ctrl+C and SIGTERM reach commands through the context.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            },
            context.Stopping);
    }

    /// <summary>
    /// What is wrong with the command line, each problem once, then the names nearest to a mistyped one as
    /// System.CommandLine finds them, then where to read more; all on the error stream.
    /// </summary>
    private static async Task ExplainAsync(ParseResult parsed, ParseErrorAction problems, bool noCommand, CommandContext context)
    {
        if (noCommand)
        {
            // Nothing asked for: the list of commands is the answer, but the exit code still says it was not a command.
            Create(context).Parse(["--help"]).Invoke(new InvocationConfiguration { Output = context.Errors });
        }
        foreach (var message in parsed.Errors.Select(e => e.Message).Distinct())
        {
            await context.Errors.WriteLineAsync($"{CommandPath(parsed)}: {message}");
        }
        using var corrections = new StringWriter();
        problems.ShowHelp = false;
        problems.ShowTypoCorrections = true;
        parsed.Invoke(new InvocationConfiguration { Output = corrections, Error = TextWriter.Null });
        await context.Errors.WriteAsync(corrections.ToString().TrimStart('\r', '\n'));
        await context.Errors.WriteLineAsync($"See '{CommandPath(parsed)} --help' for usage.");
    }

    /// <summary>The command tree: the root's options, and a command per verb, each listing the shared options it takes.</summary>
    internal static Command Create(CommandContext context)
    {
        var options = new SharedOptions();
        var help = new HelpOption();
        help.Action = new HelpAtWidth((HelpAction)help.Action!, context);
        var version = new VersionOption { Action = new PrintVersion() };
        // A plain command, not RootCommand: its name is the program's, whatever process runs it (tests, dotnet run).
        return new Command("watchlist", "Builds a cross-linked website from Markdown policy commentaries.")
        {
            help,
            version,
            BuildCommand.Create(options, context),
            CheckCommand.Create(options, context),
            NewCommand.Create(options, context),
            PreviewCommand.Create(options, context),
        };
    }

    /// <summary>The informational version of the program (its version and, when built from git, the commit).</summary>
    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Help at <see cref="HelpWidth"/> columns, or a narrower terminal's width; measured only when help is asked for.</summary>
    private sealed class HelpAtWidth(HelpAction help, CommandContext context) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.MaxWidth = ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected && Console.WindowWidth > 0
                ? Math.Clamp(Console.WindowWidth, 40, HelpWidth)
                : HelpWidth;
            return help.Invoke(parseResult);
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return Success;
        }
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }
        return string.Join(' ', names);
    }

    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>The one line a build or check ends with: what happened, errors, warnings, time; and its exit code.</summary>
    internal static async Task<int> SummarizeAsync(CommandContext context, string outcome, Site.BuildReport report)
    {
        await context.Output.WriteLineAsync(
            $"{outcome}: {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {report.Elapsed.TotalMilliseconds:0} ms");
        return report.Succeeded ? Success : ContentErrors;
    }
}
