using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Term and actor pages quote the sentence around the first mention, with the mention cut out for highlighting.</summary>
public class KeywordInContextTests
{
    private static MentionContext Around(string paragraph, string mention)
    {
        var start = paragraph.IndexOf(mention, StringComparison.Ordinal);
        return Sentences.Around(paragraph, start, mention.Length);
    }

    [Fact]
    public void Keyword_in_context_is_the_sentence_around_the_mention()
    {
        var context = Around(
            "Talks stalled in 2008. Inspectors left Yongbyon in 2009, after a rocket launch! Nothing followed.",
            "Yongbyon");

        Assert.Equal(new MentionContext("Inspectors left ", "Yongbyon", " in 2009, after a rocket launch!"), context);
    }

    [Fact]
    public void Keyword_in_context_does_not_end_a_sentence_at_an_abbreviation()
    {
        var context = Around(
            "Talks stalled. Officials of the U.S. and Gen. Kim met near Mt. Kumgang and Yongbyon in 2019. Nothing followed.",
            "Yongbyon");

        Assert.Equal(
            new MentionContext("Officials of the U.S. and Gen. Kim met near Mt. Kumgang and ", "Yongbyon", " in 2019."),
            context);
    }

    [Fact]
    public void Keyword_in_context_is_recorded_for_the_first_mention_of_each_entry()
    {
        var page = LinkedPage.Link("""
            Nothing moved in 2018. Then Mt. Kumgang tours were discussed with the
            U.S. while the Six-Party
            Talks stayed dead. Later the Six-Party Talks came up again.
            """);

        Assert.Equal(
            new MentionContext("Then Mt. Kumgang tours were discussed with the U.S. while the ", "Six-Party Talks", " stayed dead."),
            page.MentionsOf(SixPartyTalks).FirstMention);
    }

    [Fact]
    public void Keyword_in_context_keeps_the_whole_sentence_around_emphasis_links_and_code()
    {
        var page = LinkedPage.Link("""
            Talks *broke down* in Hanoi. After [the summit](http://x), `Pyongyang` quietly restarted *Kaesong* and Yongbyon in March. Then more.
            """);

        Assert.Equal(
            new MentionContext("After the summit, Pyongyang quietly restarted ", "Kaesong", " and Yongbyon in March."),
            page.MentionsOf(Kaesong).FirstMention);
        Assert.Equal(
            new MentionContext("After the summit, Pyongyang quietly restarted Kaesong and ", "Yongbyon", " in March."),
            page.MentionsOf(Yongbyon).FirstMention);
    }

    [Fact]
    public void Keyword_in_context_of_an_explicit_link_is_its_sentence()
    {
        var page = LinkedPage.Link("""
            Talks stalled. Inspectors left [[yongbyon|the reactor site]] in 2009. Nothing followed.
            """);

        Assert.Equal(
            new MentionContext("Inspectors left ", "the reactor site", " in 2009."),
            page.MentionsOf(Yongbyon).FirstMention);
    }
}
