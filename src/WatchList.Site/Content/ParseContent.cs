using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Diagnostics;
using WatchList.Site.FrontMatter;
using WatchList.Site.Linking;
using WatchList.Site.Output;

namespace WatchList.Site.Content;

/// <summary>
/// Turns Markdown files with front matter into content records. Reports every problem of every file in
/// one run: a file whose front matter is wrong is kept, with what could be read (its body, and defaults
/// for the bad fields), so that the modules after this one still check its body. Errors still fail the build.
/// </summary>
public abstract class ParseFrontMatterModule : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var (peers, peersKey) = Prepare(inputs, context);
        return ValueTask.FromResult(context.MapParallel(inputs, document =>
        {
            var text = document.Content.ReadAsText();
            // A one-off build holds each body compactly until it is rendered; a preview keeps the text, which its
            // cache compares with the next save's.
            return cache is null
                ? Parse(document, text, peers, context.Diagnostics, compact: true)
                : cache.Reuse(GetType().Name, document, text, peersKey, context.Diagnostics, bag => Parse(document, text, peers, bag, compact: false));
        }));
    }

    private Document? Parse(Document document, string text, object? peers, DiagnosticBag diagnostics, bool compact)
    {
        SplitFile split;
        try
        {
            split = FrontMatterSplitter.Split(document.Source, text);
        }
        catch (DiagnosticException e) when (!FrontMatterSplitter.StartsWithFrontMatter(text))
        {
            // Without front matter the whole file is the body: still checked, with every field at its default.
            diagnostics.Add(e.Diagnostic);
            return Finish(document, FieldReader.Unreadable(document.Source), new SplitFile("", text, 0, 1), peers, diagnostics, compact);
        }
        catch (DiagnosticException e)
        {
            // Front matter that is never closed leaves no body to check.
            diagnostics.Add(e.Diagnostic);
            return KeepsUnclosed
                ? Finish(document, FieldReader.Unreadable(document.Source), new SplitFile("", text, text.Length, 1), peers, diagnostics, compact)
                : null;
        }
        FieldReader fields;
        try
        {
            fields = FieldReader.Parse(document.Source, split.Yaml, lineOffset: 1);
        }
        catch (DiagnosticException e)
        {
            // YAML that cannot be read gives every field its default; the body is still checked.
            diagnostics.Add(e.Diagnostic);
            fields = FieldReader.Unreadable(document.Source);
        }
        return Finish(document, fields, split, peers, diagnostics, compact);
    }

    private Document? Finish(Document document, FieldReader fields, SplitFile split, object? peers, DiagnosticBag diagnostics, bool compact)
    {
        // Encoded from where it stands in the file: a one-off build copies the body only into its UTF-8.
        var body = compact ? MarkdownSource.Compact(document.Source, split.BodySpan, split.BodyLine) : new MarkdownSource(document.Source, split.Body, split.BodyLine);
        var result = Read(document, fields, body, peers);
        fields.WarnUnknownKeys(KnownKeys);
        diagnostics.AddRange(fields.Problems);
        // The body lives on in the record; the file's text is not needed again.
        return result?.WithContent(EmptyContent.Instance);
    }

    protected abstract IReadOnlyCollection<string> KnownKeys { get; }

    /// <summary>
    /// Whether a file whose front matter is never closed is still read, every field at its default and with
    /// no body: other files name an entry by its id, and must not call it unknown for its own mistake.
    /// </summary>
    protected virtual bool KeepsUnclosed => false;

    /// <summary>
    /// Whatever a file needs to know about the other files (the names it may refer to), and a key that
    /// changes when that does (a preview parses a file again when it changed).
    /// </summary>
    protected virtual (object? Peers, string Key) Prepare(ImmutableArray<Document> inputs, PipelineContext context) => (null, "");

    protected abstract Document? Read(Document document, FieldReader fields, MarkdownSource body, object? peers);

    /// <summary>The id a glossary or actor file gets from its name, which must already be a valid slug.</summary>
    protected static string IdFromFileName(Document document, FieldReader fields)
    {
        var id = Path.GetFileNameWithoutExtension(document.Source);
        if (!Slug.IsValid(id))
        {
            fields.Error(new SourceLocation(document.Source, 1, 1),
                $"the file name '{id}' is not a valid id: only lowercase letters, digits and hyphens may be used",
                $"rename the file to '{Slug.Suggest(id)}.md'");
        }
        return id;
    }

    /// <summary>
    /// The entry's short names. One that is also its title or an alias is an error: as a full name it would
    /// link everywhere, so the editor must say which of the two it is.
    /// </summary>
    protected static ImmutableArray<Located> ShortNames(FieldReader fields)
    {
        var shortNames = fields.List("short_names");
        var full = fields.List("aliases").Select(a => a.Value).Append(fields.Text("title") ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in shortNames.Where(n => full.Contains(n.Value)))
        {
            fields.Error(name.Location, $"'{name.Value}' is both a full name (title or alias) and a short name",
                "keep it in short_names to link it only after the full name, or in aliases to link it everywhere");
        }
        foreach (var phrase in fields.List("never_link").Where(n => full.Contains(n.Value)))
        {
            fields.Error(phrase.Location, $"'{phrase.Value}' is both a full name (title or alias) and a never_link phrase",
                "a never_link phrase never links: remove it from one of the two lists");
        }
        var never = fields.List("never_link").Select(n => n.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in shortNames.Where(n => never.Contains(n.Value)))
        {
            fields.Error(name.Location, $"'{name.Value}' is both a short name and a never_link phrase",
                "remove it from one of the two lists");
        }
        return shortNames;
    }

    protected static ImmutableArray<string> Texts(FieldReader fields, string key) => [.. fields.List(key).Select(i => i.Value)];

    protected static (object? Peers, string Key) IdsOf(ImmutableArray<Document> documents)
    {
        var ids = documents.Select(d => Path.GetFileNameWithoutExtension(d.Source)).ToHashSet(StringComparer.Ordinal);
        return (ids, string.Join(",", ids.Order(StringComparer.Ordinal)));
    }
}

