using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Text)> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Key, object Value)> _kept = new(StringComparer.Ordinal);

    /// <summary>
    /// The text of a file, read again only when its size or modification time changed since the last
    /// read: a save always changes the time, and a rebuild then re-reads only what was saved. The same
    /// string comes back for an unchanged file, so the steps after this one compare it at no cost.
    /// </summary>
    public string ReadText(string path, Func<string> read)
    {
        var info = new FileInfo(path);
        // The stamp is taken before reading: a save during the read makes the next build read again.
        var stamp = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1L, DateTime.MinValue);
        if (info.Exists && _texts.TryGetValue(path, out var known) && (known.Length, known.Modified) == stamp)
        {
            return known.Text;
        }
        var text = read();
        _texts[path] = (stamp.Item1, stamp.Item2, text);
        return text;
    }

    /// <summary>The size and modification time of every file below a folder, as one string to compare.</summary>
    public static string Stamp(string folder) =>
        !Directory.Exists(folder) ? "" : string.Join("\n", Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => StampOf(new FileInfo(f))));

    /// <summary>A file's path, size and modification time: a save always changes the last.</summary>
    public static string StampOf(FileInfo file) => $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}";

    /// <summary>
    /// The value <paramref name="step"/> kept last time when it was computed for the same
    /// <paramref name="key"/>, or else a new one, kept instead: the linker, the parsed theme.
    /// </summary>
    public T Keep<T>(string step, string key, Func<T> compute) where T : class
    {
        if (_kept.TryGetValue(step, out var kept) && kept.Key == key && kept.Value is T value)
        {
            return value;
        }
        value = compute();
        _kept[step] = (key, value);
        return value;
    }

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

    /// <summary>
    /// What <paramref name="step"/> worked out from <paramref name="source"/> (an object a rebuild reuses while its
    /// file is unchanged, such as a rendered body or a parsed commentary) together with <paramref name="key"/>;
    /// worked out again when either is new. Kept for as long as the source lives.
    /// </summary>
    public T Derive<T>(object source, string step, string key, Func<T> compute) where T : class
    {
        var steps = _derived.GetValue(source, _ => new ConcurrentDictionary<string, Derived>(StringComparer.Ordinal));
        if (steps.TryGetValue(step, out var known) && known.Key == key && known.Value is T value)
        {
            return value;
        }
        value = compute();
        steps[step] = new Derived(key, value);
        return value;
    }

    private sealed record Derived(string Key, object Value);

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Derived>> _derived = new();

    /// <summary>
    /// The file with its content, marked unchanged (left as it is on disk) when the file at its destination
    /// was last written from inputs with the same digest; the digest is remembered for the next build.
    /// </summary>
    public Document WithContent(Document file, IContent content, ulong digest)
    {
        if (_pages.TryGetValue(file.Destination, out var last) && last == digest)
        {
            return file.WithContent(new UnchangedContent(content));
        }
        _pages[file.Destination] = digest;
        return file.WithContent(content);
    }

    /// <summary>Every file of the site as the last good build left it, by full path.</summary>
    public IReadOnlySet<string>? SiteFiles { get; set; }

    /// <summary>What the last build saw, for <see cref="FindChanges"/> to compare the next one with.</summary>
    public SiteShape? Shape { get; set; }

    /// <summary>True when a page was written at this destination by an earlier build of the session.</summary>
    public bool HasPage(string destination) => _pages.ContainsKey(destination);

    /// <summary>Forgets every page digest, after a build that may have left files half written.</summary>
    public void ForgetPages()
    {
        _pages.Clear();
        Shape = null;
        SiteFiles = null;
    }
}
