using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Linking;

/// <summary>
/// Process module: gathers every glossary term and actor as a link target and builds the one
/// <see cref="MentionLinker"/> of the build. A name claimed by two entries is an error naming both files.
/// </summary>
public sealed class BuildLinker(string glossaryPipeline, string actorsPipeline) : IModule
{
    public static readonly MetadataKey<MentionLinker> Key = new("linker");

    /// <summary>A digest of every term's and actor's names, summary and address: linking may change when it does.</summary>
    public static readonly MetadataKey<string> FingerprintKey = new("linker-fingerprint");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<Output.SiteCache>();
        var terms = context.OutputsOf(glossaryPipeline).Select(d => d.Get(SiteKeys.Term));
        var actors = context.OutputsOf(actorsPipeline).Select(d => d.Get(SiteKeys.Actor));
        var targets = terms.Select(Target).Concat(actors.Select(Target)).ToImmutableArray();
        var names = terms.Select(t => (Target: Target(t), Names: Names(t.Title, t.TitleLocation, t.Aliases)))
            .Concat(actors.Select(a => (Target: Target(a), Names: Names(a.Title, a.TitleLocation, a.Aliases))));
        var owners = ReportClaimedTwice(names, context.Diagnostics);
        var others = terms.Select(t => (Target: Target(t), t.ShortNames, t.NeverLink))
            .Concat(actors.Select(a => (Target: Target(a), a.ShortNames, a.NeverLink)));
        ReportFullNamesOfOthers(others, owners, context.Diagnostics);
        var fingerprint = Output.Fingerprint.Of(targets
            .Select(t => string.Join("\u001F", [t.Key, t.Title, t.Url, t.Summary, t.SourcePath, t.CaseSensitive ? "exact" : "any", .. t.Aliases,
                "\u001E", .. t.ShortNames, "\u001E", .. t.NeverLink]))
            .ToList());
        var key = fingerprint.ToString("x16");
        var linker = cache is null ? new MentionLinker(targets) : cache.Keep(nameof(BuildLinker), key, () => new MentionLinker(targets));
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create("", "")
            .With(Key, linker)
            .With(FingerprintKey, key)]);
    }

    public static LinkTarget Target(GlossaryTerm term) => new(
        TargetKind.Term, term.Id, term.Title, term.Url, term.Summary, term.Body.Path,
        [.. term.Aliases.Select(a => a.Value)], term.CaseSensitive ?? false)
    {
        ShortNames = [.. term.ShortNames.Select(a => a.Value)],
        NeverLink = [.. term.NeverLink.Select(a => a.Value)],
    };

    /// <summary>Actors are proper names: matched with their capitals unless the file says otherwise.</summary>
    public static LinkTarget Target(Actor actor) => new(
        TargetKind.Actor, actor.Id, actor.Title, actor.Url, actor.Summary ?? actor.Title, actor.Body.Path,
        [.. actor.Aliases.Select(a => a.Value)], actor.CaseSensitive ?? true)
    {
        ShortNames = [.. actor.ShortNames.Select(a => a.Value)],
        NeverLink = [.. actor.NeverLink.Select(a => a.Value)],
    };

    private static IEnumerable<(string Name, SourceLocation Location)> Names(string title, SourceLocation titleAt, ImmutableArray<FrontMatter.Located> aliases) =>
        aliases.Select(a => (a.Value, a.Location)).Prepend((title, titleAt));

    private static Dictionary<string, (LinkTarget Target, SourceLocation Location)> ReportClaimedTwice(
        IEnumerable<(LinkTarget Target, IEnumerable<(string Name, SourceLocation Location)> Names)> entries, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<string, (LinkTarget Target, SourceLocation Location)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (target, names) in entries)
        {
            foreach (var (name, location) in names)
            {
                var key = AliasAutomaton.Normalize(name);
                if (!owners.TryGetValue(key, out var owner))
                {
                    owners[key] = (target, location);
                }
                else if (owner.Target != target)
                {
                    diagnostics.Add(Diagnostic.Error(location,
                        $"the name '{name}' is also claimed by {owner.Target.SourcePath} ({owner.Location.Line}:{owner.Location.Column})",
                        "a mention can link to one entry only: keep this name in one of the two files"));
                }
            }
        }
        return owners;
    }

    /// <summary>
    /// Several entries may share a short name (the one named in full most recently wins), but a short name or
    /// never_link phrase that is another entry's full name would take that name from it.
    /// </summary>
    private static void ReportFullNamesOfOthers(
        IEnumerable<(LinkTarget Target, ImmutableArray<FrontMatter.Located> ShortNames, ImmutableArray<FrontMatter.Located> NeverLink)> entries,
        Dictionary<string, (LinkTarget Target, SourceLocation Location)> owners, DiagnosticBag diagnostics)
    {
        foreach (var (target, shortNames, neverLink) in entries)
        {
            foreach (var (list, what) in new[] { (shortNames, "short name"), (neverLink, "never_link phrase") })
            {
                foreach (var name in list)
                {
                    if (owners.TryGetValue(AliasAutomaton.Normalize(name.Value), out var owner) && owner.Target.Key != target.Key)
                    {
                        diagnostics.Add(Diagnostic.Error(name.Location,
                            $"the {what} '{name.Value}' is the full name of {owner.Target.SourcePath} ({owner.Location.Line}:{owner.Location.Column})",
                            "a full name always links to its own entry: remove it here, or make it a short name there too"));
                    }
                }
            }
        }
    }
}
