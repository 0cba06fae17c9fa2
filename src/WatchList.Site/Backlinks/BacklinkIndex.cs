using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using WatchList.Site.Content;
using WatchList.Site.Linking;

namespace WatchList.Site.Backlinks;

/// <summary>One commentary as seen from a term or actor it mentions (or is associated with in its front matter).</summary>
public sealed record Backlink(Commentary Commentary, int Count, MentionContext? Context, string? Anchor);

/// <summary>
/// Who mentions what, across the whole site: the commentaries behind each term and actor page, related
/// commentaries, and the terms discussed alongside each actor.
/// </summary>
public sealed class BacklinkIndex
{
    private const int RelatedCount = 5;
    private const int TermsPerActor = 8;

    // Read-only once built, so plain dictionaries are safe to share between threads.
    private readonly Dictionary<string, ImmutableArray<Backlink>> _byTarget;
    private readonly Dictionary<string, ImmutableArray<TargetMentions>> _byCommentary;
    private readonly Dictionary<string, LinkTarget> _targets;
    // Commentaries by position in Commentaries: related commentaries are scored in arrays, never by hashing records.
    private readonly Dictionary<string, int[]> _positionsByTarget;
    private readonly Dictionary<string, int> _positionBySlug;
    // Scores, one array per thread, left with every score cleared. Per thread rather than in a shared bag: the
    // bag's locks and growth were half the time of scoring at 10,000 commentaries.
    [ThreadStatic]
    private static double[]? t_scores;

    private BacklinkIndex(
        Dictionary<string, ImmutableArray<Backlink>> byTarget,
        Dictionary<string, ImmutableArray<TargetMentions>> byCommentary,
        Dictionary<string, LinkTarget> targets,
        ImmutableArray<Commentary> commentaries)
    {
        _byTarget = byTarget;
        _byCommentary = byCommentary;
        _targets = targets;
        Commentaries = commentaries;
        _positionBySlug = new Dictionary<string, int>(commentaries.Length, StringComparer.Ordinal);
        for (var i = 0; i < commentaries.Length; i++)
        {
            _positionBySlug.TryAdd(commentaries[i].Slug, i);
        }
        _positionsByTarget = new Dictionary<string, int[]>(byTarget.Count, StringComparer.Ordinal);
        foreach (var (key, links) in byTarget)
        {
            var positions = new int[links.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = _positionBySlug[links[i].Commentary.Slug];
            }
            _positionsByTarget[key] = positions;
        }
    }

    /// <summary>Every commentary, newest first.</summary>
    public ImmutableArray<Commentary> Commentaries { get; }

    /// <param name="commentaries">Each commentary with the mentions linking found in it.</param>
    public static BacklinkIndex Build(
        IEnumerable<(Commentary Commentary, ImmutableArray<TargetMentions> Mentions)> commentaries,
        ImmutableArray<LinkTarget> targets)
    {
        var byKey = new Dictionary<string, LinkTarget>(targets.Length, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            byKey.Add(target.Key, target);
        }
        var ordered = commentaries.ToList();
        ordered.Sort((a, b) => Commentary.NewestFirst(a.Commentary, b.Commentary));
        var byTarget = new Dictionary<string, List<Backlink>>(StringComparer.Ordinal);
        var byCommentary = new Dictionary<string, ImmutableArray<TargetMentions>>(ordered.Count, StringComparer.Ordinal);
        foreach (var (commentary, mentions) in ordered)
        {
            var all = mentions.ToList();
            foreach (var mention in mentions)
            {
                Add(byTarget, mention.Target.Key, new Backlink(commentary, mention.Count, mention.FirstMention, mention.Target.Anchor));
            }
            // Actors named in front matter belong to the commentary even where the text does not name them.
            foreach (var id in commentary.Actors)
            {
                var key = "actor-" + id;
                if (byKey.TryGetValue(key, out var actor) && mentions.All(m => m.Target.Key != key))
                {
                    Add(byTarget, key, new Backlink(commentary, 0, null, null));
                    all.Add(new TargetMentions(actor, 0, new MentionContext("", "", ""), Linked: false));
                }
            }
            byCommentary[commentary.Slug] = [.. all];
        }
        var links = new Dictionary<string, ImmutableArray<Backlink>>(byTarget.Count, StringComparer.Ordinal);
        foreach (var (key, list) in byTarget)
        {
            links[key] = [.. list];
        }
        return new BacklinkIndex(links, byCommentary, byKey, [.. ordered.Select(c => c.Commentary)]);
    }

