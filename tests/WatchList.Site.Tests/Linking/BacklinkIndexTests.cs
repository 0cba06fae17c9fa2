using System.Collections.Immutable;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Who mentions what: the "Mentioned in" lists and related commentaries, from the mentions linking found.</summary>
public class BacklinkIndexTests
{
    private static Commentary Commentary(string slug, string date) => new(
        slug, "Title of " + slug, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "Summary.",
        Type: null, Series: null, Authors: [], Source: null, Publisher: null, Actors: [], Autolink: true,
        new MarkdownSource($"input/commentaries/{slug}.md", "", 5));

    private static (Commentary, ImmutableArray<TargetMentions>) Mentioning(Commentary commentary, params LinkTarget[] targets) =>
        (commentary, [.. targets.Select(t => new TargetMentions(t, 1, new MentionContext("", t.Title, ""), Linked: true))]);

    [Fact]
    public void Mentioned_in_lists_commentaries_newest_first()
    {
        var old = Commentary("old", "2018-06-12");
        var newest = Commentary("newest", "2019-10-07");
        var middle = Commentary("middle", "2019-02-25");

        var index = BacklinkIndex.Build(
            [Mentioning(old, Yongbyon), Mentioning(newest, Yongbyon), Mentioning(middle, Kaesong, Yongbyon)],
            Entries.All);

        Assert.Equal(["newest", "middle", "old"], index.MentionsOf(Yongbyon).Select(b => b.Commentary.Slug));
        Assert.All(index.MentionsOf(Yongbyon), b => Assert.Equal("mention-term-yongbyon", b.Anchor));
        Assert.Equal(["middle"], index.MentionsOf(Kaesong).Select(b => b.Commentary.Slug));
        Assert.Empty(index.MentionsOf(Armistice));
    }

    [Fact]
    public void Related_commentaries_rank_by_shared_entries()
    {
        var subject = Commentary("subject", "2019-04-26");
        var sharesTwo = Commentary("shares-two", "2018-01-01");
        var sharesOne = Commentary("shares-one", "2019-03-01");
        var sharesNone = Commentary("shares-none", "2019-05-01");

        var index = BacklinkIndex.Build(
            [
                Mentioning(subject, Yongbyon, Kaesong, SixPartyTalks),
                Mentioning(sharesOne, SixPartyTalks, Armistice),
                Mentioning(sharesTwo, Yongbyon, Kaesong),
                Mentioning(sharesNone, MoonJaeIn, Armistice),
            ],
            Entries.All);

        // The older commentary sharing two entries ranks above the newer one sharing one; one sharing none is not related.
        Assert.Equal(["shares-two", "shares-one"], index.RelatedTo(subject).Select(c => c.Slug));
    }
}
