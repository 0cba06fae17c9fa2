using System.Collections.Concurrent;

namespace WatchList.Pipeline;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>Where in an input file a problem is; line and column are 1-based, 0 when unknown.</summary>
public readonly record struct SourceLocation(string Path, int Line = 0, int Column = 0)
{
    public override string ToString() =>
        Line > 0 ? $"{Path}:{Line}:{Math.Max(Column, 1)}" : Path;
}

/// <summary>
/// One problem an editor can act on, printed in the format compilers use:
/// <c>path:line:col: error: what is wrong; what to do</c>.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Message, string? Hint = null)
{
    public static Diagnostic Error(SourceLocation location, string message, string? hint = null) =>
        new(Severity.Error, location, message, hint);

    public static Diagnostic Warning(SourceLocation location, string message, string? hint = null) =>
        new(Severity.Warning, location, message, hint);

    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var hint = string.IsNullOrEmpty(Hint) ? "" : "; " + Hint;
        return $"{Location}: {severity}: {Message}{hint}";
    }
}

/// <summary>Thrown by a module when one document cannot be processed; the engine records it and goes on.</summary>
public sealed class DiagnosticException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}

/// <summary>Thread-safe collection of the problems found while building.</summary>
/// <param name="errorsOnly">Keeps errors only: warnings found after another part's errors may follow from them.</param>
public sealed class DiagnosticBag(DiagnosticBag? parent = null, bool errorsOnly = false)
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private int _errors;

    /// <summary>Records a problem here and in the parent bag, if any.</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (errorsOnly && diagnostic.Severity != Severity.Error)
        {
            return;
        }
        parent?.Add(diagnostic);
        _items.Enqueue(diagnostic);
        if (diagnostic.Severity == Severity.Error)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>Every diagnostic, sorted by file, line and column so output is stable across runs.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