public sealed class ParseGlossaryTerms : ParseFrontMatterModule
{
    protected override IReadOnlyCollection<string> KnownKeys { get; } =
        ["title", "aliases", "short_names", "never_link", "summary", "related", "case_sensitive"];

    protected override bool KeepsUnclosed => true;

    protected override Document? Read(Document document, FieldReader fields, MarkdownSource body, object? peers)
    {
        var id = IdFromFileName(document, fields);
        var term = new GlossaryTerm(
            id,
            fields.Text("title", required: true) ?? id,
            fields.List("aliases"),
            fields.Text("summary", required: true) ?? "",
            fields.List("related"),
            fields.Bool("case_sensitive"),
            body)
        {
            TitleLocation = fields.ValueLocation("title"),
            ShortNames = ShortNames(fields),
            NeverLink = fields.List("never_link"),
        };
        return document.With(SiteKeys.Term, term).WithDestination($"glossary/{id}/index.html");
    }
}

public sealed class ParseActors : ParseFrontMatterModule
{
    private static readonly Dictionary<string, ActorKind> Kinds = new(StringComparer.Ordinal)
    {
        ["state"] = ActorKind.State,
        ["organisation"] = ActorKind.Organisation,
        ["person"] = ActorKind.Person,
    };

    protected override IReadOnlyCollection<string> KnownKeys { get; } =
        ["title", "aliases", "short_names", "never_link", "kind", "affiliation", "summary", "case_sensitive"];

    protected override bool KeepsUnclosed => true;

    protected override (object? Peers, string Key) Prepare(ImmutableArray<Document> inputs, PipelineContext context) => IdsOf(inputs);

