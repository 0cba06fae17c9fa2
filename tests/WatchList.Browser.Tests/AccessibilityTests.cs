using System.Text.Json;
using Microsoft.Playwright;

namespace WatchList.Browser.Tests;

/// <summary>
/// axe-core, in Debian's Chromium, finds no WCAG 2.2 A/AA violation on one page of each kind, in light and
/// dark mode: home, a commentary (also with a definition shown), glossary, term, actors, actor, archive,
/// search with results (typed, and narrowed by filters in the address), and the 404 page.
/// </summary>
public sealed class AccessibilityTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Commentary = "/commentaries/north-korea-getting-back-to-the-table/";

    private static readonly string AxeScript = Path.Combine(
        TestSite.RepositoryRoot, "tests", "tools", "node_modules", "axe-core", "axe.min.js");

    private static readonly (string Kind, string Path)[] Kinds =
    [
        ("home", "/"),
        ("commentary", Commentary),
        ("commentary with a definition shown", Commentary),
        ("glossary", "/glossary/"),
        ("term", "/glossary/yongbyon/"),
        ("actors", "/actors/"),
        ("actor", "/actors/north-korea/"),
        ("archive", "/archive/"),
        ("search with results", "/search/"),
        ("search narrowed by filters in the address", "/search/?q=sanctions&actor=north-korea&type=commentary"),
        ("404", "/404.html"),
    ];

    public static TheoryData<string, string> EveryKindOfPageInBothSchemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _) in Kinds)
        {
            data.Add(kind, "light");
            data.Add(kind, "dark");
        }
        return data;
    }

    private sealed record AxeNode(string Target, string? Html, string? Summary);

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

    private sealed record AxeResults(int Passes, IReadOnlyList<AxeViolation> Violations);

    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return JSON.stringify({
            passes: results.passes.length,
            violations: results.violations.map((v) => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map((n) => ({
                target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', '),
                html: n.html,
                summary: n.failureSummary,
              })),
            })),
          });
        }
        """;

    [Theory]
    [MemberData(nameof(EveryKindOfPageInBothSchemes))]
    public async Task Page_has_no_WCAG_2_2_A_or_AA_violations(string kind, string scheme)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: run `npm ci` in tests/tools (./test.sh does)");
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var path = Kinds.Single(k => k.Kind == kind).Path;
        var response = await page.GotoAsync(site.Server.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response?.Status);

        if (kind == "search with results")
        {
            await page.GetByRole(AriaRole.Searchbox).FillAsync("Yongbyon");
            await Assertions.Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
        }
        else if (kind == "search narrowed by filters in the address")
        {
            await Assertions.Expect(page.Locator(".search-results[data-excerpts=ready] li").First).ToBeVisibleAsync();
        }
        else if (kind == "commentary with a definition shown")
        {
            await page.Locator("a.mention[href$='/glossary/yongbyon/']").First.HoverAsync();
            await Assertions.Expect(page.Locator(".mention-popover")).ToBeVisibleAsync();
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<string>(RunAxe);
        var results = JsonSerializer.Deserialize<AxeResults>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.True(results.Passes > 0, "axe checked nothing");
        Assert.True(results.Violations.Count == 0,
            $"{kind} ({path}, {scheme} mode): {results.Violations.Count} axe violations\n" + string.Join("\n", results.Violations.Select(Describe)));
    }

    private static string Describe(AxeViolation violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>\n"
        + string.Join("\n", violation.Nodes.Select(n => $"    {n.Target}\n      {n.Html}\n      {n.Summary?.ReplaceLineEndings("\n      ")}"));
}
