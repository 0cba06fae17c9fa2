using System.Net;
using System.Net.Sockets;

namespace WatchList.Testing;

/// <summary>
/// Serves a built site on 127.0.0.1 under its base path, as GitHub Pages serves a project site: a folder
/// is served by its index.html, and anything else, including everything outside the base path, is a 404.
/// Requests are answered concurrently, and a client that leaves mid-response does not stop the server.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    /// <param name="root">The folder to serve.</param>
    /// <param name="basePath">Where the site lives on the server, such as <c>/watchlist/</c>; the root by default.</param>
    public StaticServer(string root, string basePath = "/")
    {
        if (!basePath.StartsWith('/') || !basePath.EndsWith('/'))
        {
            throw new ArgumentException($"the base path '{basePath}' must start and end with '/'", nameof(basePath));
        }
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The served address of the site's root, such as <c>http://127.0.0.1:4321/watchlist/</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}{_basePath}");

    /// <summary>The served address of a path of the site: <c>glossary/</c> is <c>http://127.0.0.1:4321/watchlist/glossary/</c>.</summary>
    public string Url(string sitePath) => $"http://127.0.0.1:{Port}{_basePath}{sitePath.TrimStart('/')}";

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Each request on its own, as a real server does: a browser fetches a page's files at once, and an
            // answer a departing tab never reads must not hold up the next page's.
            _ = Task.Run(() => RespondOrDrop(context));
        }
    }

    private async Task RespondOrDrop(HttpListenerContext context)
    {
        try
        {
            await Respond(context);
        }
        catch (Exception)
        {
            // The client went away mid-answer (a page left while its fetches ran), or the answer failed: the
            // connection is dropped, so a browser sees a failed request rather than one that never ends.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task Respond(HttpListenerContext context)
    {
        // One request a connection. With connections kept alive, a browser test now and then waited 30 s for a
        // navigation's load event that never came (2 of 7 runs of the browser tests); with this, none in 5.
        context.Response.KeepAlive = false;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = path.StartsWith(_basePath, StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(_root, path[_basePath.Length..]))
            : null;
        if (file is not null && Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }
        if (file is null || !file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            context.Response.Close();
            return;
        }
        context.Response.ContentType = ContentType(file);
        var bytes = await File.ReadAllBytesAsync(file);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css",
        ".js" => "text/javascript",
        ".svg" => "image/svg+xml",
        ".xml" => "application/xml",
        ".json" => "application/json",
        ".txt" => "text/plain",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
