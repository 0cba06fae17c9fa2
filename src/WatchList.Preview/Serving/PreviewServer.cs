using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WatchList.Preview.Serving;

/// <summary>
/// A small HTTP/1.1 server for the preview, on the loopback interface only (127.0.0.1, never all
/// interfaces): serves the output folder under the site's base path, injects the live-reload script
/// into HTML responses, and streams build events. GET and HEAD only; requests naming another host
/// are refused, so a web page elsewhere cannot read the preview through DNS rebinding.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    private readonly SiteFiles _files;
    private readonly LiveReload _reload;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private Task _accepting = Task.CompletedTask;

    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    public PreviewServer(SiteFiles files, LiveReload reload, int port)
    {
        _files = files;
        _reload = reload;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public int Port => EndPoint.Port;

    /// <summary>The address of the site's home page.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}{_files.BasePath}");

    /// <summary>Starts listening; throws <see cref="SocketException"/> when the port is taken.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            // Registered before it starts, so a connection that ends at once is never left behind in the table.
            var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connections[client] = served.Task;
            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeConnectionAsync(client);
                }
                finally
                {
                    _connections.TryRemove(client, out _);
                    client.Dispose();
                    served.TrySetResult();
                }
            });
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var reader = new RequestReader(stream);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                string? head;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
                {
                    idle.CancelAfter(IdleTimeout);
                    head = await reader.ReadHeadAsync(idle.Token);
                }
                if (head is null)
                {
                    return;
                }
                var request = HttpRequest.Parse(head);
                if (request is null)
                {
                    await RespondAsync(stream, 400, "Bad Request", "text/plain; charset=utf-8", "bad request\n"u8.ToArray(), keepAlive: false, head: false);
                    return;
                }
                if (!await ServeAsync(stream, request))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        catch (InvalidDataException)
        {
            await RespondAsync(stream, 431, "Request Header Fields Too Large", "text/plain; charset=utf-8", [], keepAlive: false, head: false);
        }
    }

    /// <summary>Answers one request; returns whether the connection may serve another.</summary>
    private async Task<bool> ServeAsync(Stream stream, HttpRequest request)
    {
        var head = request.Method == "HEAD";
        var keepAlive = request.KeepAlive;
        if (!IsOwnHost(request.Header("host")))
        {
            await RespondText(stream, 421, "Misdirected Request", "this preview answers only to 127.0.0.1 and localhost\n", false, head);
            return false;
        }
        if (request.Method is not ("GET" or "HEAD"))
        {
            await RespondText(stream, 405, "Method Not Allowed", "the preview serves GET and HEAD only\n", false, head);
            return false;
        }
        if ((request.Header("content-length") is { } length && length != "0") || request.Header("transfer-encoding") is not null)
        {
            await RespondText(stream, 400, "Bad Request", "a request to the preview has no body\n", false, head);
            return false;
        }

        var target = request.Target;
        if (target == LiveReload.EventsPath || target.StartsWith(LiveReload.EventsPath + "?", StringComparison.Ordinal))
        {
            await _reload.ServeAsync(stream, PageBuild(target), _stopping.Token);
            return false;
        }

        var (resolution, file) = _files.Open(target);
        switch (resolution)
        {
            case Resolution.File found:
                await using (file)
                {
                    await RespondFileAsync(stream, found.Path, file!, 200, "OK", keepAlive, head);
                }
                return keepAlive;
            case Resolution.Redirect redirect:
                await RespondAsync(stream, 301, "Moved Permanently", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(redirect.Location + "\n"),
                    keepAlive, head, ("Location", redirect.Location));
                return keepAlive;
            case Resolution.Refused:
                await RespondText(stream, 400, "Bad Request", "this path is not served\n", false, head);
                return false;
            default:
                await RespondNotFoundAsync(stream, keepAlive, head);
                return keepAlive;
        }
    }

    private async Task RespondNotFoundAsync(Stream stream, bool keepAlive, bool head)
    {
        // The site's own 404 page when it has one, as GitHub Pages serves it; the script comes too, so a broken build shows.
        var notFound = _files.OpenInSite("404.html");
        if (notFound is not null)
        {
            await using (notFound)
            {
                await RespondFileAsync(stream, notFound.Name, notFound, 404, "Not Found", keepAlive, head);
            }
            return;
        }
        var page = $"<!doctype html><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1>" +
            $"<p>Nothing is published at this address. <a href=\"{_files.BasePath}\">The home page</a>.</p></body>";
        await RespondAsync(stream, 404, "Not Found", "text/html; charset=utf-8", Inject(Encoding.UTF8.GetBytes(page)), keepAlive, head);
    }

    private async Task RespondFileAsync(Stream stream, string path, FileStream file, int status, string reason, bool keepAlive, bool head)
    {
        var type = ContentType(path);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            await RespondAsync(stream, status, reason, type, Inject(buffer.ToArray()), keepAlive, head);
            return;
        }
        await WriteHeadAsync(stream, status, reason, type, file.Length, keepAlive);
        if (!head)
        {
            await file.CopyToAsync(stream, _stopping.Token);
        }
    }

    /// <summary>The live-reload script before the last &lt;/body&gt;, or at the end of a page without one.</summary>
    private byte[] Inject(byte[] html)
    {
        var script = Encoding.UTF8.GetBytes(_reload.Script(_reload.Build));
        var at = LastIndexOfIgnoreCase(html, "</body>"u8);
        if (at < 0)
        {
            at = html.Length;
        }
        return [.. html.AsSpan(0, at), .. script, .. html.AsSpan(at)];
    }

    private static int LastIndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        for (var i = text.Length - lowercase.Length; i >= 0; i--)
        {
            var match = true;
            for (var k = 0; k < lowercase.Length && match; k++)
            {
                match = (byte)(text[i + k] | 0x20) == lowercase[k] || text[i + k] == lowercase[k];
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }

    private Task RespondText(Stream stream, int status, string reason, string text, bool keepAlive, bool head) =>
        RespondAsync(stream, status, reason, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), keepAlive, head);

    private async Task RespondAsync(Stream stream, int status, string reason, string type, byte[] body, bool keepAlive, bool head,
        params (string Name, string Value)[] headers)
    {
        await WriteHeadAsync(stream, status, reason, type, body.Length, keepAlive, headers);
        if (!head)
        {
            await stream.WriteAsync(body, _stopping.Token);
        }
    }

    private async Task WriteHeadAsync(Stream stream, int status, string reason, string type, long length, bool keepAlive,
        params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder()
            .Append($"HTTP/1.1 {status} {reason}\r\n")
            .Append($"Content-Type: {type}\r\n")
            .Append($"Content-Length: {length}\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n")
            .Append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append($"{name}: {value}\r\n");
        }
        text.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), _stopping.Token);
    }

    private bool IsOwnHost(string? host) =>
        host is null || host == $"127.0.0.1:{Port}" || host == $"localhost:{Port}" ||
        (Port == 80 && host is "127.0.0.1" or "localhost");

    private static int? PageBuild(string target)
    {
        const string key = "build=";
        var at = target.IndexOf(key, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(target.AsSpan(at + key.Length), out var build) ? build : null;
    }

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".ico" => "image/x-icon",
        ".woff" => "font/woff",
        ".woff2" => "font/woff2",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }
        await Task.WhenAll(_connections.Values).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}
