using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Mentions are linked in prose only: never in headings, links, code, raw HTML or image text.</summary>
public class WhereMentionsAreLinkedTests
{
    /// <summary>Links everywhere, so nothing is left unlinked just because it is not the first mention.</summary>
    private static LinkedPage Link(string markdown) => LinkedPage.Link(markdown, LinkPolicy.All);

    [Fact]
    public void Mention_inside_a_heading_is_not_linked()
    {
        var page = Link("""
            ## Kaesong reopens

            Setext Yongbyon heading
            -----------------------

            Text.
            """);

        Assert.Empty(page.Links);
        Assert.Equal("Kaesong reopens", page.Dom.QuerySelector("h2")!.TextContent);
        Assert.Null(page.Dom.QuerySelector("h2 a, h2 span"));
    }

    [Fact]
    public void Mention_inside_an_existing_link_is_not_linked()
    {
        var page = Link("""
            See [Kaesong](http://x) and <https://kaesong.example/Kaesong>.
            """);

        Assert.Equal([("Kaesong", "http://x"), ("https://kaesong.example/Kaesong", "https://kaesong.example/Kaesong")], page.Links);
        Assert.Null(page.Dom.QuerySelector("a a"));
        Assert.Empty(page.Result.Mentions);
    }

    [Fact]
    public void Mention_inside_inline_code_is_not_linked()
    {
        var page = Link("""
            The file is called `Kaesong.md`.
            """);

        Assert.Empty(page.Links);
        Assert.Equal("Kaesong.md", page.Dom.QuerySelector("code")!.TextContent);
    }

    [Fact]
    public void Mention_inside_a_fenced_code_block_is_not_linked()
    {
        var page = Link("""
            ```
            title: Kaesong Industrial Complex
            ```

                indented Yongbyon code
            """);

        Assert.Empty(page.Links);
        Assert.Empty(page.Result.Mentions);
    }

    [Fact]
    public void Mention_inside_inline_raw_html_is_not_linked()
    {
        var page = Link("""
            The <span class="place">Kaesong</span> zone closed.
            """);

        Assert.Empty(page.Links);
        Assert.Equal("Kaesong", page.Dom.QuerySelector("span.place")!.TextContent);
    }

    [Fact]
    public void Mention_inside_a_raw_html_link_is_not_linked()
    {
        // Linking here would put a link inside a link, which browsers take apart.
        var page = Link("""
            Read <a href="https://example.org/report">the Kaesong report</a> first.
            """);

        Assert.Equal([("the Kaesong report", "https://example.org/report")], page.Links);
        Assert.Null(page.Dom.QuerySelector("a a"));
    }

    [Fact]
    public void Mention_inside_an_html_block_is_not_linked()
    {
        var page = Link("""
            <div class="box">
            Kaesong and Yongbyon
            </div>

            After the box.
            """);

        Assert.Empty(page.Links);
        Assert.Contains("Kaesong and Yongbyon", page.Html);
    }

    [Fact]
    public void Mention_inside_image_alt_text_is_not_linked()
    {
        var page = Link("""
            ![Kaesong from the air](a.png)
            """);

        Assert.Empty(page.Links);
        Assert.Equal("Kaesong from the air", page.Dom.QuerySelector("img")!.GetAttribute("alt"));
    }

    [Fact]
    public void Mention_inside_emphasis_is_linked()
    {
        var page = Link("""
            The *Kaesong* zone and **Yongbyon** matter.
            """);

        Assert.Equal(
            [("Kaesong", LinkedPage.Href(Kaesong)), ("Yongbyon", LinkedPage.Href(Yongbyon))],
            page.Links);
        Assert.NotNull(page.Dom.QuerySelector("em > a.mention"));
        Assert.NotNull(page.Dom.QuerySelector("strong > a.mention"));
    }
}
