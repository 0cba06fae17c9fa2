using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>A reader's way through the site in Debian's Chromium, under the /watchlist/ sub-path: by links, by the back button, by search.</summary>
public sealed class JourneyTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The title a link leads to: the entry's title for a linked mention (its definition's data-title), else the link's text.</summary>
    private static async Task<string> TitleBehind(IPage page, ILocator link)
    {
        if (await link.EvaluateAsync<bool>("el => el.matches('a.mention')"))
        {
            await Expect(link).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("."));
        }
        var definition = await link.GetAttributeAsync("aria-describedby");
        if (definition is not null)
        {
            // The entry's title comes with its summary from definitions.json once the page has loaded.
            await Expect(page.Locator($"#{definition}")).ToHaveAttributeAsync("data-title", new System.Text.RegularExpressions.Regex("."));
        }
        var title = definition is null ? null : await page.Locator($"#{definition}").GetAttributeAsync("data-title");
        return (title ?? await link.TextContentAsync() ?? "").Trim();
    }

    private async Task<string> Follow(IPage page, ILocator link, string address)
    {
        var title = await TitleBehind(page, link);
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith(BuiltSite.BasePath, href);
        await link.ClickAsync();
        await BuiltSite.Reached(page, address);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        return page.Url;
    }

    [Fact]
    public async Task A_reader_goes_from_home_to_a_commentary_a_term_and_an_actor_then_back()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(await page.TitleAsync());

        var commentary = await Follow(page, page.Locator("main a[href*='/commentaries/']").First, "/watchlist/commentaries/[^/]+/$");
        var term = await Follow(page, page.Locator("main a.mention[href$='/glossary/yongbyon/']").First, "/watchlist/glossary/yongbyon/$");
        Assert.Equal(site.Server.Url("/glossary/yongbyon/"), term);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Yongbyon");
        var actor = await Follow(page, page.Locator("main a[href*='/actors/']").First, "/watchlist/actors/[^/]+/$");

        await page.GoBackAsync();
        Assert.Equal(term, page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Yongbyon");
        await page.GoBackAsync();
        Assert.Equal(commentary, page.Url);
        await page.GoForwardAsync();
        await page.GoForwardAsync();
        Assert.Equal(actor, page.Url);
    }

    [Fact]
    public async Task A_reader_finds_an_actor_through_the_site_navigation_and_returns_to_the_index()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/glossary/yongbyon/"));

        var index = await Follow(page, page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Actors" }),
            "/watchlist/actors/$");
        Assert.Equal(site.Server.Url("/actors/"), index);
        await Follow(page, page.Locator("main a[href*='/actors/']:not([href$='/actors/'])").First, "/watchlist/actors/[^/]+/$");

        await page.GoBackAsync();
        Assert.Equal(index, page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Actors");
    }

    [Fact]
    public async Task Searching_for_Yongbyon_lists_its_term_page_with_the_word_highlighted_and_opens_it()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.GetByRole(AriaRole.Searchbox).FillAsync("Yongbyon");

        var results = page.Locator(".search-results");
        await Expect(results.Locator("li").First).ToBeVisibleAsync();
        var term = results.Locator("a[href$='/glossary/yongbyon/']");
        await Expect(term).ToHaveCountAsync(1);
        Assert.Equal(BuiltSite.BasePath + "glossary/yongbyon/", await term.GetAttributeAsync("href"));
        await Expect(term.Locator("mark")).ToHaveTextAsync("Yongbyon");

        var marks = await results.Locator("mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.StartsWith("yongbyon", mark.ToLowerInvariant()));

        await term.ClickAsync();
        await BuiltSite.Reached(page, "/watchlist/glossary/yongbyon/$");
        Assert.Equal(site.Server.Url("/glossary/yongbyon/"), page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Yongbyon");
    }

    [Fact]
    public async Task Without_javascript_the_search_page_says_so_and_links_the_archive()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));

        // With scripting off, the browser shows what the noscript element holds.
        var notice = page.Locator("main noscript > *").First;
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("JavaScript");
        var archive = notice.Locator("a[href$='/archive/']");
        await Expect(archive).ToBeVisibleAsync();

        await archive.ClickAsync();
        await BuiltSite.Reached(page, "/watchlist/archive/$");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
