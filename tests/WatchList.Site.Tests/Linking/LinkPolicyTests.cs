using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>How many mentions become links, and what a linked mention carries.</summary>
public class LinkPolicyTests
{
    private const string TwoSections = """
        Yongbyon came first. Then Yongbyon again.

        ## Later

        Yongbyon in the second section, and Yongbyon once more.
        """;

    [Fact]
    public void First_policy_links_only_the_first_mention_per_page()
    {
        var page = LinkedPage.Link(TwoSections, LinkPolicy.First);

        var link = Assert.Single(page.Mentions);
        Assert.Equal("mention-term-yongbyon", link.Id);
        Assert.StartsWith("<a ", page.Dom.QuerySelector("p")!.InnerHtml);
        Assert.Equal(4, page.MentionsOf(Yongbyon).Count);
        Assert.True(page.MentionsOf(Yongbyon).Linked);
    }

    [Fact]
    public void First_per_section_policy_links_the_first_mention_after_each_heading()
    {
        var page = LinkedPage.Link(TwoSections, LinkPolicy.FirstPerSection);

        var paragraphs = page.Dom.QuerySelectorAll("p").ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.Single(p.QuerySelectorAll("a.mention")));
        Assert.All(paragraphs, p => Assert.StartsWith("<a ", p.InnerHtml));
        Assert.Equal(4, page.MentionsOf(Yongbyon).Count);
    }

    [Fact]
    public void All_policy_links_every_mention()
    {
        var page = LinkedPage.Link(TwoSections, LinkPolicy.All);

        Assert.Equal(["Yongbyon", "Yongbyon", "Yongbyon", "Yongbyon"], page.LinkedTexts);
        Assert.All(page.Mentions, a => Assert.Equal(LinkedPage.Href(Yongbyon), a.GetAttribute("href")));
        Assert.Equal(4, page.MentionsOf(Yongbyon).Count);
    }

    [Fact]
    public void Every_mention_is_counted_for_backlinks_whatever_the_policy()
    {
        foreach (var policy in Enum.GetValues<LinkPolicy>())
        {
            var page = LinkedPage.Link("""
                Pyongyang and the DPRK: North Korea, North Korea's capital Pyongyang.

                ## Then

                Kaesong, and Kaesong.
                """, policy);

            Assert.Equal([NorthKorea, Kaesong], page.Result.Mentions.Select(m => m.Target));
            Assert.Equal(5, page.MentionsOf(NorthKorea).Count);
            Assert.Equal(2, page.MentionsOf(Kaesong).Count);
        }
    }

    [Fact]
    public void First_mention_carries_the_anchor_backlinks_point_to()
    {
        var page = LinkedPage.Link(TwoSections, LinkPolicy.All);

        var ids = page.Mentions.Select(a => a.GetAttribute("id")).ToList();
        Assert.Equal(["mention-term-yongbyon", null, null, null], ids);
        Assert.Single(page.Dom.QuerySelectorAll("#mention-term-yongbyon"));
        Assert.Equal("mention-term-yongbyon", Yongbyon.Anchor);
    }

    [Fact]
    public void First_mention_keeps_its_anchor_when_it_is_not_linked()
    {
        // Backlinks point at the first mention even where automatic linking is off.
        var page = LinkedPage.Link(TwoSections, LinkPolicy.First, automatic: false);

        Assert.Empty(page.Mentions);
        var anchor = Assert.Single(page.Dom.QuerySelectorAll("#mention-term-yongbyon"));
        Assert.Equal("Yongbyon", anchor.TextContent);
    }

    [Fact]
    public void Linked_mention_points_to_its_entry_under_the_base_path()
    {
        var page = LinkedPage.Link("""
            Pyongyang restarted Yongbyon.
            """);

        Assert.Equal(
            [
                ("Pyongyang", "/base/actors/north-korea/"),
                ("Yongbyon", "/base/glossary/yongbyon/"),
            ],
            page.Mentions.Select(a => (a.TextContent, a.GetAttribute("href"))));
        Assert.All(page.Mentions, a => Assert.False(a.HasAttribute("title")));
    }
}
