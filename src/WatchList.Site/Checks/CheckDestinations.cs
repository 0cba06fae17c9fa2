using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Checks;

/// <summary>
/// Post-process module: no two files of the site may land at the same address, such as a file in
/// <c>input/static/</c> named like a generated page, or a redirect from an address a page has. Reported
/// at the editor's file (or the front-matter line that asked for the address).
/// </summary>
public sealed class CheckDestinations(IReadOnlyList<string> writingPipelines) : IModule
{
    /// <summary>Where an editor asked for a file when that is not its document's source: a redirect's front-matter line.</summary>
    public static readonly MetadataKey<SourceLocation> Origin = new("origin");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var first = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in writingPipelines.SelectMany(p => context.OutputsOf(p)).Where(d => d.Destination.Length > 0))
        {
            if (!first.TryAdd(document.Destination, document))
            {
                context.Diagnostics.Add(Collision(first[document.Destination], document));
            }
        }
        return ValueTask.FromResult(inputs);
    }

    private static Diagnostic Collision(Document earlier, Document later)
    {
        var (at, other) = LocationOf(later) is not null ? (later, earlier) : (earlier, later);
        var location = LocationOf(at) ?? new SourceLocation(at.Destination);
        var address = SiteMap.SitePathOf(at.Destination);
        return Diagnostic.Error(location, $"'{address}' would be written twice: here and by {Describe(other)}",
            "rename or remove one of them; a file in input/static/ may not have the address of a page the site makes");
    }

    private static SourceLocation? LocationOf(Document document) =>
        document.TryGet(Origin, out var origin) ? origin
        : document.Source.Length > 0 ? new SourceLocation(document.Source)
        : null;

    private static string Describe(Document document) =>
        LocationOf(document) is { } location ? location.ToString() : "the site itself (a page it generates)";
}
