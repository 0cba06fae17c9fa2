using Microsoft.Playwright;

namespace WatchList.Preview.Tests.Browser;

/// <summary>
/// In Chromium: a commentary open in the preview follows the editor's saves without a manual reload,
/// and a broken save keeps the page and shows the problem over it until it is fixed.
/// </summary>
public sealed class PreviewBrowserTests : IAsyncLifetime
{
    private const string CommentaryPath = "commentaries/getting-back-to-the-table/";

    private readonly TestSite _site = TestSite.WithGoodContent();
    private readonly CancellationTokenSource _stop = new();
    private PreviewSession _session = null!;
    private Task _running = Task.CompletedTask;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // Published under a sub-path, as on GitHub Pages: the preview serves it there too.
        _site.Write("site.yml", """
            title: Test Watch List
            description: Commentaries for tests.
            base_url: https://example.github.io/watchlist/
            """);
        _session = new PreviewSession(new PreviewOptions(_site.Options(), Port: 0), TextWriter.Null);
        var first = await _session.StartAsync(_stop.Token);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        _running = _session.RunAsync(_stop.Token);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _stop.CancelAsync();
        await _running;
        await _session.DisposeAsync();
        _site.Dispose();
    }

    private void SaveCommentary(string body, string date = "2019-04-26") =>
        _site.Write(TestSite.GoodCommentary, $"""
            ---
            title: "North Korea: Getting Back to the Table"
            date: {date}
            summary: "A failed summit in Hanoi has resulted in a diplomatic stalemate."
            ---
            {body}
            """);

    private async Task<IPage> OpenCommentary()
    {
        var page = await _browser.NewPageAsync();
        Assert.Equal("/watchlist/", _session.Address.AbsolutePath);
        await page.GotoAsync(new Uri(_session.Address, CommentaryPath).ToString());
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("The tensions between Washington and Pyongyang");
        return page;
    }

    [Fact]
    public async Task A_saved_sentence_appears_in_the_open_tab_without_a_manual_reload()
    {
        var page = await OpenCommentary();
        // A mark on this load of the page: gone once the page has reloaded itself.
        await page.EvaluateAsync("() => { window.beforeTheSave = true; }");

        SaveCommentary("The tensions between Washington and Pyongyang have abated. A new round of talks opened in Stockholm.");

        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("A new round of talks opened in Stockholm.",
            new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => window.beforeTheSave === true"));
        Assert.Equal(new Uri(_session.Address, CommentaryPath).ToString(), page.Url);
    }

    [Fact]
    public async Task A_broken_save_keeps_the_page_and_shows_the_error_until_it_is_fixed()
    {
        var page = await OpenCommentary();
        var overlay = page.Locator("#watchlist-preview-error");
        await Assertions.Expect(overlay).ToHaveCountAsync(0);

        SaveCommentary("The tensions have abated. This save has a date that does not exist.", date: "2019-02-30");

        await Assertions.Expect(overlay).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(overlay).ToContainTextAsync("'date' is '2019-02-30', which is not a date");
        await Assertions.Expect(overlay).ToContainTextAsync("2019-04-26-getting-back-to-the-table.md:3:7");
        // The last good page is still the one shown and served.
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("The tensions between Washington and Pyongyang");
        var served = await page.APIRequest.GetAsync(page.Url);
        Assert.Equal(200, served.Status);
        Assert.Contains("have <strong>abated</strong>", await served.TextAsync());

        // A tab opened now sees the error at once.
        var another = await _browser.NewPageAsync();
        await another.GotoAsync(page.Url);
        await Assertions.Expect(another.Locator("#watchlist-preview-error")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });

        SaveCommentary("The tensions have abated. The date is mended.");

        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("The date is mended.",
            new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
    }
}
