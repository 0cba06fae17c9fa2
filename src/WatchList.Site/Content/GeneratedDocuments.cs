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
