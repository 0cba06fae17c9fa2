using System.Collections.Immutable;

namespace WatchList.Pipeline;

/// <summary>A step of a pipeline: documents in, documents out.</summary>
public interface IModule
{
    ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context);
}

/// <summary>
/// A module that handles each document on its own, in parallel on all cores, keeping input order.
/// A document whose processing throws <see cref="DiagnosticException"/> is reported and dropped;
/// the others go on, so one build reports every broken file at once.
/// </summary>
public abstract class PerDocumentModule : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(context.MapParallel(inputs, input => Execute(input, context)));

    /// <summary>Returns the changed document, or null to drop it.</summary>
    protected abstract Document? Execute(Document input, PipelineContext context);
}

/// <summary>A module written as a function over all documents of the phase.</summary>
public sealed class DelegateModule(Func<ImmutableArray<Document>, PipelineContext, ImmutableArray<Document>> execute) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(execute(inputs, context));
}
