using WatchList.Scaffolding;
using WatchList.Site.Content;
using WatchList.Site.Reading;

namespace WatchList.Commands;

/// <summary>
/// <c>watchlist new commentary|term|actor "TITLE"</c>: creates the file with its front matter and prints
/// its path; never overwrites a file.
/// </summary>
internal static class NewCommand
{
    private static readonly string[] Options = ["--input", "--kind"];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, CommandContext context)
    {
        if (!Arguments.TryParse(args.Span, Options, out var arguments, out var problem))
        {
            return await CommandLine.UsageErrorAsync(context, problem);
        }
        if (arguments.Words.Count != 2 || !NewContent.TryParseKind(arguments.Words[0], out var kind))
        {
            return await CommandLine.UsageErrorAsync(context, arguments.Words.Count switch
            {
                0 => "new: say what to create: commentary, term or actor",
                _ when !NewContent.TryParseKind(arguments.Words[0], out _) => $"new: '{arguments.Words[0]}' is not something to create: use commentary, term or actor",
                1 => $"new {arguments.Words[0]}: give its title in quotes, such as \"North Korea: Back to the Table\"",
                _ => $"new {arguments.Words[0]}: give the title as one argument, in quotes",
            });
        }
        var actorKind = arguments["--kind", "person"];
        if (arguments["--kind"] is not null && kind != ContentKind.Actor)
        {
            return await CommandLine.UsageErrorAsync(context, "--kind is for actors only");
        }
        if (!NewContent.ActorKinds.Contains(actorKind))
        {
            return await CommandLine.UsageErrorAsync(context, $"--kind '{actorKind}' is not a kind of actor: use state, organisation or person");
        }
        var title = arguments.Words[1].Trim();
        var today = DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime);
        if (NewContent.For(kind, title, today, actorKind) is not { } content)
        {
            return await CommandLine.UsageErrorAsync(context,
                $"new {arguments.Words[0]}: the title '{title}' has no letter or digit to make an address from");
        }

        var input = arguments["--input", "input"];
        if (!Directory.Exists(input))
        {
            await context.Errors.WriteLineAsync(
                $"watchlist: the input folder '{input}' does not exist; run this in the site's folder or give --input");
            return CommandLine.ContentErrors;
        }
        var path = Path.Combine(input, content.RelativePath);
        var shown = DisplayPath.For(path);
        if (kind == ContentKind.Commentary && SameSlug(path) is { } other)
        {
            await context.Errors.WriteLineAsync(
                $"watchlist: {DisplayPath.For(other)} already has the address '{Slug.FromFileName(path)}'; choose another title or edit that file");
            return CommandLine.ContentErrors;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // CreateNew: never overwrite, even if the file appears between a check and the write.
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
            await writer.WriteAsync(content.Text);
        }
        catch (IOException) when (File.Exists(path))
        {
            await context.Errors.WriteLineAsync($"watchlist: {shown} already exists; it was left as it is: edit it, or choose another title");
            return CommandLine.ContentErrors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Errors.WriteLineAsync($"watchlist: {shown} cannot be created: {e.Message}");
            return CommandLine.ContentErrors;
        }
        await context.Output.WriteLineAsync(shown);
        await context.Errors.WriteLineAsync($"watchlist: created {shown}; {content.Note}");
        return CommandLine.Success;
    }

    /// <summary>Another commentary whose file name gives the same slug, written on another day.</summary>
    private static string? SameSlug(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return null;
        }
        var slug = Slug.FromFileName(path);
        return Directory.EnumerateFiles(folder, "*.md")
            .Where(f => Path.GetFileName(f) != Path.GetFileName(path))
            .FirstOrDefault(f => Slug.FromFileName(f) == slug);
    }
}
