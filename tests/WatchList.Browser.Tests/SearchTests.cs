using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>Searching the real site in Debian's Chromium, under the /watchlist/ sub-path, as a reader types and links.</summary>
public sealed class SearchTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IPage> Open(IBrowserContext context, string path = "/search/")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url(path));
        return page;
    }

    private static ILocator Results(IPage page) => page.Locator(".search-results li");

    /// <summary>Waits until every result's excerpt has been taken from its page.</summary>
    private static Task ExcerptsReady(IPage page) => Expect(page.Locator(".search-results[data-excerpts=ready]")).ToHaveCountAsync(1);

    [Fact]
    public async Task The_last_word_typed_matches_as_the_start_of_a_word()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context);
        await page.GetByRole(AriaRole.Searchbox).FillAsync("yongb");

        var term = Results(page).Locator("a[href$='/glossary/yongbyon/']");
        await Expect(term).ToHaveCountAsync(1);
        await Expect(term.Locator("mark")).ToHaveTextAsync("Yongbyon");
    }

    [Fact]
    public async Task Case_and_diacritics_fold_and_a_singular_finds_the_plural()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context);
        await page.GetByRole(AriaRole.Searchbox).FillAsync("DETENTE ");
        await ExcerptsReady(page);
        Assert.Contains("détente", await Results(page).Locator("mark").AllTextContentsAsync());

        await page.GetByRole(AriaRole.Searchbox).FillAsync("sanction ");
        await ExcerptsReady(page);
        var marks = await Results(page).Locator(".excerpt mark").AllTextContentsAsync();
        Assert.Contains("sanctions", marks.Select(m => m.ToLowerInvariant()));
        Assert.All(marks, m => Assert.StartsWith("sanction", m.ToLowerInvariant()));
    }

    [Fact]
    public async Task Each_result_shows_title_kind_date_and_an_excerpt_of_its_page_with_the_words_highlighted()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context, "/search/?q=liaison%20office");
        await ExcerptsReady(page);

        var commentary = Results(page).Filter(new() { Has = page.Locator("a[href*='/commentaries/']") }).First;
        await Expect(commentary.Locator("h2 a")).Not.ToBeEmptyAsync();
        await Expect(commentary.Locator(".meta")).ToContainTextAsync("·");
        await Expect(commentary.Locator(".meta time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
        var marks = await commentary.Locator(".excerpt mark").AllTextContentsAsync();
        Assert.Contains("liaison", marks.Select(m => m.ToLowerInvariant()));
        Assert.Contains("office", marks.Select(m => m.ToLowerInvariant()));
        await Expect(page.Locator(".search-status")).ToContainTextAsync("“liaison office”");
    }

    [Fact]
    public async Task Filters_come_from_the_address_and_go_back_into_it()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context, "/search/?q=sanctions&type=glossary-term");
        await Expect(Results(page).First).ToBeVisibleAsync();

        await Expect(page.GetByLabel("Type", new() { Exact = true })).ToHaveValueAsync("glossary-term");
        var links = await Results(page).Locator("h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith(BuiltSite.BasePath + "glossary/", href));

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByLabel("Actor", new() { Exact = true }).SelectOptionAsync("north-korea");
        await BuiltSite.Reached(page, "^(?!.*type=).*actor=north-korea");
        // The results of the type filter stay on screen until the narrowed ones replace them.
        await Expect(page.Locator(".search-status")).ToContainTextAsync("North Korea");
        await ExcerptsReady(page);
        var narrowed = await Results(page).Locator("h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(narrowed);
        Assert.All(narrowed, href => Assert.StartsWith(BuiltSite.BasePath + "commentaries/", href));
    }

    [Fact]
    public async Task A_term_page_links_to_the_search_for_the_commentaries_that_mention_it()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context, "/glossary/yongbyon/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search the commentaries that mention Yongbyon" }).ClickAsync();
        await BuiltSite.Reached(page, @"/watchlist/search/\?term=yongbyon$");

        await Expect(page.GetByLabel("Term", new() { Exact = true })).ToHaveValueAsync("yongbyon");
        await Expect(Results(page).First).ToBeVisibleAsync();
        var mentioning = await page.Locator("main .search-results a").CountAsync();
        Assert.True(mentioning > 0);
        Assert.All(await Results(page).Locator("h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            href => Assert.StartsWith(BuiltSite.BasePath + "commentaries/", href));
    }

    [Fact]
    public async Task Under_the_sub_path_every_file_of_the_search_loads_and_results_link_inside_it()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        var index = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
            if (response.Url.Contains("/search-index/", StringComparison.Ordinal))
            {
                index.Add(new Uri(response.Url).AbsolutePath);
            }
        };
        await page.GotoAsync(site.Server.Url("/search/?q=summit"));
        await ExcerptsReady(page);

        Assert.Empty(failed);
        Assert.NotEmpty(index);
        Assert.All(index, path => Assert.StartsWith(BuiltSite.BasePath + "search-index/", path));
        // The records of the results shown come in chunks, each fetched once however many of the results it holds.
        var records = index.Where(path => path.StartsWith(BuiltSite.BasePath + "search-index/r/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(records);
        Assert.Equal(records.Distinct(), records);
        Assert.InRange(records.Count, 1, await Results(page).CountAsync());
        Assert.All(await Results(page).Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            href => Assert.StartsWith(BuiltSite.BasePath, href));
    }

    [Fact]
    public async Task Keyboard_alone_searches_and_opens_a_result()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await Open(context);
        await page.Locator("#search-query").FocusAsync();
        await page.Keyboard.TypeAsync("Yongbyon");
        await page.Keyboard.PressAsync("Enter");
        await ExcerptsReady(page);
        await Expect(Results(page).First).ToBeVisibleAsync();
        await Expect(page.Locator(".search-status")).ToHaveAttributeAsync("aria-live", "polite");

        // From the box, past the button and the four filters, to the first result.
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string>("document.activeElement.closest('.search-results li') ? document.activeElement.getAttribute('href') : ''");
        Assert.StartsWith(BuiltSite.BasePath, focused);
        await page.Keyboard.PressAsync("Enter");
        await BuiltSite.Reached(page, System.Text.RegularExpressions.Regex.Escape(focused) + "$");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
