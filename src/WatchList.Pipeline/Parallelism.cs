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
