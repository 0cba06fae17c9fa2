using System.Collections.Immutable;
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

    private readonly ImmutableDictionary<string, ImmutableArray<Backlink>> _byTarget;
    private readonly ImmutableDictionary<string, ImmutableArray<TargetMentions>> _byCommentary;
    private readonly ImmutableDictionary<string, LinkTarget> _targets;

    private BacklinkIndex(
        ImmutableDictionary<string, ImmutableArray<Backlink>> byTarget,
        ImmutableDictionary<string, ImmutableArray<TargetMentions>> byCommentary,
        ImmutableDictionary<string, LinkTarget> targets,
        ImmutableArray<Commentary> commentaries)
    {
        _byTarget = byTarget;
        _byCommentary = byCommentary;
        _targets = targets;
        Commentaries = commentaries;
    }

    /// <summary>Every commentary, newest first.</summary>
    public ImmutableArray<Commentary> Commentaries { get; }

    /// <param name="commentaries">Each commentary with the mentions linking found in it.</param>
    public static BacklinkIndex Build(
        IEnumerable<(Commentary Commentary, ImmutableArray<TargetMentions> Mentions)> commentaries,
        ImmutableArray<LinkTarget> targets)
    {
        var byKey = targets.ToImmutableDictionary(t => t.Key);
        var ordered = commentaries
            .OrderByDescending(c => c.Commentary.Date)
            .ThenBy(c => c.Commentary.Title, StringComparer.Ordinal)
            .ToList();
        var byTarget = new Dictionary<string, List<Backlink>>();
        var byCommentary = ImmutableDictionary.CreateBuilder<string, ImmutableArray<TargetMentions>>();
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
        return new BacklinkIndex(
            byTarget.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray()),
            byCommentary.ToImmutable(),
            byKey,
            [.. ordered.Select(c => c.Commentary)]);
    }

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
        var scores = new Dictionary<Commentary, double>();
        foreach (var mention in MentionedBy(commentary))
        {
            var sharing = MentionsOf(mention.Target);
            // An entry in most commentaries says nothing about relatedness, and would make this quadratic.
            if (sharing.Length <= 1 || (total >= 20 && sharing.Length * 2 > total))
            {
                continue;
            }
            var weight = Math.Log(1 + (double)total / sharing.Length);
            foreach (var link in sharing)
            {
                if (link.Commentary != commentary)
                {
                    scores[link.Commentary] = scores.GetValueOrDefault(link.Commentary) + weight;
                }
            }
        }
        return [.. scores
            .OrderByDescending(s => s.Value)
            .ThenByDescending(s => s.Key.Date)
            .ThenBy(s => s.Key.Title, StringComparer.Ordinal)
            .Take(RelatedCount)
            .Select(s => s.Key)];
    }

    /// <summary>The glossary terms discussed in most of the commentaries that mention an actor.</summary>
    public ImmutableArray<(LinkTarget Term, int Commentaries)> TermsAlongside(LinkTarget actor)
    {
        var counts = new Dictionary<LinkTarget, (int Commentaries, int Mentions)>();
        foreach (var link in MentionsOf(actor))
        {
            foreach (var mention in MentionedBy(link.Commentary).Where(m => m.Target.Kind == TargetKind.Term))
            {
                var (c, m) = counts.GetValueOrDefault(mention.Target);
                counts[mention.Target] = (c + 1, m + mention.Count);
            }
        }
        return [.. counts
            .OrderByDescending(p => p.Value.Commentaries)
            .ThenByDescending(p => p.Value.Mentions)
            .ThenBy(p => p.Key.Title, StringComparer.Ordinal)
            .Take(TermsPerActor)
            .Select(p => (p.Key, p.Value.Commentaries))];
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
