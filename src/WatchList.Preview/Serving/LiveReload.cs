using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace WatchList.Preview.Serving;

/// <summary>
/// Tells open tabs about builds through server-sent events: "reload" after a good build, "failed" with
/// the problems after a broken one. A tab that connects learns the state at once: a build newer than
/// its page means reload, a failed last build means show the problems.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/__watchlist/events";

    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _tabs = [];
    private int _build;
    private DateTimeOffset _builtAt = NextSecond(DateTimeOffset.UtcNow).AddSeconds(-1);
    private string? _failure;

    /// <summary>How many good builds the site has had; pages carry the number they were served with.</summary>
    public int Build
    {
        get
        {
            lock (_lock)
            {
                return _build;
            }
        }
    }

    /// <summary>
    /// The build the pages are served with, and when it was put in place, rounded up to a whole second and
    /// later than the build before it: HTTP dates count whole seconds, and each build's pages must date differently.
    /// </summary>
    public (int Build, DateTimeOffset BuiltAt) Current
    {
        get
        {
            lock (_lock)
            {
                return (_build, _builtAt);
            }
        }
    }

    public int OpenTabs
    {
        get
        {
            lock (_lock)
            {
                return _tabs.Count;
            }
        }
    }

    /// <summary>A good build is in place: every tab reloads.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            _build++;
            var now = NextSecond(DateTimeOffset.UtcNow);
            _builtAt = now > _builtAt ? now : _builtAt.AddSeconds(1);
            _failure = null;
            Broadcast(Event("reload", _build.ToString()));
        }
    }

    /// <summary>A save broke the build: every tab shows the problems over the last good page.</summary>
    public void Failed(string problems)
    {
        lock (_lock)
        {
            _failure = problems;
            Broadcast(Event("failed", JsonString(problems)));
        }
    }

    /// <summary>Text as a JSON string literal, as the overlay script parses it.</summary>
    private static string JsonString(string text) => $"\"{JsonEncodedText.Encode(text)}\"";

    private static DateTimeOffset NextSecond(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Streams events to one tab (the body of a text/event-stream response) until it goes away or the server stops.</summary>
    /// <param name="pageBuild">The build the tab's page came from, or null if unknown.</param>
    public async Task ServeAsync(Stream stream, int? pageBuild, CancellationToken cancellationToken)
    {
        var tab = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            tab.Writer.TryWrite("retry: 500\n\n");
            if (pageBuild is { } seen && seen != _build)
            {
                tab.Writer.TryWrite(Event("reload", _build.ToString()));
            }
            if (_failure is not null)
            {
                tab.Writer.TryWrite(Event("failed", JsonString(_failure)));
            }
            _tabs.Add(tab);
        }
        try
        {
            while (true)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(Ping);
                string message;
                try
                {
                    message = await tab.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A comment now and then finds tabs that were closed without a goodbye.
                    message = ": ping\n\n";
                }
                await stream.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _tabs.Remove(tab);
            }
        }
    }

    /// <summary>
    /// The script injected into every HTML page the preview serves (never into the built files): it
    /// listens for events, reloads the page, and shows build problems in an overlay.
    /// </summary>
    public string Script(int pageBuild) => $$"""
        <script data-watchlist-preview>
        (() => {
          const events = new EventSource("{{EventsPath}}?build={{pageBuild}}");
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("failed", (event) => {
            let overlay = document.getElementById("watchlist-preview-error");
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "watchlist-preview-error";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
                "background:rgba(40,0,0,.94);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
              const title = document.createElement("strong");
              title.textContent = "The last save does not build. This page is the last good version; fix the problem and it reloads.";
              const problems = document.createElement("pre");
              problems.style.cssText = "white-space:pre-wrap;margin:1rem 0 0;font:inherit";
              overlay.append(title, problems);
              document.body.append(overlay);
            }
            overlay.querySelector("pre").textContent = JSON.parse(event.data);
          });
        })();
        </script>
        """;

    private void Broadcast(string message)
    {
        foreach (var tab in _tabs)
        {
            tab.Writer.TryWrite(message);
        }
    }

    private static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";
}
