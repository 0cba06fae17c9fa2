using System.Collections.Immutable;

namespace WatchList.Pipeline;

/// <summary>
/// The four phases every pipeline has, run in this order. Input phases of all pipelines run at once;
/// a process phase runs after the process phases of the pipelines it depends on; post-process phases
/// run when every process phase is done (so they see the whole site); output phases run last, and only
/// when no error was reported.
/// </summary>
public enum Phase
{
    Input,
    Process,
    PostProcess,
    Output,
}

/// <summary>A named list of modules per phase, with the pipelines whose documents it needs.</summary>
public sealed record Pipeline(string Name)
{
    public ImmutableArray<string> Dependencies { get; init; } = [];

    /// <summary>
    /// Whether the pipelines that depend on this one are skipped when it reports an error (they would mostly
    /// report follow-on errors of its). False for a pipeline whose documents stay whole when one of its files
    /// has a mistake (every field at its default), so that one run also reports what its dependents find. A
    /// module that fails outright, leaving the pipeline no documents, skips its dependents all the same.
    /// </summary>
    public bool ErrorsStopDependents { get; init; } = true;
    public ImmutableArray<IModule> Input { get; init; } = [];
    public ImmutableArray<IModule> Process { get; init; } = [];
    public ImmutableArray<IModule> PostProcess { get; init; } = [];
    public ImmutableArray<IModule> Output { get; init; } = [];

    public ImmutableArray<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        Phase.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}
