namespace WatchList.Site.Tests.Linking;

/// <summary>Links an editor writes from the site root are published under the base path, whatever else the paragraph holds.</summary>
public class WrittenLinkBasePathTests
{
    [Theory]
    [InlineData("See [the other piece](/commentaries/back-to-the-table/) on talks.")]
    [InlineData("Yongbyon came up again; see [the other piece](/commentaries/back-to-the-table/).")]
    [InlineData("See [the other piece](/commentaries/back-to-the-table/), where Yongbyon came up.")]
    [InlineData("Yongbyon and [[yongbyon|the site]] and [the other piece](/commentaries/back-to-the-table/) and *Yongbyon*.")]
    [InlineData("- Yongbyon, in a list, with [the other piece](/commentaries/back-to-the-table/)")]
    [InlineData("> Yongbyon, quoted, with [the other piece](/commentaries/back-to-the-table/)")]
    public async Task Written_link_keeps_the_base_path_with_or_without_mentions_in_its_paragraph(string paragraph)
    {
        using var site = TestSite.Minimal();
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            ---
            The complex.
            """);
        site.Write("commentaries/2019-05-01-second.md", $"""
            ---
            title: "Second"
            date: 2019-05-01
            summary: "A second piece."
            ---
            {paragraph}
            """);

        var report = await site.BuildAsync(new Uri("https://owner.github.io/repo/"));

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var links = site.Page("commentaries/second/index.html").QuerySelectorAll("main a")
            .Where(a => a.TextContent == "the other piece").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/repo/commentaries/back-to-the-table/"], links);
    }
}
