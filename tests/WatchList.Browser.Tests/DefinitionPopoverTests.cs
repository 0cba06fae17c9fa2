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
        return (await page.Locator($"#{definitionId}").TextContentAsync())!.Trim();
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
    public async Task Without_javascript_a_mention_is_a_plain_link_to_the_entry()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url(Commentary));
        var yongbyon = page.Locator("a.mention[href$='/glossary/yongbyon/']").First;
        await yongbyon.ClickAsync();
        await page.WaitForURLAsync("**/glossary/yongbyon/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Yongbyon");
    }
}
