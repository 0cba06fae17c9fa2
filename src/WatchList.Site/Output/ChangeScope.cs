using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Pages;
using WatchList.Site.Templates;

namespace WatchList.Site.Output;

/// <summary>
/// Which pages a rebuild may have changed, so that a preview session builds the models of those pages
/// only. A save that rewrote a commentary's text but kept its front matter and the terms and actors it
/// names, in the same order, changes its own page and the pages of the terms and actors it names (their
/// lists quote the sentence around each mention), and nothing else: every other page shows only what
/// is unchanged. Any other change (front matter, names mentioned, a glossary or actor file or the size
/// of an image its text shows, a file added or removed, the settings, the theme) may change any page.
/// </summary>
public sealed class ChangeScope
{
    public static readonly MetadataKey<ChangeScope> Key = new("change-scope");

    private readonly ImmutableHashSet<string>? _sources;

    private ChangeScope(ImmutableHashSet<string>? sources) => _sources = sources;

    /// <summary>Every page may have changed.</summary>
    public static ChangeScope Everything { get; } = new(null);

    /// <summary>Only the pages built from these files (commentaries, terms, actors) may have changed.</summary>
    public static ChangeScope Only(IEnumerable<string> sources) => new(sources.ToImmutableHashSet(StringComparer.Ordinal));

    /// <summary>
    /// True when the page built from this document may differ from the last build's. Pages that are not
    /// built from one file (the home page, the indexes) show only what a text-only change leaves alone.
    /// </summary>
    public bool MayChange(Document page) => _sources is null || _sources.Contains(page.Source);
}

/// <summary>What of the site a build saw, to compare the next build with.</summary>
public sealed record SiteShape(
    string Settings,
    ulong Theme,
    string Linker,
    ImmutableArray<object> Entries,
    ImmutableArray<ulong> EntryBodies,
    ImmutableDictionary<string, SiteShape.CommentaryShape> Commentaries)
{
    /// <param name="Parsed">The parsed commentary: the same object while its file is unchanged.</param>
    /// <param name="Listing">The digest of what lists of commentaries show of it (its front matter).</param>
    /// <param name="Names">The terms and actors it names, in order.</param>
    /// <param name="NamedFiles">The files of those terms and actors, from which their pages are built.</param>
    /// <param name="Body">The digest of its rendered body: the same text renders anew when an image it shows changed size.</param>
    public sealed record CommentaryShape(Commentary Parsed, ulong Listing, ImmutableArray<string> Names, ImmutableArray<string> NamedFiles, ulong Body = 0);
}

/// <summary>Post-process module of a preview session: compares the site with the last build's and sets the <see cref="ChangeScope"/>.</summary>
public sealed class FindChanges(SiteCache cache) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var settings = context.OutputsOf(SitePipelines.Site).Single().Get(SiteKeys.Settings);
        var theme = context.OutputsOf(SitePipelines.Theme).Single().Get(LoadTheme.Key);
        var linker = context.OutputsOf(SitePipelines.Linker).Single().Get(BuildLinker.FingerprintKey);
        var backlinks = context.OutputsOf(SitePipelines.Backlinks).Single().Get(BuildBacklinks.Key);
        // Terms and actors by their parsed objects: the same objects while their files are unchanged.
        ImmutableArray<object> entries =
        [
            .. context.OutputsOf(SitePipelines.Glossary).Select(d => (object)d.Get(SiteKeys.Term)),
            .. context.OutputsOf(SitePipelines.Actors).Select(d => (object)d.Get(SiteKeys.Actor)),
        ];
        // Their rendered texts too: an unchanged file renders anew when an image it shows changed size.
        ImmutableArray<ulong> entryBodies =
        [
            .. context.OutputsOf(SitePipelines.TermPages).Concat(context.OutputsOf(SitePipelines.ActorPages)).Select(d => d.Get(SiteKeys.BodyHtml).Digest),
        ];
        var commentaries = context.OutputsOf(SitePipelines.Commentaries).ToImmutableDictionary(
            d => d.Source,
            d =>
            {
                var commentary = d.Get(SiteKeys.Commentary);
                var named = backlinks.MentionedBy(commentary);
                return new SiteShape.CommentaryShape(commentary, PageModels.Commentary(commentary).Digest,
                    [.. named.Select(m => m.Target.Key)], [.. named.Select(m => m.Target.SourcePath)], d.Get(SiteKeys.BodyHtml).Digest);
            },
            StringComparer.Ordinal);
        var shape = new SiteShape(settings.ToString(), theme.Fingerprint, linker, entries, entryBodies, commentaries);
        var scope = Compare(cache.Shape, shape);
        cache.Shape = shape;
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create("", "").With(ChangeScope.Key, scope)]);
    }

    private static ChangeScope Compare(SiteShape? last, SiteShape now)
    {
        if (last is null || last.Settings != now.Settings || last.Theme != now.Theme || last.Linker != now.Linker ||
            !last.Entries.SequenceEqual(now.Entries, ReferenceEqualityComparer.Instance) || !last.EntryBodies.SequenceEqual(now.EntryBodies) ||
            last.Commentaries.Count != now.Commentaries.Count)
        {
            return ChangeScope.Everything;
        }
        var changed = new List<string>();
        foreach (var (source, shape) in now.Commentaries)
        {
            if (!last.Commentaries.TryGetValue(source, out var before))
            {
                return ChangeScope.Everything;
            }
            if (ReferenceEquals(before.Parsed, shape.Parsed) && before.Body == shape.Body)
            {
                continue;
            }
            if (before.Listing != shape.Listing || !before.Names.SequenceEqual(shape.Names))
            {
                return ChangeScope.Everything;
            }
            changed.Add(source);
        }
        // The pages of the terms and actors a changed commentary names quote it.
        return ChangeScope.Only(changed.Concat(changed.SelectMany(source => now.Commentaries[source].NamedFiles)));
    }
}
