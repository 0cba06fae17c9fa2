using System.Net;
using System.Net.Sockets;
using System.Text;
using WatchList.Preview.Serving;

namespace WatchList.Preview.Tests;

/// <summary>The preview end to end without a browser: build, serve, save, rebuild, and the events open tabs receive.</summary>
public sealed class PreviewSessionTests : IAsyncLifetime
{
    private const string CommentaryPage = "commentaries/getting-back-to-the-table/";

    private readonly TestSite _site = TestSite.WithGoodContent();
    private readonly StringWriter _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private PreviewSession _session = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _session = new PreviewSession(new PreviewOptions(_site.Options(), Port: 0), TextWriter.Synchronized(_log));
        var first = await _session.StartAsync(_stop.Token);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Same(first, await _session.Rebuilds.ReadAsync());
        _running = _session.RunAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _session.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    private async Task<Rebuild> NextBuild()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _session.Rebuilds.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// The next build that succeeded (or failed): on a loaded machine the debounce may fire between the
    /// truncation and the write of a save, and that half-saved file's build comes first.
    /// </summary>
    private async Task<Rebuild> NextRebuild(bool succeeded = true)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var rebuild = await _session.Rebuilds.ReadAsync(timeout.Token);
            if (rebuild.Succeeded == succeeded)
            {
                return rebuild;
            }
        }
    }

    private Task<string> Page(string sitePath) => _http.GetStringAsync(new Uri(_session.Address, sitePath));

    private static string Commentary(string body) => $"""
        ---
        title: "North Korea: Getting Back to the Table"
        date: 2019-04-26
        summary: "A failed summit in Hanoi has resulted in a diplomatic stalemate."
        ---
        {body}
        """;

    /// <summary>An open tab's event stream, read line by line.</summary>
    private async Task<StreamReader> OpenTab()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _session.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET {LiveReload.EventsPath}?build={_session.Reload.Build} HTTP/1.1\r\nHost: 127.0.0.1:{_session.Port}\r\n\r\n"));
        var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { Length: > 0 })
        {
        }
        return reader;
    }

    /// <summary>Reads the tab's events until the one named comes; false if the stream ends first.</summary>
    private static async Task<bool> Receives(StreamReader tab, string name)
    {
        while (await tab.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line == "event: " + name)
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public async Task The_site_is_served_at_its_base_path()
    {
        Assert.Equal("/", _session.Address.AbsolutePath);
        Assert.Equal(IPAddress.Loopback.ToString(), _session.Address.Host);

        var html = await Page(CommentaryPage);

        Assert.Contains("have <strong>abated</strong>", html);
        Assert.Contains("data-watchlist-preview", html);
        Assert.Contains($"serving {_session.Address}", _log.ToString());
    }

    [Fact]
    public async Task A_save_rebuilds_and_tells_open_tabs_to_reload()
    {
        using var tab = await OpenTab();

        _site.Write(TestSite.GoodCommentary, Commentary("The tensions have abated. Talks resumed in Stockholm."));
        var rebuild = await NextRebuild();

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        Assert.Contains(_site.PathOf(TestSite.GoodCommentary), rebuild.Changed);
        Assert.True(rebuild.SaveToReload > TimeSpan.Zero);
        Assert.True(await Receives(tab, "reload"));
        Assert.Contains("Talks resumed in Stockholm.", await Page(CommentaryPage));
        Assert.DoesNotContain("data-watchlist-preview", _site.ReadOutput(CommentaryPage + "index.html"));
    }

    [Fact]
    public async Task A_broken_save_keeps_the_last_good_site_and_shows_the_error_until_fixed()
    {
        using var tab = await OpenTab();

        _site.Write(TestSite.GoodCommentary, Commentary("Broken.").Replace("date: 2019-04-26", "date: 2019-02-30"));
        var broken = await NextRebuild(succeeded: false);

        Assert.True(await Receives(tab, "failed"));
        var error = Assert.Single(broken.Diagnostics, d => d.Severity == Pipeline.Severity.Error);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("have <strong>abated</strong>", await Page(CommentaryPage));
        Assert.Contains("'date' is '2019-02-30', which is not a date", _log.ToString());
        Assert.Contains("the site does not build; the last good site is still served", _log.ToString());

        // A tab opened while the build is broken is told at once.
        using var later = await OpenTab();
        Assert.True(await Receives(later, "failed"));

        _site.Write(TestSite.GoodCommentary, Commentary("Fixed again."));
        var fixedBuild = await NextRebuild();

        Assert.True(fixedBuild.Succeeded);
        Assert.True(await Receives(tab, "reload"));
        Assert.Contains("Fixed again.", await Page(CommentaryPage));
    }

    [Fact]
    public async Task An_atomic_save_through_a_temporary_file_is_built()
    {
        var real = _site.PathOf(TestSite.GoodCommentary);
        var temporary = real + ".tmp";
        await File.WriteAllTextAsync(temporary, Commentary("Saved through a rename."));
        File.Move(temporary, real, overwrite: true);

        var rebuild = await NextRebuild();

        Assert.True(rebuild.Succeeded);
        Assert.Contains("Saved through a rename.", await Page(CommentaryPage));
    }

    [Fact]
    public async Task A_file_locked_for_a_moment_is_built_once_it_is_released()
    {
        var path = _site.PathOf(TestSite.GoodCommentary);
        var text = Encoding.UTF8.GetBytes(Commentary("Written while locked."));
        await using (var locked = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            // Half a file, then a pause: read now, it would not build.
            await locked.WriteAsync(text.AsMemory(0, 20));
            await locked.FlushAsync();
            await Task.Delay(500);
            await locked.WriteAsync(text.AsMemory(20));
        }

        // The very next build: the file was locked from its truncation to its last byte, so no half of it was read.
        var rebuild = await NextBuild();

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        Assert.Contains("Written while locked.", await Page(CommentaryPage));
    }

    [Fact]
    public async Task A_theme_change_is_built_too()
    {
        var layout = Path.Combine(_site.Theme, "layouts", "default.liquid");
        await File.WriteAllTextAsync(layout, (await File.ReadAllTextAsync(layout)).Replace("</body>", "<p id=\"theme-edited\">edited</p></body>"));

        var rebuild = await NextRebuild();

        Assert.True(rebuild.Succeeded);
        Assert.Contains("<p id=\"theme-edited\">edited</p>", await Page(CommentaryPage));
    }
}
