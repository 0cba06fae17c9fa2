using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace WatchList.Pipeline;

/// <summary>What a run produced: every problem found, and each pipeline's documents after the last phase that ran.</summary>
public sealed record EngineResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, ImmutableArray<Document>> Outputs)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Runs pipelines phase by phase, each pipeline as soon as what it depends on is done,
/// independent pipelines in parallel.
/// </summary>
public sealed class Engine
{
    private readonly ImmutableArray<Pipeline> _pipelines;
    private readonly int _maxParallelism;
    private readonly ImmutableArray<object> _services;

    /// <param name="services">
    /// What a long-running session lends every module of the run, such as a cache that lets a rebuild skip
    /// unchanged work (<see cref="PipelineContext.Service{T}"/>). A one-off build has none; a module works
    /// the same without them, only slower.
    /// </param>
    public Engine(IEnumerable<Pipeline> pipelines, int? maxParallelism = null, IEnumerable<object>? services = null)
    {
        _pipelines = [.. pipelines];
        _maxParallelism = maxParallelism ?? Environment.ProcessorCount;
        _services = services is null ? [] : [.. services];
        Validate(_pipelines);
    }

    /// <summary>Pipelines in an order where each comes after its dependencies.</summary>
    public ImmutableArray<Pipeline> Ordered => TopologicalOrder(_pipelines);

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        // Each pipeline counts its own errors, so one pipeline's problem never skips another's dependents.
        var own = _pipelines.ToDictionary(p => p.Name, _ => new DiagnosticBag(diagnostics));
        var skipped = new ConcurrentDictionary<string, bool>();
        // Pipelines a module failed outright in: their documents are gone, whatever they allow their dependents.
        var failed = new ConcurrentDictionary<string, bool>();
        var byName = _pipelines.ToDictionary(p => p.Name);
        // Pipelines run after errors of theirs or of what they depend on, whose dependents let them run: a
        // warning found there may follow from those errors (a term left without its aliases is "mentioned in
        // no commentary"), so only their errors are reported.
        var afterErrors = new ConcurrentDictionary<string, bool>();
        var processed = new ConcurrentDictionary<string, ImmutableArray<Document>>();
        var written = new ConcurrentDictionary<string, ImmutableArray<Document>>();

        ImmutableArray<Document> OutputsOf(string name) =>
            processed.TryGetValue(name, out var docs) ? docs : [];

        async Task<ImmutableArray<Document>> RunPhase(Pipeline pipeline, Phase phase, ImmutableArray<Document> inputs, DiagnosticBag? bag = null)
        {
            var context = new PipelineContext(pipeline, phase, bag ?? own[pipeline.Name], OutputsOf, _maxParallelism, cancellationToken, _services);
            var documents = inputs;
            // Held only in documents from here: what a module replaces can be collected while the phase goes on.
            inputs = default;
            // Off the caller's stack, too: run inside its call (modules mostly finish synchronously), the phase's
            // first documents stayed reachable from the caller's frames until the last module was done.
            await Task.Yield();
            foreach (var module in pipeline.ModulesOf(phase))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    documents = await module.ExecuteAsync(documents, context).ConfigureAwait(false);
                }
                catch (DiagnosticException e)
                {
                    context.Diagnostics.Add(e.Diagnostic);
                    failed[pipeline.Name] = true;
                    return [];
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    context.Diagnostics.Add(Diagnostic.Error(new SourceLocation(pipeline.Name),
                        $"internal error in the {phase} phase: {e.GetType().Name}: {e.Message}",
                        "this is a bug in WatchList; please report it"));
                    failed[pipeline.Name] = true;
                    return [];
                }
            }
            return documents;
        }

        // Input phases share nothing, so they all start at once.
        var inputTasks = new ConcurrentDictionary<string, Task<ImmutableArray<Document>>>(_pipelines.ToDictionary(
            p => p.Name,
            p => Task.Run(() => RunPhase(p, Phase.Input, []), cancellationToken)));

        var processTasks = new Dictionary<string, Task>();
        foreach (var pipeline in Ordered)
        {
            var dependencies = pipeline.Dependencies.Select(d => processTasks[d]).ToArray();
            processTasks[pipeline.Name] = Task.Run(async () =>
            {
                var inputs = await inputTasks[pipeline.Name].ConfigureAwait(false);
                // The input phase's documents live on only in what the process phase makes of them.
                inputTasks.TryRemove(pipeline.Name, out _);
                await Task.WhenAll(dependencies).ConfigureAwait(false);
                // A pipeline whose dependencies failed would only report follow-on errors of theirs.
                if (pipeline.Dependencies.Any(d => (own[d].HasErrors && (byName[d].ErrorsStopDependents || failed.ContainsKey(d))) || skipped.ContainsKey(d)))
                {
                    skipped[pipeline.Name] = true;
                    processed[pipeline.Name] = [];
                    return;
                }
                DiagnosticBag? errorsOnly = null;
                if (pipeline.Dependencies.Any(d => own[d].HasErrors || afterErrors.ContainsKey(d)))
                {
                    afterErrors[pipeline.Name] = true;
                    errorsOnly = new DiagnosticBag(own[pipeline.Name], errorsOnly: true);
                }
                var run = RunPhase(pipeline, Phase.Process, inputs, errorsOnly);
                inputs = default;
                processed[pipeline.Name] = await run.ConfigureAwait(false);
            }, cancellationToken);
        }
        await Task.WhenAll(processTasks.Values).ConfigureAwait(false);

        if (!diagnostics.HasErrors)
        {
            await Task.WhenAll(_pipelines.Select(p => Task.Run(async () =>
                processed[p.Name] = await RunPhase(p, Phase.PostProcess, processed[p.Name]).ConfigureAwait(false),
                cancellationToken))).ConfigureAwait(false);
        }

        // Nothing is written while any input is wrong.
        if (!diagnostics.HasErrors)
        {
            await Task.WhenAll(_pipelines.Select(p => Task.Run(async () =>
                written[p.Name] = await RunPhase(p, Phase.Output, processed[p.Name]).ConfigureAwait(false),
                cancellationToken))).ConfigureAwait(false);
        }

        var final = written.IsEmpty ? processed : written;
        return new EngineResult(diagnostics.Sorted(), final.ToImmutableDictionary());
    }

    private static void Validate(ImmutableArray<Pipeline> pipelines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!names.Add(pipeline.Name))
            {
                throw new ArgumentException($"Two pipelines are named '{pipeline.Name}'.");
            }
        }
        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !names.Contains(d)))
            {
                throw new ArgumentException($"Pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist.");
            }
        }
        _ = TopologicalOrder(pipelines);
    }

    private static ImmutableArray<Pipeline> TopologicalOrder(ImmutableArray<Pipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name);
        var order = ImmutableArray.CreateBuilder<Pipeline>(pipelines.Length);
        var state = new Dictionary<string, bool>(); // false: visiting, true: done

        void Visit(Pipeline pipeline, Stack<string> path)
        {
            if (state.TryGetValue(pipeline.Name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(n => n != pipeline.Name).Append(pipeline.Name);
                    throw new ArgumentException($"Pipelines depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
                }
                return;
            }
            state[pipeline.Name] = false;
            path.Push(pipeline.Name);
            foreach (var dependency in pipeline.Dependencies)
            {
                Visit(byName[dependency], path);
            }
            path.Pop();
            state[pipeline.Name] = true;
            order.Add(pipeline);
        }

        foreach (var pipeline in pipelines)
        {
            Visit(pipeline, new Stack<string>());
        }
        return order.ToImmutable();
    }
}
