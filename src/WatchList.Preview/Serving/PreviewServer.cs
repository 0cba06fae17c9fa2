using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace WatchList.Preview.Serving;

/// <summary>
/// The preview's web server: Kestrel on the loopback interface only (127.0.0.1, never all interfaces),
/// serving the output folder under the site's base path with ASP.NET Core's static-file middleware
/// (content types, ETag and Last-Modified with 304, ranges, HEAD), HTML pages with the live-reload script,
/// and build events as server-sent events. GET and HEAD only; requests naming another host are refused,
/// so a web page elsewhere cannot read the preview through DNS rebinding.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>How long a client may take to send a request's headers (a connection that never finishes one is closed).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Connections beyond these are closed at once, so a flood of them cannot use up the file handles the site is read with.</summary>
    public const int MaxConnections = 4096;

    private readonly SiteFiles _files;
    private readonly LiveReload _reload;
    private readonly IFileProvider _pages;
    private readonly int _port;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private ListenOptions? _listening;

    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    public PreviewServer(SiteFiles files, LiveReload reload, int port)
    {
        _files = files;
        _reload = reload;
        _pages = new LivePages(files, reload);
        _port = port;
    }

    public IPEndPoint EndPoint => _listening?.IPEndPoint ?? throw new InvalidOperationException("Start the server first.");

    public int Port => EndPoint.Port;

    /// <summary>The address of the site's home page.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}{_files.BasePath}");

    /// <summary>Starts listening; throws <see cref="IOException"/> or <see cref="SocketException"/> when the port is taken or not allowed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // The empty builder: no configuration files, no logging to the console, nothing read from the environment.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Listen(IPAddress.Loopback, _port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                _listening = listen;
            });
        });
        var app = builder.Build();
        app.Use(RefuseOtherHosts);
        app.Use(RefuseWhatIsNotARead);
        app.Use(RefuseTraversal);
        app.Use(ServeEvents);
        app.Use(ServeUnderBasePath);
        app.Use(FindPageWithoutExtension);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = _pages, RedirectToAppendTrailingSlash = true });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = _pages,
            ContentTypeProvider = ContentTypes(),
            // Whatever the build wrote is served, as GitHub Pages serves it.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        app.Run(ServeNotFound);
        _app = app;
        await app.StartAsync(cancellationToken);
    }

    /// <summary>The middleware's types, with a charset for text: the site is written in UTF-8.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in new[]
        {
            (".html", "text/html"), (".htm", "text/html"), (".css", "text/css"), (".js", "text/javascript"),
            (".mjs", "text/javascript"), (".txt", "text/plain"), (".xml", "application/xml"), (".svg", "image/svg+xml"),
        })
        {
            types.Mappings[extension] = type + "; charset=utf-8";
        }
        return types;
    }

    private async Task RefuseOtherHosts(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Value;
        if (!(string.IsNullOrEmpty(host) || host == $"127.0.0.1:{Port}" || host.Equals($"localhost:{Port}", StringComparison.OrdinalIgnoreCase) ||
            (Port == 80 && (host == "127.0.0.1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)))))
        {
            await RefuseAsync(context, StatusCodes.Status421MisdirectedRequest, "this preview answers only to 127.0.0.1 and localhost\n");
            return;
        }
        // Every answer is revalidated: the site changes under the browser with each save.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await next(context);
    }

    private static async Task RefuseWhatIsNotARead(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "the preview serves GET and HEAD only\n");
            return;
        }
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "a request to the preview has no body\n");
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Kestrel decodes the path and removes its dot segments before the middleware sees it, so what no
    /// browser sends for a page is refused from the target as it came: a backslash, or a segment that
    /// decodes to a dot segment or holds a separator, a colon or a control character.
    /// </summary>
    private static async Task RefuseTraversal(HttpContext context, RequestDelegate next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (RequestTarget.Refusal(target) is { } reason)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"this path is not served: {reason}\n");
            return;
        }
        await next(context);
    }

    private async Task ServeEvents(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path != LiveReload.EventsPath)
        {
            await next(context);
            return;
        }
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        int? pageBuild = int.TryParse(context.Request.Query["build"], out var build) ? build : null;
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await _reload.ServeAsync(context.Response.Body, pageBuild, ending.Token);
    }

    /// <summary>The site lives under its base path ("/repo/"), as on GitHub Pages; the root and the base path without its slash redirect there.</summary>
    private async Task ServeUnderBasePath(HttpContext context, RequestDelegate next)
    {
        var basePath = _files.BasePath;
        var path = context.Request.Path.Value ?? "/";
        if (path == basePath.TrimEnd('/') || (path == "/" && basePath != "/"))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = basePath;
            return;
        }
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            await ServeNotFound(context);
            return;
        }
        context.Request.PathBase = basePath.TrimEnd('/');
        context.Request.Path = path[(basePath.Length - 1)..];
        await next(context);
    }

    /// <summary>"/about" is about.html when there is no file or folder "about", as GitHub Pages finds it.</summary>
    private Task FindPageWithoutExtension(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value!;
        if (!path.EndsWith('/') && !_pages.GetFileInfo(path).Exists && !_pages.GetDirectoryContents(path).Exists &&
            _pages.GetFileInfo(path + ".html").Exists)
        {
            context.Request.Path = path + ".html";
        }
        return next(context);
    }

    /// <summary>The site's own 404 page when it has one, as GitHub Pages serves it; the script comes too, so a broken build shows.</summary>
    private async Task ServeNotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        var notFound = _pages.GetFileInfo("/404.html");
        byte[] page;
        if (notFound.Exists)
        {
            await using var stream = notFound.CreateReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, context.RequestAborted);
            page = buffer.ToArray();
        }
        else
        {
            var html = $"<!doctype html><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1>" +
                $"<p>Nothing is published at this address. <a href=\"{_files.BasePath}\">The home page</a>.</p></body>";
            page = LivePages.WithScript(Encoding.UTF8.GetBytes(html), Encoding.UTF8.GetBytes(_reload.Script(_reload.Build)));
        }
        context.Response.ContentLength = page.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(page, context.RequestAborted);
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.Connection = "close";
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Event streams end first, so stopping does not wait for open tabs.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }
}
