using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>A linked mention shows its entry's summary on hover and on keyboard focus; Escape hides it.</summary>
public sealed class DefinitionPopoverTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Commentary = "/commentaries/north-korea-getting-back-to-the-table/";

    private async Task<IPage> OpenCommentary()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.Server.Url(Commentary));
        return page;
    }

    /// <summary>The mention's accessible description: the summary the script takes from definitions.json.</summary>
    private static async Task<string> SummaryOf(IPage page, ILocator mention)
    {
        await Assertions.Expect(mention).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("."));
        var definitionId = await mention.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(definitionId));
        // The summary is filled in from definitions.json once the page has loaded.
        var definition = page.Locator($"#{definitionId}");
        await Assertions.Expect(definition).ToHaveTextAsync(new Regex(@"\S"));
        return (await definition.TextContentAsync())!.Trim();
    }

    [Fact]
    public async Task Summary_appears_when_a_mention_receives_keyboard_focus()
    {
        var page = await OpenCommentary();
        var yongbyon = page.Locator("a.mention[href$='/glossary/yongbyon/']").First;
        var summary = await SummaryOf(page, yongbyon);

        // Tab through the page until the mention has focus, as a keyboard user would.
        for (var i = 0; i < 200 && !await yongbyon.EvaluateAsync<bool>("el => el === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await yongbyon.EvaluateAsync<bool>("el => el === document.activeElement"), "Tab never reached the Yongbyon mention");

        var popover = page.Locator(".mention-popover");
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await Assertions.Expect(popover).ToContainTextAsync(summary);
        Assert.Contains("Yongbyon", await popover.TextContentAsync());
    }

    [Fact]
    public async Task Summary_appears_on_hover_and_stays_while_the_pointer_moves_onto_it()
    {
        var page = await OpenCommentary();
        var kaesong = page.Locator("a.mention[href$='/glossary/kaesong-industrial-complex/']").First;
        var summary = await SummaryOf(page, kaesong);
        var popover = page.Locator(".mention-popover");
        await Assertions.Expect(popover).ToBeHiddenAsync();

        await kaesong.HoverAsync();
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await Assertions.Expect(popover).ToContainTextAsync(summary);

        await popover.HoverAsync();
        await page.WaitForTimeoutAsync(600);
        await Assertions.Expect(popover).ToBeVisibleAsync();

        await page.Mouse.MoveAsync(5, 5);
        await Assertions.Expect(popover).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_mention_is_described_by_its_entrys_summary_for_screen_readers()
    {
        var page = await OpenCommentary();
        var yongbyon = page.Locator("a.mention[href$='/glossary/yongbyon/']").First;

        await yongbyon.FocusAsync();

        await Assertions.Expect(yongbyon).ToHaveAccessibleDescriptionAsync(
            "North Korea's main nuclear research centre, home to the reactor that produced its plutonium and to a uranium-enrichment plant revealed in 2010.");
    }

    [Fact]
    public async Task Escape_hides_the_summary()
    {
        var page = await OpenCommentary();
        var mention = page.Locator("a.mention").First;
        await mention.HoverAsync();
        var popover = page.Locator(".mention-popover");
        await Assertions.Expect(popover).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popover).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_summary_a_mention_shows_is_the_one_on_its_entrys_page_though_the_page_itself_carries_none()
    {
        var page = await OpenCommentary();
        var yongbyon = page.Locator("a.mention[href$='/glossary/yongbyon/']").First;
        var shown = await SummaryOf(page, yongbyon);

        var served = await page.APIRequest.GetAsync(site.Server.Url(Commentary));
        var html = await served.TextAsync();
        Assert.DoesNotContain(shown, html);

        var entry = await site.Browser.NewPageAsync();
        await entry.GotoAsync(site.Server.Url("/glossary/yongbyon/"));
        Assert.Equal((await entry.Locator("header .lead").TextContentAsync())!.Trim(), shown);
        Assert.Equal("Yongbyon", await page.Locator($"#{await yongbyon.GetAttributeAsync("aria-describedby")}").GetAttributeAsync("data-title"));
    }

    [Fact]
    public async Task A_mention_hovered_before_the_summaries_arrive_shows_its_summary_when_they_do()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // definitions.json held back until the pointer is on the mention.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/definitions.json", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(site.Server.Url(Commentary), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var kaesong = page.Locator("a.mention[href$='/glossary/kaesong-industrial-complex/']").First;
        await kaesong.HoverAsync();
        var popover = page.Locator(".mention-popover");
        await Assertions.Expect(popover).ToBeHiddenAsync();

        release.SetResult();
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await Assertions.Expect(popover).ToContainTextAsync(await SummaryOf(page, kaesong));
    }

    [Fact]
    public async Task Without_javascript_a_mention_is_a_plain_link_to_the_entry()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url(Commentary));
        var yongbyon = page.Locator("a.mention[href$='/glossary/yongbyon/']").First;
        await yongbyon.ClickAsync();
        await BuiltSite.Reached(page, "/glossary/yongbyon/$");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Yongbyon");
    }
}
