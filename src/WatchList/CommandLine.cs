using WatchList.Commands;

namespace WatchList;

/// <summary>The <c>watchlist</c> command: picks the command named first and hands it the rest.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public const string Usage = """
        usage: watchlist build   [--input DIR] [--output DIR] [--base-url URL] [--theme DIR] [--format text|github]
               watchlist check   [--input DIR] [--theme DIR] [--base-url URL] [--format text|github]
               watchlist new     commentary|term|actor "TITLE" [--input DIR] [--kind state|organisation|person]
               watchlist preview [--input DIR] [--output DIR] [--theme DIR] [--port N]

          build     builds the site into the output folder
          check     reports every problem the build would, without writing anything
          new       creates a commentary, glossary term or actor with its front matter
          preview   builds, serves the site on http://127.0.0.1:PORT/ and rebuilds on every save

          --input DIR      the content folder (default: input)
          --output DIR     where the site is written (default: _site)
          --base-url URL   the address the site is published at (default: base_url in site.yml)
          --theme DIR      the theme folder (default: theme)
          --format FORMAT  text (default): path:line:col: error: ...; github: GitHub Actions annotations
          --kind KIND      for a new actor: state, organisation or person (default: person)
          --port N         the preview's port on 127.0.0.1 (default: 5080)
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors) =>
        RunAsync(args, new CommandContext(output, errors));

    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await context.Output.WriteLineAsync(Usage);
            return args.Length == 0 ? UsageError : Success;
        }
        Func<ReadOnlyMemory<string>, CommandContext, Task<int>>? command = args[0] switch
        {
            "build" => BuildCommand.RunAsync,
            "check" => CheckCommand.RunAsync,
            "new" => NewCommand.RunAsync,
            "preview" => PreviewCommand.RunAsync,
            _ => null,
        };
        if (command is null)
        {
            return await UsageErrorAsync(context, $"unknown command '{args[0]}'");
        }
        return await command(args.AsMemory(1), context);
    }

    /// <summary>Prints what is wrong with the command line, then the usage; returns the exit code for it.</summary>
    internal static async Task<int> UsageErrorAsync(CommandContext context, string problem)
    {
        await context.Errors.WriteLineAsync($"watchlist: {problem}\n{Usage}");
        return UsageError;
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
