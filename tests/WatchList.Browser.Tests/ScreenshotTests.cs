using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>
/// The home, a commentary and a term page, light and dark, on a 1200px screen and on a 390px phone: each
/// renders with height, fits the width and logs no error. With WATCHLIST_SCREENSHOTS set to a folder, each
/// is saved there as a full-page PNG for a person to look at.
/// </summary>
public sealed class ScreenshotTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("commentary", "/commentaries/north-korea-getting-back-to-the-table/"),
        ("term", "/glossary/yongbyon/"),
    ];

    public static TheoryData<string, int> SchemesAndWidths() => new()
    {
        { "light", 1200 },
        { "dark", 1200 },
        { "light", 390 },
        { "dark", 390 },
    };

    [Theory]
    [MemberData(nameof(SchemesAndWidths))]
    public async Task Home_commentary_and_term_pages_render_to_the_full_width_without_errors(string scheme, int width)
    {
        var folder = Environment.GetEnvironmentVariable("WATCHLIST_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var phone = width < 600;
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 844 : 900 },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
        });
        var problems = new List<string>();
        foreach (var (name, path) in Pages)
        {
            var page = await context.NewPageAsync();
            page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{name}: console error: {message.Text}"); };
            page.PageError += (_, error) => problems.Add($"{name}: script error: {error}");
            await page.GotoAsync(site.Server.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            Assert.True(height > 0, $"{name} has no height");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{name}: wider than the {width}px screen by {overflow}px, so it scrolls sideways");
            }

            var png = await page.ScreenshotAsync(new PageScreenshotOptions
            {
                FullPage = true,
                Path = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, $"{name}-{scheme}-{width}.png"),
            });
            Assert.True(png.Length > 1000, $"{name}: the screenshot is empty");
            await page.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
