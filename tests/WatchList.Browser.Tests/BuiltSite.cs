using Microsoft.Playwright;
using WatchList.Site;

namespace WatchList.Browser.Tests;

/// <summary>The real site built once under a sub-path, served on loopback, with Debian's Chromium to look at it.</summary>
public sealed class BuiltSite : IAsyncLifetime
{
    public const string BasePath = "/watchlist/";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "watchlist-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public StaticServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Site.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Site.sln not found above the test folder.");
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var report = await SiteBuilder.BuildAsync(new BuildOptions(
            Path.Combine(root, "input"), _output, Path.Combine(root, "theme"), new Uri("https://example.github.io" + BasePath)));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Server = new StaticServer(_output, BasePath);
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
        Directory.Delete(_output, recursive: true);
    }
}
