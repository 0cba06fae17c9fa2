using System.CommandLine;
using WatchList.Pipeline;
using WatchList.Scaffolding;
using WatchList.Site.Content;
using WatchList.Site.FrontMatter;
using WatchList.Site.Reading;

namespace WatchList.Commands;

/// <summary>
/// <c>watchlist new commentary|term|actor "TITLE"</c>: creates the file with its front matter and prints
/// its path; never overwrites a file.
/// </summary>
internal static class NewCommand
{
    public static Command Create(SharedOptions options, CommandContext context)
    {
        Argument<string> what = new Argument<string>("kind")
        {
            Description = "What to create: commentary, term or actor",
        }.AcceptOnlyFromAmong("commentary", "term", "actor");
        Argument<string> title = new("title")
        {
            Description = "Its title, in quotes, such as \"North Korea: Back to the Table\"; the file is named after it",
        };
        // An unknown option after the kind would otherwise be taken for the title.
        title.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is ['-', _, ..] word)
            {
                result.AddError($"unknown option '{word}'");
            }
        });
        Option<string> actorKind = new Option<string>("--kind")
        {
            Description = "For a new actor: state, organisation or person",
            DefaultValueFactory = _ => "person",
        }.AcceptOnlyFromAmong(NewContent.ActorKinds);
        Command command = new("new", "Creates a commentary, glossary term or actor with its front matter, and prints its path")
        {
            what,
            title,
            options.Input,
            actorKind,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(actorKind) is { Implicit: false } && result.GetValue(what) is { } kind && kind != "actor")
            {
                result.AddError($"--kind is for actors only, not for a new {kind}");
            }
        });
        command.SetAction((parsed, _) =>
        {
            NewContent.TryParseKind(parsed.GetRequiredValue(what), out var kind);
            return RunAsync(kind, parsed.GetRequiredValue(title), parsed.GetRequiredValue(actorKind), parsed.GetRequiredValue(options.Input), context);
        });
        return command;
    }

    private static async Task<int> RunAsync(ContentKind kind, string title, string actorKind, string input, CommandContext context)
    {
        title = title.Trim();
        var today = DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime);
        if (NewContent.For(kind, title, today, actorKind) is not { } content)
        {
            await context.Errors.WriteLineAsync(
                $"watchlist new {kind.ToString().ToLowerInvariant()}: the title '{title}' has no letter or digit to make an address from");
            return CommandLine.UsageError;
        }

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

    /// <summary>
    /// Another commentary with the same slug: a file or a folder's <c>index.md</c>, whose slug is its
    /// front matter's <c>slug</c> or else comes from its name, as the build gives it.
    /// </summary>
    private static string? SameSlug(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return null;
        }
        var slug = Slug.FromFileName(path);
        // The files the build reads as commentaries.
        return ReadFiles.FilesIn(folder, "*.md", bundles: true)
            .Where(f => Path.GetFullPath(f) != Path.GetFullPath(path))
            .FirstOrDefault(f => SlugOf(f) == slug);
    }

    /// <summary>The slug the build gives a commentary; the file's name when its front matter cannot be read (the build reports that).</summary>
    private static string SlugOf(string file)
    {
        try
        {
            var text = File.ReadAllText(file);
            if (FrontMatterSplitter.StartsWithFrontMatter(text))
            {
                var split = FrontMatterSplitter.Split(file, text);
                if (FieldReader.Parse(file, split.Yaml, 1).Text("slug") is { Length: > 0 } slug)
                {
                    return slug;
                }
            }
        }
        catch (Exception e) when (e is DiagnosticException or IOException or UnauthorizedAccessException)
        {
            // The build reports the file's own problem; here it keeps the slug its name gives.
        }
        return Slug.FromFileName(file);
    }
}
