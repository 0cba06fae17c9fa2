using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WatchList.Tests;

/// <summary><c>watchlist preview</c> from the command line: serves until stopped, and says when the port is taken.</summary>
public class PreviewCommandTests
{
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string[] Preview(TestSite site, int port) =>
        ["preview", "--input", site.Input, "--output", site.Output, "--theme", site.Theme, "--port", port.ToString()];

    [Fact]
    public async Task It_serves_the_site_on_the_port_given_until_stopped()
    {
        using var site = TestSite.WithGoodContent();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var errors = new StringWriter();
        var context = new CommandContext(TextWriter.Null, TextWriter.Synchronized(errors)) { Stopping = stop.Token };

        var running = CommandLine.RunAsync(Preview(site, port), context);
        // The first build is served before the preview says so; stopping it then would stop it mid-start.
        for (var i = 0; i < 300 && !errors.ToString().Contains("serving") && !running.IsCompleted; i++)
        {
            await Task.Delay(100);
        }
        using var http = new HttpClient();
        string? home = null;
        for (var i = 0; i < 300 && home is null && !running.IsCompleted; i++)
        {
            try
            {
                home = await http.GetStringAsync($"http://127.0.0.1:{port}/");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        await stop.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Test Watch List", home);
        Assert.Contains("data-watchlist-preview", home);
        Assert.Contains($"serving http://127.0.0.1:{port}/", errors.ToString());
        Assert.True(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task Port_0_serves_on_a_free_port_it_names()
    {
        using var site = TestSite.WithGoodContent();
        using var stop = new CancellationTokenSource();
        var errors = new StringWriter();
        var context = new CommandContext(TextWriter.Null, TextWriter.Synchronized(errors)) { Stopping = stop.Token };

        var running = CommandLine.RunAsync(Preview(site, 0), context);
        Match serving = Match.Empty;
        for (var i = 0; i < 300 && !serving.Success && !running.IsCompleted; i++)
        {
            await Task.Delay(100);
            serving = Regex.Match(errors.ToString(), @"serving http://127\.0\.0\.1:(?<port>\d+)/");
        }
        Assert.True(serving.Success, errors.ToString());
        using var http = new HttpClient();
        var home = await http.GetStringAsync($"http://127.0.0.1:{serving.Groups["port"].Value}/");
        await stop.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(0, int.Parse(serving.Groups["port"].Value));
        Assert.Contains("Test Watch List", home);
    }

    [Fact]
    public async Task A_port_in_use_exits_1_naming_it()
    {
        using var site = TestSite.WithGoodContent();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var errors = new StringWriter();

        var code = await CommandLine.RunAsync(Preview(site, port), new CommandContext(TextWriter.Null, errors));

        Assert.Equal(1, code);
        Assert.Contains($"port {port} on 127.0.0.1 is in use", errors.ToString());
        Assert.Contains("--port", errors.ToString());
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("http")]
    [InlineData("-1")]
    [InlineData("65536")]
    public async Task A_port_that_is_not_a_port_exits_2(string port)
    {
        using var site = TestSite.WithGoodContent();
        var errors = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["preview", "--input", site.Input, "--output", site.Output, "--theme", site.Theme, "--port", port], new CommandContext(TextWriter.Null, errors));

        Assert.Equal(2, code);
        Assert.Contains($"watchlist preview: --port '{port}' is not a port: give a number from 1 to 65535, or 0 for any free port", errors.ToString());
    }
}
