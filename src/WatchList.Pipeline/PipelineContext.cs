using System.Collections.Immutable;

namespace WatchList.Pipeline;

/// <summary>What a module sees while it runs: where it is, other pipelines' documents, and where to report problems.</summary>
public sealed class PipelineContext
{
    private readonly Func<string, ImmutableArray<Document>> _outputsOf;
    private readonly ImmutableArray<object> _services;

    internal PipelineContext(
        Pipeline pipeline,
        Phase phase,
        DiagnosticBag diagnostics,
        Func<string, ImmutableArray<Document>> outputsOf,
        int maxParallelism,
        CancellationToken cancellationToken,
        ImmutableArray<object> services = default)
    {
        _services = services.IsDefault ? [] : services;
        Pipeline = pipeline;
        Phase = phase;
        Diagnostics = diagnostics;
        _outputsOf = outputsOf;
        MaxParallelism = maxParallelism;
        CancellationToken = cancellationToken;
    }

    public Pipeline Pipeline { get; }
    public Phase Phase { get; }
    public DiagnosticBag Diagnostics { get; }
    public int MaxParallelism { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>The session's service of type <typeparamref name="T"/> (such as the preview's cache), or null in a one-off run.</summary>
    public T? Service<T>() where T : class
    {
        foreach (var service in _services)
        {
            if (service is T wanted)
            {
                return wanted;
            }
        }
        return null;
    }

    /// <summary>
    /// The processed documents of another pipeline. In the process phase only declared dependencies
    /// are visible (their work is guaranteed finished); from post-process on, every pipeline is.
    /// </summary>
    public ImmutableArray<Document> OutputsOf(string pipelineName)
    {
        if (Phase is Phase.Input or Phase.Process && !Pipeline.Dependencies.Contains(pipelineName))
        {
            throw new InvalidOperationException(
                $"Pipeline '{Pipeline.Name}' reads '{pipelineName}' in its {Phase} phase without declaring it as a dependency.");
        }
        return _outputsOf(pipelineName);
    }

    internal static PipelineContext ForTest(Pipeline pipeline, Phase phase, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, ImmutableArray<Document>> outputs, params object[] services) =>
        new(pipeline, phase, diagnostics, name => outputs.TryGetValue(name, out var docs) ? docs : [],
            Environment.ProcessorCount, CancellationToken.None, [.. services]);
}
