using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using WatchList.Preview.Serving;

namespace WatchList.Preview.Tests;

/// <summary>The preview server over a real socket: loopback only, nothing outside the output folder, the script only in responses.</summary>
public sealed class PreviewServerTests : IAsyncLifetime
{
    private readonly ServedFolder _folder = new();
    private readonly LiveReload _reload = new();
    private PreviewServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new PreviewServer(new SiteFiles(_folder.Output) { BasePath = "/watchlist/" }, _reload, port: 0);
        _server.Start();
        return Task.CompletedTask;
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
        Assert.Equal("no-store", response.Header("cache-control"));
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
    }

    [Fact]
    public async Task The_root_redirects_to_the_base_path()
    {
        var response = await SendAsync("/");

        Assert.Equal(301, response.Status);
        Assert.Equal("/watchlist/", response.Header("location"));
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

        Assert.Equal(200, response.Status);
        Assert.Equal("22", response.Header("content-length"));
        Assert.Equal("", response.Body);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Only_get_and_head_are_served(string method)
    {
        var response = await SendAsync("/watchlist/", method);

        Assert.Equal(405, response.Status);
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
    [InlineData("/watchlist/../secret.txt")]
    [InlineData("/watchlist/../../../../../../etc/passwd")]
    [InlineData("/watchlist/%2e%2e/secret.txt")]
    [InlineData("/watchlist/%2E%2E/%2E%2E/secret.txt")]
    [InlineData("/watchlist/..%2fsecret.txt")]
    [InlineData("/watchlist/..%2Fsecret.txt")]
    [InlineData("/watchlist/..%5csecret.txt")]
    [InlineData("/watchlist/..\\secret.txt")]
    [InlineData("/watchlist/%252e%252e/secret.txt")]
    [InlineData("/watchlist/%c0%ae%c0%ae/secret.txt")]
    [InlineData("/watchlist/linked-secret.txt")]
    [InlineData("/watchlist/linked-folder/secret.txt")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/watchlist//etc/passwd")]
    [InlineData("/watchlist/%2fetc%2fpasswd")]
    [InlineData("http://127.0.0.1/watchlist/../secret.txt")]
    [InlineData("../secret.txt")]
    public async Task Nothing_outside_the_output_folder_is_ever_served(string target)
    {
        var response = await SendAsync(target);

        Assert.Contains(response.Status, new[] { 400, 404 });
        Assert.DoesNotContain(ServedFolder.Secret, response.Body);
        Assert.DoesNotContain("root:", response.Body);
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
        while (await reader.ReadLineAsync() is { Length: > 0 } header)
        {
            Assert.DoesNotContain("Content-Length", header);
        }
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

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition());
    }
}
