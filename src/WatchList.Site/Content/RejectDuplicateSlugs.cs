using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Content;

/// <summary>Two commentaries at one address would overwrite each other: both files are named.</summary>
public sealed class RejectDuplicateSlugs : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var duplicates = inputs
            .GroupBy(d => d.Get(SiteKeys.Commentary).Slug, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        foreach (var group in duplicates)
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                context.Diagnostics.Add(Diagnostic.Error(new SourceLocation(other.Source, 1, 1),
                    $"the slug '{group.Key}' is also used by {first.Source}",
                    "two commentaries cannot share an address: set a different 'slug' in one of them"));
            }
        }
        var clashing = duplicates.SelectMany(g => g).ToHashSet();
        return ValueTask.FromResult(inputs.Where(d => !clashing.Contains(d)).ToImmutableArray());
    }
}
