using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using WatchList.Pipeline;
using WatchList.Preview.Serving;
using WatchList.Preview.Watching;
using WatchList.Site;
using WatchList.Site.Output;
using WatchList.Site.Reading;

namespace WatchList.Preview;

/// <summary>How the preview builds, where it listens, and how it waits out editors' saves.</summary>
public sealed record PreviewOptions(BuildOptions Build, int Port = PreviewOptions.DefaultPort)
{
    public const int DefaultPort = 5080;

    /// <summary>How long the folders must stay quiet after a save before the rebuild starts.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a continuous burst of events may delay a rebuild.</summary>
    public TimeSpan LongestBurst { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a file another program holds locked before building anyway.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>What one build of the preview gave.</summary>
/// <param name="SaveToReload">From the first file event of the save to the reload event sent to tabs; zero for the first build.</param>
public sealed record Rebuild(
    bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, int Files, TimeSpan BuildTime, TimeSpan SaveToReload, IReadOnlySet<string> Changed);

/// <summary>Raised when the preview cannot listen on its port.</summary>
public sealed class PortUnavailableException(int port, Exception inner)
    : Exception($"port {port} on 127.0.0.1 is in use or not allowed", inner)
{
    public int Port { get; } = port;
}

/// <summary>
/// <c>watchlist preview</c>: builds the site, serves it on 127.0.0.1 under its base path, watches the
/// input and theme folders, and on each save rebuilds and tells open tabs to reload. A save that breaks
/// the build leaves the last good site served, and the problems show in the terminal and over the page.
/// </summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly PreviewOptions _options;
    private readonly TextWriter _log;
    private readonly SiteFiles _files;
    private readonly LiveReload _reload = new();
    private readonly PreviewServer _server;
    private readonly Channel<Rebuild> _rebuilds = Channel.CreateUnbounded<Rebuild>();
    private SiteWatcher? _watcher;

    public PreviewSession(PreviewOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _files = new SiteFiles(options.Build.OutputFolder);
        _server = new PreviewServer(_files, _reload, options.Port);
    }

    /// <summary>What each build leaves for the next: unchanged files are not parsed again, unchanged pages not rewritten.</summary>
    private readonly SiteCache _cache = new();

    /// <summary>Collects garbage once the preview is idle after a build, rather than during the next one.</summary>
    private readonly IdleCollector _collector = new(TimeSpan.FromMilliseconds(250));

    /// <summary>The site's home page on the preview server.</summary>
    public Uri Address => _server.Address;

    public int Port => _server.Port;

    public LiveReload Reload => _reload;

    /// <summary>Every build's outcome, the first one included, in order.</summary>
    public ChannelReader<Rebuild> Rebuilds => _rebuilds.Reader;

    /// <summary>Builds the site once, starts serving it and starts watching; returns the first build's outcome.</summary>
    public async Task<Rebuild> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _server.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new PortUnavailableException(_options.Port, e);
        }
        _watcher = new SiteWatcher([_options.Build.InputFolder, _options.Build.ThemeFolder], _options.Quiet, _options.LongestBurst);
        var first = await BuildAsync(new ChangeBatch(new HashSet<string>(), Stopwatch.GetTimestamp()), cancellationToken);
        await _log.WriteLineAsync($"watchlist: serving {Address} (Ctrl+C stops)");
        return first;
    }

    /// <summary>Rebuilds after every save until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batches = _watcher?.Batches ?? throw new InvalidOperationException("Start the preview first.");
        try
        {
            while (await batches.WaitToReadAsync(cancellationToken))
            {
                // Saves that came while the last build ran are built together.
                var paths = new HashSet<string>(StringComparer.Ordinal);
                long first = long.MaxValue;
                while (batches.TryRead(out var batch))
                {
                    paths.UnionWith(batch.Paths);
                    first = Math.Min(first, batch.FirstChange);
                }
                await BuildAsync(new ChangeBatch(paths, first), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<Rebuild> BuildAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        await WaitUntilReadableAsync(batch.Paths, cancellationToken);
        long reloaded = 0;
        // Tabs are told the moment the new site is in place, before the old one is deleted.
        var observer = new SwapWhileNoRequestReads(_files, () =>
        {
            _reload.Succeeded();
            reloaded = Stopwatch.GetTimestamp();
        });
        BuildReport report;
        _collector.Building();
        try
        {
            report = await SiteBuilder.BuildAsync(_options.Build with { Cache = _cache }, observer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The output folder could not be written or swapped: reported like a broken save, and the preview goes on.
            var location = new SourceLocation(DisplayPath.For(_options.Build.OutputFolder));
            report = new BuildReport([Diagnostic.Error(location, "the site could not be written: " + e.Message,
                "check that the output folder is writable and not open in another program")], 0, TimeSpan.Zero);
        }
        finally
        {
            _collector.Built();
        }
        var saveToReload = TimeSpan.Zero;
        if (report.Succeeded)
        {
            if (report.Settings?.BasePath is { } basePath && basePath != _files.BasePath)
            {
                // base_url changed: the site moved, and tabs reload at its new place.
                _files.BasePath = basePath;
                _reload.Succeeded();
            }
            if (batch.Paths.Count > 0 && reloaded != 0)
            {
                saveToReload = Stopwatch.GetElapsedTime(batch.FirstChange, reloaded);
            }
        }
        else
        {
            if (_reload.Build == 0 && report.Settings is { } settings)
            {
                _files.BasePath = settings.BasePath;
            }
            _reload.Failed(string.Join("\n", report.Diagnostics));
        }
        var rebuild = new Rebuild(report.Succeeded, report.Diagnostics, report.FilesWritten, report.Elapsed, saveToReload, batch.Paths);
        await LogAsync(rebuild);
        _rebuilds.Writer.TryWrite(rebuild);
        return rebuild;
    }

    private async Task LogAsync(Rebuild rebuild)
    {
        foreach (var diagnostic in rebuild.Diagnostics)
        {
            await _log.WriteLineAsync(diagnostic.ToString());
        }
        var change = rebuild.Changed.Count switch
        {
            0 => null,
            1 when !rebuild.Changed.Contains("*") => $"a change to {DisplayPath.For(rebuild.Changed.First())}",
            _ => $"{rebuild.Changed.Count} changes",
        };
        var warnings = rebuild.Diagnostics.Count(d => d.Severity == Severity.Warning);
        var summary = $"{rebuild.Files} files, {warnings} warning{(warnings == 1 ? "" : "s")}, {rebuild.BuildTime.TotalMilliseconds:0} ms";
        await _log.WriteLineAsync((rebuild.Succeeded, change) switch
        {
            (true, null) => $"watchlist: built the site: {summary}",
            (true, _) => $"watchlist: rebuilt after {change}: {summary}; tabs told to reload {rebuild.SaveToReload.TotalMilliseconds:0} ms after the save",
            (false, null) => "watchlist: the site does not build yet; it is built again on every save",
            (false, _) => $"watchlist: after {change} the site does not build; the last good site is still served",
        });
        await _log.FlushAsync();
    }

    /// <summary>Waits while another program holds a changed file locked (some editors do for a moment while saving).</summary>
    private async Task WaitUntilReadableAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            while (File.Exists(path) && !CanRead(path) && clock.Elapsed < _options.LockWait)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _server.DisposeAsync();
        _collector.Dispose();
        _files.Dispose();
        _rebuilds.Writer.TryComplete();
    }

    /// <summary>Puts a finished site in place while the server opens no file, so no request sees a half-swapped folder.</summary>
    private sealed class SwapWhileNoRequestReads(SiteFiles files, Action swapped) : BuildObserver
    {
        public override void Swap(Action swap)
        {
            files.Swap(swap);
            swapped();
        }
    }
}
