using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>The real site built once under a sub-path, served on loopback, with Debian's Chromium to look at it.</summary>
public sealed class BuiltSite : IAsyncLifetime
{
    public const string BasePath = "/watchlist/";

    /// <summary>
    /// For following a link: waits until the page's address matches <paramref name="address"/>, looking at it
    /// again and again, not for its load event or its navigation event. Waiting for the event missed it now and
    /// then: when the new page committed between Playwright's look at the address and its start of the wait,
    /// it waited 30 s for an event already gone (2 of 15 runs of the search tests under load, the new page
    /// loaded 30 ms after the key press). What a test then checks on the new page waits for the page itself.
    /// </summary>
    public static Task Reached(IPage page, string address) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(address), new() { Timeout = 30_000 });

    private readonly TestSite _site = TestSite.CopyOfRealInput();
    private IPlaywright? _playwright;

    public StaticServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var report = await _site.BuildAsync(new Uri("https://example.github.io" + BasePath));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Server = new StaticServer(_site.Output, BasePath);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Server.Dispose();
        _site.Dispose();
    }
}
