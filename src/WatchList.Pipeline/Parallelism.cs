using System.Collections.Immutable;

namespace WatchList.Pipeline;

public static class PipelineContextExtensions
{
    /// <summary>
    /// Maps each document on all cores, keeping input order. A document whose function throws
    /// <see cref="DiagnosticException"/> (or returns null) is left out; the problem is recorded.
    /// </summary>
    public static ImmutableArray<Document> MapParallel(
        this PipelineContext context,
        ImmutableArray<Document> inputs,
        Func<Document, Document?> map)
    {
        var results = new Document?[inputs.Length];
        var options = new ParallelOptions
        {
            CancellationToken = context.CancellationToken,
            MaxDegreeOfParallelism = context.MaxParallelism,
        };
        Parallel.For(0, inputs.Length, options, i =>
        {
            try
            {
                results[i] = map(inputs[i]);
            }
            catch (DiagnosticException e)
            {
                context.Diagnostics.Add(e.Diagnostic);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug of ours, not the editor's: still reported against the file, and the build fails cleanly.
                var where = inputs[i].Source.Length > 0 ? inputs[i].Source : inputs[i].Destination;
                context.Diagnostics.Add(Diagnostic.Error(new SourceLocation(where),
                    $"internal error in {context.Pipeline.Name}: {e.GetType().Name}: {e.Message}",
                    "this is a bug in WatchList; please report it with this file"));
            }
        });
        var builder = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var result in results)
        {
            if (result is not null)
            {
                builder.Add(result);
            }
        }
        return builder.ToImmutable();
    }
}
