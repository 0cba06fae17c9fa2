using System.Collections.Immutable;
using CsCheck;
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

    [Fact]
    public void Related_commentaries_are_the_best_five_by_weighted_shared_entries_then_newest_then_title()
    {
        // Few dates, titles and entries, so that scores, dates and titles often tie.
        var commentaries = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 511])
            .Array[2, 40]
            .Select(rows => rows.Select((row, i) => (
                Commentary: Commentary($"c{i}", $"2019-0{row.Item1 + 1}-01") with { Title = $"Title {row.Item2}" },
                Mentions: All.Where((_, t) => (row.Item3 >> t & 1) == 1).ToArray())).ToArray());

        commentaries.Sample(rows =>
        {
            var index = BacklinkIndex.Build(rows.Select(r => Mentioning(r.Commentary, r.Mentions)), All);
            foreach (var (subject, _) in rows)
            {
                Assert.Equal(Expected(index, subject).Select(c => c.Slug), index.RelatedTo(subject).Select(c => c.Slug));
            }
        }, iter: 300);
    }

    /// <summary>
    /// The ranking as defined, one commentary at a time: each entry shared with the subject weighs log(1 + n / k) for
    /// k of the n commentaries naming it (entries in one commentary only, or in more than half of 20 or more, weigh
    /// nothing), summed in the subject's order of mention; ties go to the newer, then by title, then to the one whose
    /// first shared entry the subject names first, then to the newer in the site's order.
    /// </summary>
    private static IEnumerable<Commentary> Expected(BacklinkIndex index, Commentary subject)
    {
        var total = index.Commentaries.Length;
        var weighted = index.MentionedBy(subject)
            .Select(m => (m.Target, Sharing: index.MentionsOf(m.Target).Length))
            .Where(m => m.Sharing > 1 && !(total >= 20 && m.Sharing * 2 > total))
            .Select(m => (m.Target, Weight: Math.Log(1 + (double)total / m.Sharing)))
            .ToList();
        return index.Commentaries
            .Select((candidate, position) => (candidate, position, Shared: weighted
                .Select((w, order) => (w.Weight, order, Names: index.MentionedBy(candidate).Any(m => m.Target == w.Target)))
                .Where(w => w.Names).ToList()))
            .Where(c => c.candidate != subject && c.Shared.Count > 0)
            .Select(c => (c.candidate, c.position, Score: c.Shared.Aggregate(0.0, (sum, w) => sum + w.Weight), First: c.Shared[0].order))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.candidate.Date).ThenBy(c => c.candidate.Title, StringComparer.Ordinal)
            .ThenBy(c => c.First).ThenBy(c => c.position)
            .Take(5)
            .Select(c => c.candidate);
    }
}
