using System.Collections.Concurrent;
using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Output;

/// <summary>
/// What one build leaves for the next in a long-running session (the preview): parsed and rendered
/// documents keyed by their exact input, and a digest of every page written. With it a rebuild re-parses
/// only the files that changed and rewrites only the pages whose content changed. A one-off build has none.
/// </summary>
public sealed class SiteCache
{
    /// <summary>A step's result for one file: the input it was computed from, and the problems it reported.</summary>
    private sealed record Entry(string Input, string Context, object? Result, ImmutableArray<Diagnostic> Problems);

    // One entry per step and file: the latest version replaces the one before, so the cache never grows with saves.
    private readonly ConcurrentDictionary<(string Step, string Source), Entry> _results = new();
    private readonly ConcurrentDictionary<string, ulong> _pages = new(StringComparer.Ordinal);

    /// <summary>
    /// The remembered result of <paramref name="step"/> for this file when its text and context are the
    /// same as last time, or else the result of <paramref name="compute"/>, remembered. The problems found
    /// for the file are reported again either way, so a warning does not vanish on the second build.
    /// </summary>
    /// <param name="text">Everything of the file the step reads: the result is reused only when it is the same.</param>
    public T? Reuse<T>(string step, Document input, string text, string context, DiagnosticBag diagnostics,
        Func<DiagnosticBag, T?> compute) where T : class
    {
        var key = (step, input.Source);
        if (!_results.TryGetValue(key, out var entry) || entry.Context != context || !string.Equals(entry.Input, text, StringComparison.Ordinal))
        {
            var problems = new DiagnosticBag();
            var result = compute(problems);
            entry = new Entry(text, context, result, [.. problems.Sorted()]);
            _results[key] = entry;
        }
        diagnostics.AddRange(entry.Problems);
        return (T?)entry.Result;
    }

    /// <summary>True when the page at this destination was last written from a model with this digest.</summary>
    public bool IsUnchanged(string destination, ulong digest) =>
        _pages.TryGetValue(destination, out var last) && last == digest;

    public void Written(string destination, ulong digest) => _pages[destination] = digest;

    /// <summary>Forgets every page digest, after a build that may have left files half written.</summary>
    public void ForgetPages() => _pages.Clear();
}
