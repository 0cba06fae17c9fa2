using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>The real site built once under a sub-path, served on loopback, with Debian's Chromium to look at it.</summary>
public sealed class BuiltSite : IAsyncLifetime
{
    public const string BasePath = "/watchlist/";

    /// <summary>
    /// For following a link: wait until the address is the new page's, not for its load event. Chromium now and then
    /// did not report that event (a 30 s timeout after the network had gone idle, in one test or another, about one
    /// run of the browser tests in four); what a test then checks on the new page waits for the page itself.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

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
