using System.Collections.Immutable;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Listings;

namespace WatchList.Site.Pages;

/// <summary>The models of glossary and actor pages, and the lists of mentions on commentary pages.</summary>
public static class EntryModels
{
    /// <summary>A term or actor as listed on the pages that mention it: one model per target, shared by those pages.</summary>
    public static SharedModel Target(LinkTarget target) => TargetModels(target);

    private static readonly Func<LinkTarget, SharedModel> TargetModels = SharedModel.PerInstance<LinkTarget>(target => new()
    {
        ["id"] = target.Id,
        ["key"] = target.Key,
        ["title"] = target.Title,
        ["url"] = target.Url,
        ["summary"] = target.Summary,
        ["kind"] = target.Kind == TargetKind.Term ? "term" : "actor",
    });

    /// <param name="inContext">With the sentence around each mention (the most recent ones), or by title and date alone.</param>
    public static List<LayeredModel> MentionedIn(IEnumerable<Backlink> links, bool inContext = true) =>
        [.. links.Select(link => PageModels.Commentary(link.Commentary).With(new()
        {
            ["link"] = link.Anchor is null ? link.Commentary.Url : $"{link.Commentary.Url}#{link.Anchor}",
            ["count"] = link.Count,
            ["context"] = inContext && link.Context is { Mention.Length: > 0 } context
                ? new Dictionary<string, object?> { ["before"] = context.Before, ["mention"] = context.Mention, ["after"] = context.After }
                : null,
        }))];

    public static Dictionary<string, object?> TermPage(GlossaryTerm term, LinkTarget target, BacklinkIndex backlinks,
        ImmutableArray<GlossaryTerm> relatedTerms, MentionPaging paging)
    {
        var related = relatedTerms
            .Select(t => new Dictionary<string, object?> { ["title"] = t.Title, ["url"] = t.Url, ["summary"] = t.Summary })
            .ToList();
        var mentions = backlinks.MentionsOf(target);
        return new()
        {
            ["title"] = term.Title,
            ["search_url"] = "/search/?term=" + term.Id,
            ["summary"] = term.Summary,
            ["aliases"] = term.Aliases.Length > 0 ? string.Join(", ", term.Aliases.Select(a => a.Value)) : null,
            ["related"] = related,
            ["mentioned_in"] = MentionedIn(paging.On(mentions, 1)),
            ["recent_count"] = Math.Min(paging.Recent, mentions.Length),
            ["mention_count"] = mentions.Length,
            ["pager"] = Paging.Pager(target.Url, 1, paging.PageCount(mentions.Length), $"Pages of mentions of {target.Title}"),
        };
    }

    public static Dictionary<string, object?> ActorPage(Actor actor, LinkTarget target, BacklinkIndex backlinks,
        IReadOnlyList<Actor> allActors, MentionPaging paging)
    {
        var affiliation = actor.Affiliation is null ? null : allActors.FirstOrDefault(a => a.Id == actor.Affiliation);
        var members = allActors.Where(a => a.Affiliation == actor.Id).OrderBy(a => a.Title, StringComparer.Ordinal).ToList();
        var mentions = backlinks.MentionsOf(target);
        return new()
        {
            ["title"] = actor.Title,
            ["search_url"] = "/search/?actor=" + actor.Id,
            ["summary"] = actor.Summary,
            ["kind"] = KindName(actor.Kind),
            ["aliases"] = actor.Aliases.Length > 0 ? string.Join(", ", actor.Aliases.Select(a => a.Value)) : null,
            ["affiliation"] = affiliation is null ? null : new Dictionary<string, object?> { ["title"] = affiliation.Title, ["url"] = affiliation.Url },
            ["people"] = members.Where(m => m.Kind == ActorKind.Person).Select(Brief).ToList(),
            ["bodies"] = members.Where(m => m.Kind != ActorKind.Person).Select(Brief).ToList(),
            ["mentioned_in"] = MentionedIn(paging.On(mentions, 1)),
            ["recent_count"] = Math.Min(paging.Recent, mentions.Length),
            ["mention_count"] = mentions.Length,
            ["pager"] = Paging.Pager(target.Url, 1, paging.PageCount(mentions.Length), $"Pages of mentions of {target.Title}"),
            ["terms"] = backlinks.TermsAlongside(target)
                .Select(t => new Dictionary<string, object?> { ["title"] = t.Term.Title, ["url"] = t.Term.Url, ["count"] = t.Commentaries })
                .ToList(),
        };
    }

    public static Dictionary<string, object?> Brief(Actor actor) => new()
    {
        ["title"] = actor.Title,
        ["url"] = actor.Url,
        ["summary"] = actor.Summary,
    };

    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.State => "State",
        ActorKind.Organisation => "Organisation",
        _ => "Person",
    };

    /// <summary>Terms grouped by initial for the A–Z index, with the letters for the jump bar.</summary>
    public static List<Dictionary<string, object?>> ByLetter(IEnumerable<GlossaryTerm> terms) =>
        [.. terms
            .OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .GroupBy(t => Initial(t.Title))
            .Select(g => new Dictionary<string, object?>
            {
                ["letter"] = g.Key,
                ["anchor"] = g.Key == "#" ? "letter-other" : "letter-" + g.Key.ToLowerInvariant(),
                ["terms"] = g.Select(t => new Dictionary<string, object?> { ["title"] = t.Title, ["url"] = t.Url, ["summary"] = t.Summary }).ToList(),
            })];

    private static string Initial(string title)
    {
        var first = title.Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsAsciiLetter(first) ? char.ToUpperInvariant(first).ToString() : "#";
    }
}
