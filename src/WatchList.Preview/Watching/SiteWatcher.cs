using System.Diagnostics;
using System.Threading.Channels;

namespace WatchList.Preview.Watching;

/// <summary>Files that changed together, and when the first of them changed (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record ChangeBatch(IReadOnlySet<string> Paths, long FirstChange)
{
    /// <summary>A change the watcher could not follow (its buffer overflowed): anything may have changed.</summary>
    public bool Everything => Paths.Contains("*");
}

/// <summary>
/// Watches the input and theme folders and turns editors' bursts of file events into one batch per save:
/// a batch is sent once no event came for a quiet interval (or a burst has lasted too long). The swap,
/// backup and temporary files editors write beside the real ones are ignored; an atomic save (write a
/// temporary file, rename it over the real one) counts as a change of the real file.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<ChangeBatch> _batches = Channel.CreateUnbounded<ChangeBatch>();
    private readonly TimeSpan _quiet;
    private readonly TimeSpan _longest;
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private long _first;
    private long _last;

    /// <param name="quiet">How long no event must come before a batch is sent.</param>
    /// <param name="longest">How long a continuous burst may go on before a batch is sent anyway.</param>
    public SiteWatcher(IEnumerable<string> folders, TimeSpan quiet, TimeSpan longest)
    {
        _quiet = quiet;
        _longest = longest;
        _timer = new Timer(_ => Flush());
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Seen(e.FullPath);
            watcher.Created += (_, e) => Seen(e.FullPath);
            watcher.Deleted += (_, e) => Seen(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Seen(e.OldFullPath);
                Seen(e.FullPath);
            };
            watcher.Error += (_, _) => Seen("*", force: true);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public ChannelReader<ChangeBatch> Batches => _batches.Reader;

    /// <summary>Swap, backup, lock and temporary files that editors and tools write beside the real ones.</summary>
    public static bool IsEditorLeftover(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0 || name[0] is '.' or '~' or '#' ||
            name.EndsWith('~') || name.EndsWith('#') || name == "4913" ||
            name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swo", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".bak", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".crswap", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.Contains("___jb_", StringComparison.Ordinal) ||
            name.StartsWith("sed", StringComparison.Ordinal) && name.Length == 9 && !name.Contains('.');
    }

    /// <summary>Records one event (tests call this to stand for the file system).</summary>
    internal void Seen(string path, bool force = false)
    {
        if (!force && IsEditorLeftover(path))
        {
            return;
        }
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (_pending.Count == 0)
            {
                _first = now;
            }
            _last = now;
            _pending.Add(path);
            // Each event pushes the batch back by the quiet interval, but never past the longest a burst may last.
            var left = _longest - Stopwatch.GetElapsedTime(_first, now);
            _timer.Change(left < _quiet ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : _quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            var sinceLast = Stopwatch.GetElapsedTime(_last);
            if (sinceLast < _quiet && Stopwatch.GetElapsedTime(_first) < _longest)
            {
                _timer.Change(_quiet - sinceLast, Timeout.InfiniteTimeSpan);
                return;
            }
            _batches.Writer.TryWrite(new ChangeBatch(_pending, _first));
            _pending = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _timer.Dispose();
        _batches.Writer.TryComplete();
    }
}
