using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WatchList.Preview.Serving;
using Xunit.Abstractions;

namespace WatchList.Preview.Tests;

/// <summary>
/// The preview keeps answering under load, on loopback: connections that never finish their request and
/// many clients fetching at once do not keep a tab's request waiting. Bounded counts and a deadline, so it
/// stops by itself.
/// </summary>
public sealed class PreviewServerLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int IdleConnections = 1000;
    private const int Clients = 200;
    private const int PagesPerClient = 25;
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(1);

    private readonly ServedFolder _folder = new();
    private PreviewServer _server = null!;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            _folder.Write($"commentaries/c{i}/index.html", $"<!doctype html><html><body><h1>Commentary {i}</h1>{new string('x', 4000)}</body></html>");
        }
        _server = new PreviewServer(new SiteFiles(_folder.Output) { BasePath = "/watchlist/" }, new LiveReload(), port: 0);
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_request_is_answered_within_a_second_while_a_thousand_connections_idle_and_two_hundred_clients_fetch_pages()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var idle = new List<TcpClient>();
        // Warmed up first, in both programs: what is timed is the server's answer, not compiling the code that makes it.
        using (var warm = new HttpClient())
        {
            await warm.GetStringAsync(Url(""), deadline.Token);
        }
        try
        {
            // Each sends the start of a request and never its end; opened fifty at a time, so the listen queue never overflows.
            var start = Encoding.ASCII.GetBytes($"GET /watchlist/ HTTP/1.1\r\nHost: 127.0.0.1:{_server.Port}\r\n");
            for (var opened = 0; opened < IdleConnections; opened += 50)
            {
                idle.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
                {
                    var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, _server.Port, deadline.Token);
                    await client.GetStream().WriteAsync(start, deadline.Token);
                    return client;
                })));
            }

            using var clients = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients });
            var fetched = 0;
            var fetching = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < PagesPerClient; i++)
                {
                    using var response = await clients.GetAsync(Url($"commentaries/c{(c + i) % 50}/"), deadline.Token);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync(deadline.Token);
                    Interlocked.Increment(ref fetched);
                }
            })));
            while (Volatile.Read(ref fetched) < Clients && !fetching.IsCompleted)
            {
                await Task.Delay(10, deadline.Token);
            }

            // A tab's requests, each on a connection of its own, while the load goes on.
            var times = new List<TimeSpan>();
            var underLoad = 0;
            for (var i = 0; i < 5; i++)
            {
                using var tab = new HttpClient();
                var clock = Stopwatch.StartNew();
                var home = await tab.GetStringAsync(Url(""), deadline.Token);
                times.Add(clock.Elapsed);
                Assert.Contains("<h1>Home</h1>", home);
                underLoad += fetching.IsCompleted ? 0 : 1;
            }
            await fetching;

            output.WriteLine($"a tab's requests under load: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:0} ms"))}; " +
                $"{underLoad} of them before the {Clients * PagesPerClient} fetches ended");
            Assert.Equal(Clients * PagesPerClient, fetched);
            Assert.True(underLoad > 0, "the load ended before a request was timed");
            Assert.All(times, time => Assert.True(time < Answered, $"a request took {time.TotalMilliseconds:0} ms"));
        }
        finally
        {
            foreach (var client in idle)
            {
                client.Dispose();
            }
        }
    }

    private string Url(string sitePath) => new Uri(_server.Address, sitePath).ToString();
}
