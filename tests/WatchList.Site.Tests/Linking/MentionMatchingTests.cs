using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Which words in running text are mentions: longest names, whole words, across line breaks, with the right capitals.</summary>
public class MentionMatchingTests
{
    [Fact]
    public void Longest_alias_wins_at_the_same_position()
    {
        var page = LinkedPage.Link("""
            Work at the Kaesong Industrial Complex stopped in 2016.

            A North Korean delegation arrived.

            Kim Yong-chol carried the letter.
            """);

        Assert.Equal(
            [
                ("Kaesong Industrial Complex", LinkedPage.Href(Kaesong)),
                ("North Korean", LinkedPage.Href(NorthKorea)),
                ("Kim Yong-chol", LinkedPage.Href(KimYongChol)),
            ],
            page.Links);
        Assert.DoesNotContain(page.Result.Mentions, m => m.Target == KimJongUn);
    }

    [Fact]
    public void A_name_inside_a_longer_word_is_not_a_mention()
    {
        var page = LinkedPage.Link("""
            Kimchi exports, Pyongyangers and the Kaesongese dialect are not mentions.
            """);

        Assert.Empty(page.Links);
        Assert.Empty(page.Result.Mentions);
    }

    [Fact]
    public void Word_boundaries_are_unicode_aware()
    {
        // é is a letter and U+0301 a combining accent: both continue the word, so neither "Kim" is a name.
        var page = LinkedPage.Link("""
            The Kiméra project and Kim\u0301 are unrelated; Pyongyang is not.
            """.Replace("\\u0301", "\u0301"));

        Assert.Equal([("Pyongyang", LinkedPage.Href(NorthKorea))], page.Links);
        Assert.DoesNotContain(page.Result.Mentions, m => m.Target == KimJongUn);
    }

    [Fact]
    public void Dotted_acronym_inside_a_longer_acronym_is_not_a_mention()
    {
        // "U.S.S.R." merely contains "U.S.": a reader would not expect a link to the United States.
        var page = LinkedPage.Link("""
            In 1950 the U.S.S.R. backed the invasion.
            """);

        Assert.Empty(page.Links);
        Assert.DoesNotContain(page.Result.Mentions, m => m.Target == UnitedStates);
    }

    [Fact]
    public void Possessive_after_a_name_is_still_a_mention()
    {
        var page = LinkedPage.Link("""
            Washington’s goal differs from Pyongyang's aim.
            """);

        Assert.Equal(
            [("Washington", LinkedPage.Href(UnitedStates)), ("Pyongyang", LinkedPage.Href(NorthKorea))],
            page.Links);
        Assert.Contains("</a>’s goal", page.Html);
        Assert.Contains("</a>'s aim", page.Html);
    }

    [Fact]
    public void Hyphenated_pair_mentions_both_actors()
    {
        var page = LinkedPage.Link("""
            The U.S.-North Korea summit ended early.
            """);

        Assert.Equal(
            [("U.S.", LinkedPage.Href(UnitedStates)), ("North Korea", LinkedPage.Href(NorthKorea))],
            page.Links);
        Assert.Contains("</a>-<a", page.Html);
    }

    [Fact]
    public void Mention_runs_across_a_soft_line_break()
    {
        var page = LinkedPage.Link("""
            The process collapsed when the Six-Party
            Talks ended in 2009.
            """);

        var link = Assert.Single(page.Mentions);
        Assert.Equal("Six-Party\nTalks", link.TextContent);
        Assert.Equal(LinkedPage.Href(SixPartyTalks), link.GetAttribute("href"));
        Assert.Equal("The process collapsed when the Six-Party\nTalks ended in 2009.", page.Dom.QuerySelector("p")!.TextContent);
        Assert.Equal(1, page.MentionsOf(SixPartyTalks).Count);
    }

    [Fact]
    public void Mention_runs_across_doubled_and_unusual_white_space()
    {
        var page = LinkedPage.Link("Talks between Kim\u00A0Jong-un and the Six-Party \t Talks, then Washington\u2019s  offer.");

        Assert.Equal(
            [
                ("Kim\u00A0Jong-un", LinkedPage.Href(KimJongUn)),
                ("Six-Party \t Talks", LinkedPage.Href(SixPartyTalks)),
                ("Washington", LinkedPage.Href(UnitedStates)),
            ],
            page.Links);
        Assert.Equal(
            new MentionContext("Talks between Kim Jong-un and the ", "Six-Party   Talks", ", then Washington’s  offer."),
            page.MentionsOf(SixPartyTalks).FirstMention);
    }

    [Fact]
    public void All_capitals_alias_matches_only_in_capitals()
    {
        var page = LinkedPage.Link("""
            Let us see what the US offers.
            """);

        Assert.Equal([("US", LinkedPage.Href(UnitedStates))], page.Links);
        Assert.Equal(1, page.MentionsOf(UnitedStates).Count);
    }

    [Fact]
    public void Term_matches_whatever_its_capitals_by_default()
    {
        var page = LinkedPage.Link("""
            The Armistice of 1953 is still only an armistice.
            """, LinkPolicy.All);

        Assert.Equal(["Armistice", "armistice"], page.LinkedTexts);
        Assert.Equal(2, page.MentionsOf(Armistice).Count);
    }

    [Fact]
    public void Actor_matches_only_with_its_capitals_by_default()
    {
        var page = LinkedPage.Link("""
            Under a full moon, Moon spoke.
            """, LinkPolicy.All);

        Assert.Equal([("Moon", LinkedPage.Href(MoonJaeIn))], page.Links);
        Assert.Equal(1, page.MentionsOf(MoonJaeIn).Count);
    }

    [Fact]
    public void Case_sensitive_term_matches_only_exactly()
    {
        var freeze = ExactTerm("freeze-for-freeze", "Freeze", "Double Freeze");

        var page = LinkedPage.Link("""
            A double freeze is not the Double Freeze, and a freeze is not the Freeze.
            """, [freeze], LinkPolicy.All);

        Assert.Equal(["Double Freeze", "Freeze"], page.LinkedTexts);
        Assert.Equal(2, page.MentionsOf(freeze).Count);
    }
}