    protected override Document? Read(Document document, FieldReader fields, MarkdownSource body, object? peers)
    {
        var id = IdFromFileName(document, fields);
        var kindText = fields.Text("kind", required: true);
        var kind = ActorKind.State;
        if (kindText is not null && !Kinds.TryGetValue(kindText, out kind))
        {
            fields.Error(fields.ValueLocation("kind"), $"'kind' is '{kindText}', which is not a kind of actor",
                DidYouMean.Hint(kindText, Kinds.Keys, "use state, organisation or person"));
        }
        var ids = (IReadOnlySet<string>)peers!;
        var affiliation = fields.Text("affiliation");
        if (affiliation is not null && !ids.Contains(affiliation))
        {
            fields.Error(fields.ValueLocation("affiliation"), $"'affiliation' names actor '{affiliation}', which does not exist",
                DidYouMean.Hint(affiliation, ids, "use the file name (without .md) of an existing actor"));
            affiliation = null;
        }
        var actor = new Actor(
            id,
            fields.Text("title", required: true) ?? id,
            fields.List("aliases"),
            kind,
            affiliation,
            fields.Text("summary"),
            fields.Bool("case_sensitive"),
            body)
        {
            TitleLocation = fields.ValueLocation("title"),
            ShortNames = ShortNames(fields),
            NeverLink = fields.List("never_link"),
        };
        return document.With(SiteKeys.Actor, actor).WithDestination($"actors/{id}/index.html");
    }
}

/// <summary>
/// Reads commentaries; needs the linker to read the names under <c>actors</c>, which may be an actor's id,
/// title or alias, as in a <c>[[...]]</c> link.
/// </summary>
public sealed class ParseCommentaries(string linkerPipeline) : ParseFrontMatterModule
{
    protected override IReadOnlyCollection<string> KnownKeys { get; } =
        ["title", "date", "summary", "type", "series", "authors", "source", "publisher", "actors", "draft", "slug", "autolink", "redirect_from"];

    protected override (object? Peers, string Key) Prepare(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
        // Only the actors' names matter to a commentary's front matter: a change to a term parses nothing again.
        var key = string.Join("\u001E", linker.Targets.Where(t => t.Kind == TargetKind.Actor)
            .Select(t => string.Join("\u001F", [t.Id, .. MentionLinker.NamesOf(t)])));
        return (linker, key);
    }

    protected override Document? Read(Document document, FieldReader fields, MarkdownSource body, object? peers)
    {
        var slug = fields.Text("slug") ?? Slug.FromFileName(document.Source);
        if (!Slug.IsValid(slug))
        {
            var fromKey = fields.Has("slug");
            fields.Error(fromKey ? fields.ValueLocation("slug") : new SourceLocation(document.Source, 1, 1),
                $"the slug '{slug}' may hold only lowercase letters, digits and hyphens",
                fromKey
                    ? $"write 'slug: {Slug.Suggest(slug)}'"
                    : $"rename the file or add 'slug: {Slug.Suggest(slug)}' to the front matter");
            slug = Slug.Suggest(slug);
        }
        var source = fields.Text("source");
        if (source is not null && !(Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            fields.Error(fields.ValueLocation("source"), $"'source' is '{source}', which is not a web address",
                "give the full address of the original, starting with https://");
            source = null;
        }
        var commentary = new Commentary(
            slug,
            fields.Text("title", required: true) ?? "",
            fields.Date("date", required: true) ?? default,
            fields.Text("summary", required: true) ?? "",
            fields.Text("type"),
            fields.Text("series"),
            Texts(fields, "authors"),
            source,
            fields.Text("publisher"),
            EntryNames.Resolve((MentionLinker)peers!, "actors", fields.List("actors"), TargetKind.Actor, fields.Report),
            fields.Bool("autolink") ?? true,
            body)
        { RedirectFrom = Redirects.Read(fields) };
        if (fields.Bool("draft") == true)
        {
            return null;
        }
        return document.With(SiteKeys.Commentary, commentary).WithDestination($"commentaries/{slug}/index.html");
    }
}
