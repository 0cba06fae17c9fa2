using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Reading;

namespace WatchList.Site.Linking;

/// <summary>What an audit of automatic links found: every link, in file order, and any problem met on the way.</summary>
public sealed record MentionAuditReport(ImmutableArray<AutomaticLink> Links, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}

/// <summary>
/// Lists every automatic link of some commentaries (all when none are named), linked as the build links them:
/// the same glossary, actors, <c>link_mentions</c> and <c>autolink</c> settings. Writes nothing.
/// </summary>
public static class MentionAudit
{
    private const string Audit = "mention-audit";
    private static readonly MetadataKey<ImmutableArray<AutomaticLink>> LinksKey = new("automatic-links");

    public static async Task<MentionAuditReport> ListAsync(BuildOptions options, IReadOnlyCollection<string> files, CancellationToken cancellationToken = default)
    {
        var commentaries = Path.Combine(options.InputFolder, "commentaries");
        var wanted = files.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var recipe = SitePipelines.Create(options, options.OutputFolder)
            .Where(p => p.Name is SitePipelines.Site or SitePipelines.Glossary or SitePipelines.Actors or SitePipelines.Linker)
            .Select(p => p with { Output = [] })
            .Append(new Pipeline.Pipeline(Audit)
            {
                Dependencies = [SitePipelines.Site, SitePipelines.Actors, SitePipelines.Linker],
                Input = [new ReadFiles(commentaries, "*.md")],
                Process = [new KeepFiles(wanted), new ParseCommentaries(SitePipelines.Linker), new ListLinks(SitePipelines.Linker, SitePipelines.Site)],
            })
            .ToList();
        var result = await new Engine(recipe).RunAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = result.Diagnostics.ToList();
        var audited = result.Outputs.TryGetValue(Audit, out var documents) ? documents : [];
        var found = audited.Select(d => Path.GetFullPath(d.Source)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !found.Contains(Path.GetFullPath(f))))
        {
            if (!result.Diagnostics.Any(d => Path.GetFullPath(d.Location.Path) == Path.GetFullPath(file)))
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(DisplayPath.For(file)),
                    "is not a commentary of this site", $"name Markdown files in {DisplayPath.For(commentaries)}, or none for all of them"));
            }
        }
        var links = audited.SelectMany(d => d.Get(LinksKey))
            .OrderBy(l => l.Location.Path, StringComparer.Ordinal)
            .ThenBy(l => l.Location.Line)
            .ThenBy(l => l.Location.Column)
            .ToImmutableArray();
        return new MentionAuditReport(links, diagnostics);
    }

    /// <summary>
    /// One line per link, as compilers print places: <c>file:line:col: Kim Jong-un -> Kim Jong-un (/actors/kim-jong-un/): …[Kim Jong-un] said…</c>.
    /// </summary>
    public static string Text(AutomaticLink link) =>
        $"{link.Location}: {OneLine(link.Text)} -> {link.Target.Title} ({link.Target.Url}): {Sentence(link.Sentence)}";

    /// <summary>The columns of <see cref="Tsv"/>, for a header line.</summary>
    public const string TsvHeader = "file\tline\tcolumn\ttext\tentry\ttitle\tsentence";

    /// <summary>One tab-separated line per link: file, line, column, text, entry (its kind and id), title, sentence.</summary>
    public static string Tsv(AutomaticLink link) => string.Join('\t',
        Cell(link.Location.Path), link.Location.Line, link.Location.Column, Cell(link.Text), link.Target.Key, Cell(link.Target.Title),
        Cell(Sentence(link.Sentence)));

    /// <summary>The sentence around a link, the linked words in brackets, on one line.</summary>
    public static string Sentence(MentionContext context) => OneLine($"{context.Before}[{context.Mention}]{context.After}");

    // Every run of whitespace (line breaks, tabs) becomes one space: a link is one line, a TSV cell holds no tab.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cell(string text) => OneLine(text);

    /// <summary>Keeps the named files only; all of them when none is named.</summary>
    private sealed class KeepFiles(IReadOnlySet<string> wanted) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
            ValueTask.FromResult(wanted.Count == 0 ? inputs : [.. inputs.Where(d => wanted.Contains(Path.GetFullPath(d.Source)))]);
    }

    /// <summary>Links each commentary as the build does, recording every automatic link.</summary>
    private sealed class ListLinks(string linkerPipeline, string sitePipeline) : IModule
    {
        private readonly MarkdownRenderer _markdown = new();

        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
        {
            var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
            var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
            return ValueTask.FromResult(context.MapParallel(inputs, document =>
            {
                var commentary = document.Get(SiteKeys.Commentary);
                var options = new LinkOptions(settings.LinkPolicy, settings.Link, commentary.Autolink) { Audit = true };
                var result = linker.Link(_markdown.Parse(commentary.Body.Text), commentary.Body, options);
                context.Diagnostics.AddRange(result.Diagnostics);
                return document.With(LinksKey, result.AutomaticLinks);
            }));
        }
    }
}
