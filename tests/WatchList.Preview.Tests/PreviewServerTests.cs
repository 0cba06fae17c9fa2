using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using WatchList.Preview.Serving;

namespace WatchList.Preview.Tests;

/// <summary>The preview server over a real socket: loopback only, HTTP caching and ranges, nothing outside the output folder, the script only in HTML responses.</summary>
public sealed class PreviewServerTests : IAsyncLifetime
{
    private readonly ServedFolder _folder = new();
    private readonly LiveReload _reload = new();
    private PreviewServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new PreviewServer(new SiteFiles(_folder.Output) { BasePath = "/watchlist/" }, _reload, port: 0);
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private sealed record Response(int Status, string Head, string Body)
    {
        public string? Header(string name) =>
            Head.Split("\r\n").Skip(1).Select(l => l.Split(':', 2)).FirstOrDefault(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
    }

    /// <summary>Sends bytes exactly as given (no client library tidies the path) and reads the response to the end.</summary>
    private async Task<Response> SendAsync(string requestTarget, string method = "GET", string? host = null, string extraHeaders = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        var stream = client.GetStream();
        var request = $"{method} {requestTarget} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{_server.Port}"}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split];
        return new Response(int.Parse(head.Split(' ')[1]), head, text[(split + 4)..]);
    }

    [Fact]
    public void It_listens_on_the_loopback_interface_only()
    {
        Assert.Equal(IPAddress.Loopback, _server.EndPoint.Address);
    }

    [Fact]
    public async Task It_cannot_be_reached_through_the_machines_other_addresses()
    {
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)
            .ToList();
        foreach (var address in others)
        {
            using var client = new TcpClient(address.AddressFamily);
            var connecting = client.ConnectAsync(address, _server.Port);
            var refused = await Record.ExceptionAsync(() => connecting.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.True(refused is SocketException or TimeoutException, $"the preview answered on {address}");
        }
    }

    [Fact]
    public async Task A_page_is_served_with_the_reload_script_before_its_closing_body_tag()
    {
        var response = await SendAsync("/watchlist/glossary/yongbyon/");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Header("content-type"));
        Assert.Contains("<h1>Yongbyon</h1><script data-watchlist-preview>", response.Body);
        Assert.EndsWith("</script></BODY></html>", response.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(response.Body), int.Parse(response.Header("content-length")!));
        // Stored but asked again each time: the site changes under the browser with every save.
        Assert.Equal("no-cache", response.Header("cache-control"));
    }

    [Fact]
    public async Task The_built_files_never_hold_the_reload_script()
    {
        await SendAsync("/watchlist/glossary/yongbyon/");
        await SendAsync("/watchlist/");

        var built = Directory.EnumerateFiles(_folder.Output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.All(built, html => Assert.DoesNotContain("watchlist-preview", html));
    }

    [Fact]
    public async Task Other_files_are_served_as_they_are()
    {
        var response = await SendAsync("/watchlist/assets/style.css");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/css; charset=utf-8", response.Header("content-type"));
        Assert.Equal("body { color: black; }", response.Body);
        Assert.Equal("22", response.Header("content-length"));
    }

    [Fact]
    public async Task A_revalidated_file_that_did_not_change_is_answered_304()
    {
        var first = await SendAsync("/watchlist/assets/style.css");
        var etag = first.Header("etag");
        Assert.NotNull(etag);
        Assert.NotNull(first.Header("last-modified"));

        var byTag = await SendAsync("/watchlist/assets/style.css", extraHeaders: $"If-None-Match: {etag}\r\n");
        var byDate = await SendAsync("/watchlist/assets/style.css", extraHeaders: $"If-Modified-Since: {first.Header("last-modified")}\r\n");
        var otherTag = await SendAsync("/watchlist/assets/style.css", extraHeaders: "If-None-Match: \"something-else\"\r\n");

        Assert.Equal(304, byTag.Status);
        Assert.Equal("", byTag.Body);
        Assert.Equal(304, byDate.Status);
        Assert.Equal(200, otherTag.Status);
        Assert.Equal("body { color: black; }", otherTag.Body);
    }

    [Fact]
    public async Task A_revalidated_page_is_answered_304_until_the_next_build_and_then_sent_with_its_number()
    {
        var first = await SendAsync("/watchlist/glossary/yongbyon/");
        var etag = first.Header("etag");
        Assert.Contains("?build=0", first.Body);

        var unchanged = await SendAsync("/watchlist/glossary/yongbyon/", extraHeaders: $"If-None-Match: {etag}\r\n");
        _reload.Succeeded();
        var afterBuild = await SendAsync("/watchlist/glossary/yongbyon/", extraHeaders: $"If-None-Match: {etag}\r\n");

        Assert.Equal(304, unchanged.Status);
        // The file did not change, but a 304 would keep the tab on build 0 and have it told to reload again and again.
        Assert.Equal(200, afterBuild.Status);
        Assert.Contains("?build=1", afterBuild.Body);
        Assert.NotEqual(etag, afterBuild.Header("etag"));
    }

    [Fact]
    public async Task A_range_of_a_file_is_answered_206_with_those_bytes()
    {
        var response = await SendAsync("/watchlist/assets/style.css", extraHeaders: "Range: bytes=0-3\r\n");
        var tail = await SendAsync("/watchlist/assets/style.css", extraHeaders: "Range: bytes=-6\r\n");
        var outside = await SendAsync("/watchlist/assets/style.css", extraHeaders: "Range: bytes=100-200\r\n");

        Assert.Equal(206, response.Status);
        Assert.Equal("body", response.Body);
        Assert.Equal("bytes 0-3/22", response.Header("content-range"));
        Assert.Equal("bytes", response.Header("accept-ranges"));
        Assert.Equal(206, tail.Status);
        Assert.Equal("ack; }", tail.Body);
        Assert.Equal(416, outside.Status);
    }

    [Fact]
    public async Task A_range_of_a_page_counts_the_script_the_page_is_served_with()
    {
        var whole = await SendAsync("/watchlist/glossary/yongbyon/");
        var length = Encoding.UTF8.GetByteCount(whole.Body);

        var end = await SendAsync("/watchlist/glossary/yongbyon/", extraHeaders: "Range: bytes=-23\r\n");

        Assert.Equal(206, end.Status);
        Assert.Equal($"bytes {length - 23}-{length - 1}/{length}", end.Header("content-range"));
        Assert.Equal("</script></BODY></html>", end.Body);
    }

    [Fact]
    public async Task Only_html_pages_carry_the_reload_script()
    {
        var style = await SendAsync("/watchlist/assets/style.css");
        var page = await SendAsync("/watchlist/about");

        Assert.DoesNotContain("data-watchlist-preview", style.Body);
        Assert.Contains("<p>About<script data-watchlist-preview>", page.Body);
    }

    [Theory]
    [InlineData("/", "/watchlist/")]
    [InlineData("/watchlist", "/watchlist/")]
    [InlineData("/watchlist/glossary/yongbyon", "/watchlist/glossary/yongbyon/")]
    public async Task The_root_and_folders_without_their_slash_redirect(string target, string location)
    {
        var response = await SendAsync(target);

        Assert.Equal(301, response.Status);
        Assert.EndsWith(location, response.Header("location"));
    }

    [Theory]
    [InlineData("/watchlist/", "<h1>Home</h1>")]
    [InlineData("/watchlist/index.html", "<h1>Home</h1>")]
    [InlineData("/watchlist/glossary/yongbyon/index.html", "<h1>Yongbyon</h1>")]
    [InlineData("/watchlist/about", "<p>About")]
    [InlineData("/watchlist/%61ssets/style.css?v=2", "body { color: black; }")]
    [InlineData("/watchlist/assets/same-style.css", "body { color: black; }")]
    public async Task Pages_and_files_are_found_as_GitHub_Pages_finds_them(string target, string content)
    {
        var response = await SendAsync(target);

        Assert.Equal(200, response.Status);
        Assert.Contains(content, response.Body);
    }

    [Theory]
    [InlineData("/glossary/yongbyon/")]
    [InlineData("/watchlist-other/index.html")]
    [InlineData("/watchlist/missing/")]
    [InlineData("/watchlist/missing.css")]
    public async Task Paths_outside_the_base_path_or_not_published_get_the_404_page(string target)
    {
        var response = await SendAsync(target);

        Assert.Equal(404, response.Status);
        Assert.Contains("Page not found", response.Body);
    }

    [Fact]
    public async Task A_missing_page_gets_the_sites_404_page_with_the_script()
    {
        var response = await SendAsync("/watchlist/nothing/here/");

        Assert.Equal(404, response.Status);
        Assert.Contains("Page not found", response.Body);
        Assert.Contains("data-watchlist-preview", response.Body);
    }

    [Fact]
    public async Task Head_gives_the_headers_without_the_body()
    {
        var response = await SendAsync("/watchlist/assets/style.css", method: "HEAD");
        var page = await SendAsync("/watchlist/glossary/yongbyon/", method: "HEAD");
        var whole = await SendAsync("/watchlist/glossary/yongbyon/");

        Assert.Equal(200, response.Status);
        Assert.Equal("22", response.Header("content-length"));
        Assert.Equal("text/css; charset=utf-8", response.Header("content-type"));
        Assert.Equal("", response.Body);
        Assert.Equal(whole.Header("content-length"), page.Header("content-length"));
        Assert.Equal(whole.Header("etag"), page.Header("etag"));
        Assert.Equal("", page.Body);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Only_get_and_head_are_served(string method)
    {
        var response = await SendAsync("/watchlist/", method);

        Assert.Equal(405, response.Status);
        Assert.Equal("GET, HEAD", response.Header("allow"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task A_request_for_another_host_is_refused(string host)
    {
        var response = await SendAsync("/watchlist/", host: host);

        Assert.Equal(421, response.Status);
        Assert.DoesNotContain("Home", response.Body);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    public async Task The_loopback_names_with_the_port_are_served(string name)
    {
        var response = await SendAsync("/watchlist/", host: $"{name}:{_server.Port}");
        var withoutPort = await SendAsync("/watchlist/", host: name);

        Assert.Equal(200, response.Status);
        Assert.Contains("<h1>Home</h1>", response.Body);
        Assert.Equal(421, withoutPort.Status);
    }

    [Theory]
    [InlineData("/watchlist/%2e%2e/secret.txt")]
    [InlineData("/watchlist/%2E%2E/%2E%2E/secret.txt")]
    [InlineData("/watchlist/.%2e/secret.txt")]
    [InlineData("/watchlist/glossary/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/watchlist/..%2fsecret.txt")]
    [InlineData("/watchlist/..%2Fsecret.txt")]
    [InlineData("/watchlist/%2fetc%2fpasswd")]
    [InlineData("/watchlist/..%5csecret.txt")]
    [InlineData("/watchlist/..%5c..%5csecret.txt")]
    [InlineData("/watchlist/..\\secret.txt")]
    [InlineData("/watchlist/%c0%ae%c0%ae/secret.txt")]
    [InlineData("/watchlist/%00/secret.txt")]
    [InlineData("/watchlist/%zz/secret.txt")]
    [InlineData("/watchlist/C:/Windows/win.ini")]
    [InlineData("/watchlist/C%3a%5cWindows%5cwin.ini")]
    [InlineData("http://127.0.0.1/watchlist/../secret.txt")]
    [InlineData("../secret.txt")]
    public async Task Traversal_attempts_are_refused(string target)
    {
        var response = await SendAsync(target);

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
    }

    [Theory]
    [InlineData("secret.txt")]
    [InlineData("*")]
    public async Task Targets_that_name_no_path_are_refused(string target)
    {
        var response = await SendAsync(target);

        // Kestrel's answer: such a target is only for CONNECT or OPTIONS.
        Assert.Equal(405, response.Status);
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
    }

    [Theory]
    [InlineData("/watchlist/../secret.txt")]
    [InlineData("/watchlist/../../../../../../etc/passwd")]
    [InlineData("/watchlist/glossary/../../secret.txt")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/watchlist//etc/passwd")]
    [InlineData("/watchlist/%252e%252e/secret.txt")]
    [InlineData("/watchlist/private/secret.txt")]
    [InlineData("/watchlist/secret.txt")]
    public async Task Dot_segments_absolute_paths_and_double_encoding_lead_to_no_file(string target)
    {
        var response = await SendAsync(target);

        Assert.Contains(response.Status, new[] { 400, 404 });
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
        Assert.DoesNotContain("root:", response.Body);
    }

    [Theory]
    [InlineData("/watchlist/linked-secret.txt")]
    [InlineData("/watchlist/linked-folder/secret.txt")]
    [InlineData("/watchlist/linked-folder/")]
    [InlineData("/watchlist/linked-folder")]
    [InlineData("/watchlist/assets/climbing.txt")]
    public async Task Symbolic_links_leading_out_of_the_output_folder_are_not_followed(string target)
    {
        var response = await SendAsync(target);

        Assert.Equal(404, response.Status);
        Assert.Contains("Page not found", response.Body);
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
    }

    [Fact]
    public async Task A_404_page_that_links_out_of_the_output_folder_is_not_served_either()
    {
        File.Delete(Path.Combine(_folder.Output, "404.html"));
        File.CreateSymbolicLink(Path.Combine(_folder.Output, "404.html"), Path.Combine(_folder.Root, "secret.txt"));

        var response = await SendAsync("/watchlist/nothing/");

        Assert.Equal(404, response.Status);
        Assert.Contains("Nothing is published at this address", response.Body);
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
    }

    [Fact]
    public async Task A_connection_serves_several_requests()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        var stream = client.GetStream();
        var host = $"127.0.0.1:{_server.Port}";
        var twoRequests = $"GET /watchlist/assets/style.css HTTP/1.1\r\nHost: {host}\r\n\r\nGET /watchlist/about HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(twoRequests));

        var text = await new StreamReader(stream).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, text.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Contains("body { color: black; }", text);
        Assert.Contains("<p>About", text);
    }

    [Fact]
    public async Task A_tab_learns_of_a_good_build_and_of_a_broken_one()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {LiveReload.EventsPath}?build=0 HTTP/1.1\r\nHost: 127.0.0.1:{_server.Port}\r\n\r\n"));
        using var reader = new StreamReader(stream);
        Assert.Equal("HTTP/1.1 200 OK", await reader.ReadLineAsync());
        var headers = new List<string>();
        while (await reader.ReadLineAsync() is { Length: > 0 } header)
        {
            headers.Add(header);
        }
        Assert.Contains("Content-Type: text/event-stream; charset=utf-8", headers);
        Assert.Contains("Cache-Control: no-store", headers);
        Assert.DoesNotContain(headers, h => h.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase));
        await WaitUntil(() => _reload.OpenTabs == 1);

        _reload.Failed("input/x.md:3:7: error: 'date' is 'soon', which is not a date");
        _reload.Succeeded();

        var events = new List<string>();
        while (events.Count < 2)
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (line!.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line + " " + await reader.ReadLineAsync());
            }
        }
        Assert.Equal(["event: failed data: \"input/x.md:3:7: error: \\u0027date\\u0027 is \\u0027soon\\u0027, which is not a date\"", "event: reload data: 1"], events);
    }

    [Fact]
    public async Task Head_on_the_event_stream_answers_its_headers_and_ends()
    {
        var response = await SendAsync(LiveReload.EventsPath, method: "HEAD");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/event-stream; charset=utf-8", response.Header("content-type"));
        Assert.Equal("", response.Body);
        Assert.Equal(0, _reload.OpenTabs);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition());
    }
}
