using System.Net;
using System.Net.Sockets;

namespace WatchList.Browser.Tests;

/// <summary>Serves a built site on 127.0.0.1 under its base path, as GitHub Pages does, for browser tests.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    public StaticServer(string root, string basePath)
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            try
            {
                await Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The browser went away mid-answer (a page left while its fetches ran): serve the next request.
            }
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
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
        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css",
            ".js" => "text/javascript",
            ".svg" => "image/svg+xml",
            ".xml" => "application/xml",
            ".json" => "application/json",
            _ => "application/octet-stream",
        };
        var bytes = await File.ReadAllBytesAsync(file);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

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
