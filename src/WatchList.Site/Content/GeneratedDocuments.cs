using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Content;

/// <summary>Adds one generated page or file (an index, a feed) at a destination.</summary>
public sealed class CreatePage(string destination) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(inputs.Add(Document.Create("", destination)));
}

/// <summary>Reports an error when a folder gave no documents: a site needs content.</summary>
public sealed class RequireSome(string what, string folder, string hint) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (inputs.IsEmpty)
        {
            context.Diagnostics.Add(Diagnostic.Error(
                new SourceLocation(Reading.DisplayPath.For(folder).TrimEnd('/') + "/"), $"there are no {what}", hint));
        }
        return ValueTask.FromResult(inputs);
    }
}

/// <summary>Process module: takes the documents of another pipeline as this one's (term or actor pages from their entries).</summary>
public sealed class TakeFrom(string pipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(inputs.AddRange(context.OutputsOf(pipeline)));
}

/// <summary>
/// Process module of the term pages: gives each term the terms related to it both ways (those it names
/// and those that name it), by title, from one index of the glossary rather than a search per page.
/// The names under <c>related</c> are read as <c>[[...]]</c> links are, so it needs the linker.
/// </summary>
public sealed class RelateTerms(string linkerPipeline) : IModule
{
    public static readonly MetadataKey<ImmutableArray<GlossaryTerm>> Key = new("related-terms");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var linker = context.OutputsOf(linkerPipeline).Single().Get(Linking.BuildLinker.Key);
        var terms = inputs.Select(d => d.Get(SiteKeys.Term)).ToList();
        var byId = new Dictionary<string, GlossaryTerm>(StringComparer.Ordinal);
        var names = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var namedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            byId.TryAdd(term.Id, term);
            var ids = names[term.Id] = EntryNames.Resolve(linker, "related", term.Related, Linking.TargetKind.Term, context.Diagnostics.Add);
            foreach (var id in ids)
            {
                (namedBy.TryGetValue(id, out var list) ? list : namedBy[id] = []).Add(term.Id);
            }
        }
        return ValueTask.FromResult(inputs.Select(document =>
        {
            var term = document.Get(SiteKeys.Term);
            ImmutableArray<GlossaryTerm> related =
            [
                .. names[term.Id].Concat(namedBy.GetValueOrDefault(term.Id) ?? [])
                    .Distinct()
                    .Where(byId.ContainsKey)
                    .Select(id => byId[id])
                    .OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase),
            ];
            return document.With(Key, related);
        }).ToImmutableArray());
    }
}

/// <summary>Process module: a feed beside each term's and actor's page (<c>glossary/ID/feed.xml</c>), holding the entry.</summary>
public sealed class FeedPerEntry(params string[] entryPipelines) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(inputs.AddRange(entryPipelines.SelectMany(p => context.OutputsOf(p)).Select(page =>
        {
            var feed = Document.Create("", page.Destination[..(page.Destination.LastIndexOf('/') + 1)] + "feed.xml");
            return page.TryGet(SiteKeys.Term, out var term) ? feed.With(SiteKeys.Term, term) : feed.With(SiteKeys.Actor, page.Get(SiteKeys.Actor));
        })));
}