    /// <summary>
    /// Where a commentary stands in <see cref="Commentaries"/>, or -1: found by its slug, not by comparing
    /// records one by one (which makes a page's older and newer links quadratic in the site's size).
    /// </summary>
    public int PositionOf(Commentary commentary) => _positionBySlug.GetValueOrDefault(commentary.Slug, -1);

    /// <summary>The commentaries that mention a term or actor, newest first.</summary>
    public ImmutableArray<Backlink> MentionsOf(LinkTarget target) =>
        _byTarget.TryGetValue(target.Key, out var links) ? links : [];

    /// <summary>What a commentary mentions, in order of first mention (front matter actors last).</summary>
    public ImmutableArray<TargetMentions> MentionedBy(Commentary commentary) =>
        _byCommentary.TryGetValue(commentary.Slug, out var mentions) ? mentions : [];

    /// <summary>
    /// Commentaries sharing the most terms and actors with this one, each shared entry weighted by how
    /// rare it is (inverse document frequency), so "North Korea" in every piece counts for little.
    /// </summary>
    public ImmutableArray<Commentary> RelatedTo(Commentary commentary)
    {
        var total = Commentaries.Length;
        var self = PositionOf(commentary);
        // Taken while in use and put back at the end, so a scoring that failed half way leaves no stale scores.
        var scores = t_scores is { } reused && reused.Length >= total ? reused : new double[total];
        t_scores = null;
        ref var score0 = ref MemoryMarshal.GetArrayDataReference(scores);
        // The entries scored, in the order the page names them: what dates and titles leave tied goes to the
        // commentary they reach first.
        var entries = new List<int[]>();
        foreach (var mention in MentionedBy(commentary))
        {
            if (!_positionsByTarget.TryGetValue(mention.Target.Key, out var sharing) ||
                // An entry in most commentaries says nothing about relatedness, and would make this quadratic.
                sharing.Length <= 1 || (total >= 20 && sharing.Length * 2 > total))
            {
                continue;
            }
            entries.Add(sharing);
            var weight = Math.Log(1 + (double)total / sharing.Length);
            // Every commentary sharing the entry, the page's own among them (taken out below), in one loop
            // without a branch or a bounds check: it runs a hundred million times at 10,000 commentaries.
            // Positions are below the commentary count.
            foreach (var position in sharing)
            {
                Unsafe.Add(ref score0, position) += weight;
            }
        }
        if (self >= 0)
        {
            scores[self] = 0;
        }
        // The best so far, best first, in a plain array: a list of tuples made the runtime compile generic
        // code over them at every start.
        var best = new Candidate[RelatedCount];
        var count = 0;
        // Every weight is positive, so a score of 0 is a commentary not reached. Once the list is full, one
        // scoring below its last never ranks.
        var floor = double.Epsilon;
        void Consider(int position, double score)
        {
            var candidate = new Candidate(score, position);
            var at = count;
            while (at > 0 && Ranks(candidate, best[at - 1], entries))
            {
                at--;
            }
            if (at < RelatedCount)
            {
                // Room is made at 'at'; when the array is full, the last one drops out.
                for (var i = Math.Min(count, RelatedCount - 1); i > at; i--)
                {
                    best[i] = best[i - 1];
                }
                best[at] = candidate;
                count = Math.Min(count + 1, RelatedCount);
                floor = count == RelatedCount ? best[RelatedCount - 1].Score : floor;
            }
        }
        // Every commentary's score, two at a time, each cleared once read: most are 0 or below the floor, and a
        // vector comparison passes over them without a branch for each.
        var next = 0;
        for (; next + 2 <= total; next += 2)
        {
            ref var pair = ref Unsafe.Add(ref score0, next);
            var two = Vector128.LoadUnsafe(ref pair);
            if (Vector128.GreaterThanOrEqualAny(two, Vector128.Create(floor)))
            {
                var (first, second) = (two.GetElement(0), two.GetElement(1));
                if (first >= floor)
                {
                    Consider(next, first);
                }
                if (second >= floor)
                {
                    Consider(next + 1, second);
                }
            }
            Vector128<double>.Zero.StoreUnsafe(ref pair);
        }
        if (next < total)
        {
            if (scores[next] >= floor)
            {
                Consider(next, scores[next]);
            }
            scores[next] = 0;
        }
        t_scores = scores;
        var related = new Commentary[count];
        for (var i = 0; i < count; i++)
        {
            related[i] = Commentaries[best[i].Position];
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(related);
    }

    private readonly record struct Candidate(double Score, int Position);

    /// <summary>Higher score first, then newer, then by title, then the one the page's entries reach first.</summary>
    private bool Ranks(Candidate a, Candidate b, List<int[]> entries)
    {
        var byScore = a.Score.CompareTo(b.Score);
        if (byScore != 0)
        {
            return byScore > 0;
        }
        var (first, second) = (Commentaries[a.Position], Commentaries[b.Position]);
        var byDate = first.Date.CompareTo(second.Date);
        if (byDate != 0)
        {
            return byDate > 0;
        }
        var byTitle = string.CompareOrdinal(first.Title, second.Title);
        return byTitle != 0 ? byTitle < 0 : ReachedBefore(a.Position, b.Position, entries);
    }

    /// <summary>
    /// Whether the entries, each through the commentaries sharing it in order, come to <paramref name="a"/>
    /// before <paramref name="b"/>. Asked only of two commentaries with the same score, date and title.
    /// </summary>
    private static bool ReachedBefore(int a, int b, List<int[]> entries)
    {
        foreach (var sharing in entries)
        {
            var (atA, atB) = (Array.IndexOf(sharing, a), Array.IndexOf(sharing, b));
            if (atA >= 0 || atB >= 0)
            {
                return atA >= 0 && (atB < 0 || atA < atB);
            }
        }
        return a < b;
    }

    /// <summary>The glossary terms discussed in most of the commentaries that mention an actor.</summary>
    public ImmutableArray<(LinkTarget Term, int Commentaries)> TermsAlongside(LinkTarget actor)
    {
        // Terms are the linker's own instances: found by reference, in the order first met.
        var seen = new Dictionary<LinkTarget, int>(ReferenceEqualityComparer.Instance);
        var tallies = new List<(LinkTarget Term, int Commentaries, int Mentions, int Order)>();
        foreach (var link in MentionsOf(actor))
        {
            foreach (var mention in MentionedBy(link.Commentary))
            {
                if (mention.Target.Kind != TargetKind.Term)
                {
                    continue;
                }
                if (seen.TryGetValue(mention.Target, out var at))
                {
                    var tally = tallies[at];
                    tallies[at] = tally with { Commentaries = tally.Commentaries + 1, Mentions = tally.Mentions + mention.Count };
                }
                else
                {
                    seen[mention.Target] = tallies.Count;
                    tallies.Add((mention.Target, 1, mention.Count, tallies.Count));
                }
            }
        }
        // Most commentaries, then most mentions, then by title; ties keep the order first met.
        tallies.Sort((a, b) =>
            a.Commentaries != b.Commentaries ? b.Commentaries.CompareTo(a.Commentaries)
            : a.Mentions != b.Mentions ? b.Mentions.CompareTo(a.Mentions)
            : string.CompareOrdinal(a.Term.Title, b.Term.Title) is var byTitle and not 0 ? byTitle
            : a.Order.CompareTo(b.Order));
        return [.. tallies.Take(TermsPerActor).Select(t => (t.Term, t.Commentaries))];
    }

    public bool TryGetTarget(string key, out LinkTarget target) => _targets.TryGetValue(key, out target!);

    private static void Add(Dictionary<string, List<Backlink>> index, string key, Backlink link)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(link);
    }
}
