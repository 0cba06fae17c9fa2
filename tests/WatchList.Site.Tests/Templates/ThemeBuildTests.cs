using System.Text.Json;
using AngleSharp.Html.Parser;
using WatchList.Pipeline;

namespace WatchList.Site.Tests.Templates;

/// <summary>The default theme in a whole build: what readers get from hostile content, and what designers get from mistakes.</summary>
public sealed class ThemeBuildTests
{
    private const string Hostile = "</script><script>alert(1)</script> \"><img src=x onerror=alert(1)>";
    private const string CommentaryPage = "commentaries/all-eyes-on-the-summit/index.html";

    [Fact]
    public async Task A_hostile_title_is_text_in_the_body_the_title_the_meta_tags_and_the_json_ld()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-02-25-all-eyes-on-the-summit.md", $"""
            ---
            title: '{Hostile}'
            date: 2019-02-25
            summary: 'Also {Hostile}'
            type: "Q&A"
            ---
            Text.
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var html = site.ReadOutput(CommentaryPage);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal(2, page.QuerySelectorAll("script").Length);
        Assert.Equal(Hostile, page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{Hostile} · Test Watch List", page.Title);
        // Twitter's card reads the og: tags, so the page carries the title and description once each there.
        Assert.Equal(Hostile, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        foreach (var meta in new[] { "meta[name='description']", "meta[property='og:description']" })
        {
            Assert.Equal($"Also {Hostile}", page.QuerySelector(meta)!.GetAttribute("content"));
        }
        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var json = JsonDocument.Parse(jsonLd);
        Assert.Equal(Hostile, json.RootElement.GetProperty("headline").GetString());
        // The home page lists it too, as text.
        var home = new HtmlParser().ParseDocument(site.ReadOutput("index.html"));
        Assert.Empty(home.QuerySelectorAll("img"));
        Assert.Contains(home.QuerySelectorAll(".commentary-card h3 a"), a => a.TextContent == Hostile);
    }

    [Theory]
    [InlineData("templates/home.liquid", "<h1>{{ site.title | shout }}</h1>", "unknown filter 'shout'")]
    [InlineData("templates/home.liquid", "{% for x in y %}", "not valid Liquid")]
    [InlineData("partials/commentary-list.liquid", "{% render 'no-such-card' %}", "there is no partial 'no-such-card'")]
    public async Task A_theme_mistake_fails_the_build_at_its_place_and_keeps_the_last_site(string file, string addition, string message)
    {
        using var site = TestSite.WithGoodContent();
        var before = await site.BuildGoodOutputAsync();
        var path = Path.Combine(site.Theme, file);
        var lines = File.ReadAllLines(path).Length;
        File.AppendAllText(path, addition + "\n");

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith(file, error.Location.Path);
        Assert.Equal(lines + 1, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Contains(message, error.Message);
        Assert.NotNull(error.Hint);
        site.AssertOutputUnchanged(before);
        site.AssertNoBuildLeftovers();
    }
}
