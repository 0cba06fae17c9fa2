using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>An editor can switch automatic linking off for a whole commentary or for a passage.</summary>
public class AutolinkSwitchTests
{
    [Fact]
    public void Automatic_linking_switched_off_links_nothing_but_still_counts_mentions()
    {
        var page = LinkedPage.Link("""
            Pyongyang restarted Yongbyon. Yongbyon is running again.
            """, LinkPolicy.All, automatic: false);

        Assert.Empty(page.Links);
        Assert.Equal(2, page.MentionsOf(Yongbyon).Count);
        Assert.Equal(1, page.MentionsOf(NorthKorea).Count);
        Assert.False(page.MentionsOf(Yongbyon).Linked);
    }

    [Fact]
    public void Explicit_link_is_made_when_automatic_linking_is_off()
    {
        var page = LinkedPage.Link("""
            Yongbyon, that is [[yongbyon|the reactor site]].
            """, LinkPolicy.All, automatic: false);

        Assert.Equal([("the reactor site", LinkedPage.Href(Yongbyon))], page.Links);
    }

    [Fact]
    public void Autolink_off_comment_switches_linking_off_for_a_passage_only()
    {
        var page = LinkedPage.Link("""
            Before: Kaesong.

            <!-- autolink off -->

            Inside: Kaesong, twice Kaesong.

            - and in a list, Kaesong

            <!-- autolink on -->

            After: Kaesong, with an inline <!-- autolink off -->Kaesong<!-- autolink on --> and Kaesong.
            """, LinkPolicy.All);

        var paragraphs = page.Dom.QuerySelectorAll("p, li").ToList();
        Assert.Equal(
            [1, 0, 0, 2],
            paragraphs.Select(p => p.QuerySelectorAll("a.mention").Length));
        Assert.Equal(
            "After: <a>Kaesong</a>, with an inline Kaesong and <a>Kaesong</a>.",
            Shown(paragraphs[3]));
        Assert.Equal(7, page.MentionsOf(Kaesong).Count);
    }

    /// <summary>A paragraph's text with its mention links reduced to bare &lt;a&gt; and comments dropped.</summary>
    private static string Shown(AngleSharp.Dom.IElement paragraph) => string.Concat(paragraph.ChildNodes.Select(node => node switch
    {
        AngleSharp.Dom.IElement { LocalName: "a" } a => $"<a>{a.TextContent}</a>",
        AngleSharp.Dom.IComment => "",
        _ => node.TextContent,
    }));
}
