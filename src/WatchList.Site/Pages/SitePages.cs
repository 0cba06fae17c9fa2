using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Listings;

namespace WatchList.Site.Pages;

/// <summary>The model of each kind of page, built at output time from what the pipelines produced.</summary>
public static class SitePages
{
    private const int LatestOnHome = 10;

    public static SiteSettings Settings(PipelineContext context) =>
        context.OutputsOf(SitePipelines.Site).Single().Get(SiteKeys.Settings);

    private static BacklinkIndex Backlinks(PipelineContext context) =>
        context.OutputsOf(SitePipelines.Backlinks).Single().Get(BuildBacklinks.Key);

    internal static MentionLinker Linker(PipelineContext context) =>
        context.OutputsOf(SitePipelines.Linker).Single().Get(BuildLinker.Key);

    /// <summary>Commentary documents, newest first (the order of every list of commentaries).</summary>
    public static List<Document> NewestFirst(PipelineContext context)
    {
        var documents = context.OutputsOf(SitePipelines.Commentaries).ToArray();
        // Sorted on each document's commentary, taken once: not twice in each of the n log n comparisons.
        var commentaries = Array.ConvertAll(documents, d => d.Get(SiteKeys.Commentary));
        Array.Sort(commentaries, documents, Comparer<Content.Commentary>.Create(Content.Commentary.NewestFirst));
        return [.. documents];
    }

    public static object Commentary(Document document, PipelineContext context)
    {
        var site = Settings(context);
        var commentary = document.Get(SiteKeys.Commentary);
        var backlinks = Backlinks(context);
        var mentioned = backlinks.MentionedBy(commentary);
        var outline = document.Get(SiteKeys.Outline);
        var page = PageModels.Page(site, commentary.Title, commentary.Url, commentary.Summary);
        page["is_article"] = true;
        page["published"] = commentary.Date.ToString("yyyy-MM-dd");
        page["commentary"] = PageModels.Commentary(commentary);
        page["reading_minutes"] = outline.Minutes;
        page["toc"] = outline.Headings.Length >= 3
            ? outline.Headings.Select(h => new Dictionary<string, object?> { ["text"] = h.Text, ["id"] = h.Id, ["level"] = h.Level, ["sub"] = h.Level > 2 }).ToList()
            : null;
        page["body"] = PageModels.Html(document);
        page["terms"] = Sorted(mentioned, TargetKind.Term);
        page["actors"] = Sorted(mentioned, TargetKind.Actor);
        page["related"] = backlinks.RelatedTo(commentary).Select(PageModels.Commentary).ToList();
        var all = backlinks.Commentaries;
        var index = backlinks.PositionOf(commentary);
        page["newer"] = index > 0 ? PageModels.Commentary(all[index - 1]) : null;
        page["older"] = index >= 0 && index + 1 < all.Length ? PageModels.Commentary(all[index + 1]) : null;
        page["json_ld"] = ArticleJsonLd(site, commentary);
        page["citation"] = Citations.CitationModel.Of(document, site);
        return page;
    }

    /// <summary>
    /// schema.org Article, so search engines know the headline, date, authors and original (not the summary:
    /// the page's description meta already says it, and every page would carry it twice). The theme writes it
    /// with the json filter, which escapes &lt;, &gt; and &amp;, so the text is safe inside a script element.
    /// </summary>
    private static Dictionary<string, object?> ArticleJsonLd(SiteSettings site, Commentary commentary)
    {
        static Dictionary<string, object?> Named(string type, string name) => new() { ["@type"] = type, ["name"] = name };
        var article = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = commentary.Title,
            ["datePublished"] = commentary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["url"] = site.AbsoluteUrl(commentary.Url),
            ["mainEntityOfPage"] = site.AbsoluteUrl(commentary.Url),
            ["inLanguage"] = site.Language,
            ["publisher"] = Named("Organization", site.Author.Length > 0 ? site.Author : site.Title),
        };
        if (commentary.Authors.Length > 0)
        {
            article["author"] = commentary.Authors.Select(author => Named("Person", author)).ToList();
        }
        else if (commentary.Publisher is { } publisher)
        {
            article["author"] = Named("Organization", publisher);
        }
        if (commentary.Source is { } source)
        {
            article["isBasedOn"] = source;
        }
        if (commentary.Series is { } series)
        {
            article["isPartOf"] = series;
        }
        return article;
    }

    private static List<SharedModel> Sorted(IEnumerable<TargetMentions> mentions, TargetKind kind) =>
        [.. mentions.Where(m => m.Target.Kind == kind)
            .OrderBy(m => m.Target.Title, StringComparer.OrdinalIgnoreCase)
            .Select(m => EntryModels.Target(m.Target))];

    public static object Term(Document document, PipelineContext context)
    {
        var term = document.Get(SiteKeys.Term);
        var target = Linker(context).TargetOf(TargetKind.Term, term.Id)!;
        var page = PageModels.Page(Settings(context), term.Title, term.Url, term.Summary);
        page["term"] = EntryModels.TermPage(term, target, Backlinks(context), document.Get(RelateTerms.Key), MentionPaging.Of(Settings(context)));
        page["entry_feed"] = EntryFeed(term.Title, term.Url);
        page["body"] = PageModels.Html(document);
        return page;
    }

    public static object Actor(Document document, PipelineContext context)
    {
        var actor = document.Get(SiteKeys.Actor);
        var target = Linker(context).TargetOf(TargetKind.Actor, actor.Id)!;
        var actors = context.OutputsOf(SitePipelines.Actors).Select(d => d.Get(SiteKeys.Actor)).ToList();
        var page = PageModels.Page(Settings(context), actor.Title, actor.Url, actor.Summary ?? actor.Title);
        page["actor"] = EntryModels.ActorPage(actor, target, Backlinks(context), actors, MentionPaging.Of(Settings(context)));
        page["entry_feed"] = EntryFeed(actor.Title, actor.Url);
        page["body"] = PageModels.Html(document);
        return page;
    }

    /// <summary>Where a term's or actor's feed is: beside its page.</summary>
    public static string EntryFeedUrl(string entryUrl) => entryUrl + "feed.xml";

    private static Dictionary<string, object?> EntryFeed(string title, string url) =>
        new() { ["title"] = $"Commentaries mentioning {title}", ["url"] = EntryFeedUrl(url) };

    public static object GlossaryIndex(Document document, PipelineContext context)
    {
        var page = PageModels.Page(Settings(context), "Glossary", "/glossary/", "Every term used in the commentaries, explained.");
        page["letters"] = EntryModels.ByLetter(context.OutputsOf(SitePipelines.Glossary).Select(d => d.Get(SiteKeys.Term)));
        return page;
    }

    public static object ActorIndex(Document document, PipelineContext context)
    {
        var backlinks = Backlinks(context);
        var linker = Linker(context);
        var actors = context.OutputsOf(SitePipelines.Actors).Select(d => d.Get(SiteKeys.Actor)).ToList();
        var page = PageModels.Page(Settings(context), "Actors", "/actors/", "The states, organisations and people the commentaries discuss.");
        page["groups"] = new[] { (ActorKind.State, "States"), (ActorKind.Organisation, "Organisations"), (ActorKind.Person, "People") }
            .Select(group => (Kind: group.Item1, Title: group.Item2, Members: actors.Where(a => a.Kind == group.Item1).ToList()))
            .Where(group => group.Members.Count > 0)
            .Select(group => new Dictionary<string, object?>
            {
                ["title"] = group.Title,
                ["anchor"] = group.Title.ToLowerInvariant(),
                ["actors"] = group.Members
                    .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
                    .Select(a =>
                    {
                        var model = EntryModels.Brief(a);
                        var target = linker.TargetOf(TargetKind.Actor, a.Id)!;
                        model["count"] = backlinks.MentionsOf(target).Length;
                        return model;
                    })
                    .ToList(),
            })
            .ToList();
        return page;
    }

    public static object Home(Document document, PipelineContext context)
    {
        var site = Settings(context);
        var all = Backlinks(context).Commentaries;
        var page = PageModels.Page(site, site.Title, "/", site.Description);
        page["is_home"] = true;
        page["commentaries"] = all.Take(LatestOnHome).Select(PageModels.Commentary).ToList();
        page["more"] = all.Length > LatestOnHome;
        page["term_count"] = context.OutputsOf(SitePipelines.Glossary).Length;
        page["actor_count"] = context.OutputsOf(SitePipelines.Actors).Length;
        return page;
    }

    /// <summary>The archive's front page: every year and every series, with how many commentaries each holds.</summary>
    public static object Archive(Document document, PipelineContext context)
    {
        var archive = ArchiveSections.Of(Backlinks(context).Commentaries);
        var page = PageModels.Page(Settings(context), "Archive", "/archive/", "Every commentary, by year and by series.");
        page["years"] = archive.Years.Select(SectionLink).ToList();
        page["series"] = archive.Series.Select(SectionLink).ToList();
        return page;
    }

    private static Dictionary<string, object?> SectionLink(ArchiveSection section) => new()
    {
        ["title"] = section.Title,
        ["url"] = section.FirstUrl,
        ["count"] = section.Commentaries.Length,
    };

    /// <summary>One page of a year or series of the archive, with the pager and the years to jump to.</summary>
    public static object ArchivePage(Document document, PipelineContext context)
    {
        var site = Settings(context);
        var listing = document.Get(Listings.ArchivePage.Key);
        var section = listing.Section;
        var heading = listing.IsYear ? $"Commentaries of {section.Title}" : section.Title;
        var title = listing.Number == 1 ? heading : $"{heading}, page {listing.Number} of {listing.Count}";
        var description = (listing.IsYear ? $"The commentaries of {section.Title}" : $"The commentaries of the series {section.Title}")
            + (listing.Count > 1 ? $", page {listing.Number} of {listing.Count}." : ".");
        var page = PageModels.Page(site, title, Paging.UrlOf(section.FirstUrl, listing.Number), description);
        page["heading"] = heading;
        page["is_year"] = listing.IsYear;
        page["total"] = section.Commentaries.Length;
        page["commentaries"] = section.Commentaries
            .Skip((listing.Number - 1) * site.PageSize).Take(site.PageSize)
            .Select(PageModels.Commentary).ToList();
        page["pager"] = Paging.Pager(section.FirstUrl, listing.Number, listing.Count, $"Pages of {heading}");
        page["years"] = listing.Archive.Years
            .Select(y => new Dictionary<string, object?> { ["title"] = y.Title, ["url"] = y.FirstUrl, ["current"] = y == section })
            .ToList();
        return page;
    }

    /// <summary>Page 2 or more of the commentaries that mention a term or actor: older mentions, listed by title and date.</summary>
    public static object Mentions(Document document, PipelineContext context)
    {
        var site = Settings(context);
        var listing = document.Get(MentionsPage.Key);
        var target = listing.Target;
        var mentions = Backlinks(context).MentionsOf(target);
        var title = $"{target.Title}: mentions, page {listing.Number} of {listing.Count}";
        var page = PageModels.Page(site, title, Paging.UrlOf(target.Url, listing.Number),
            $"Commentaries that mention {target.Title}, page {listing.Number} of {listing.Count}.");
        page["entry"] = EntryModels.Target(target);
        page["is_term"] = target.Kind == TargetKind.Term;
        page["mention_count"] = mentions.Length;
        page["mentioned_in"] = EntryModels.MentionedIn(MentionPaging.Of(site).On(mentions, listing.Number), inContext: false);
        // The list goes on numbering from the pages before it.
        page["first_number"] = site.RecentMentions + (listing.Number - 2) * site.PageSize + 1;
        page["pager"] = Paging.Pager(target.Url, listing.Number, listing.Count, $"Pages of mentions of {target.Title}");
        return page;
    }

    public static object Search(Document document, PipelineContext context)
    {
        var page = PageModels.Page(Settings(context), "Search", "/search/", "Search the commentaries, the glossary and the actors.");
        var commentaries = Backlinks(context).Commentaries;
        static Dictionary<string, object?> Option(string value, string label) => new() { ["value"] = value, ["label"] = label };
        // The filters a search can be narrowed by, from what the build knows: the same values the index is filed under.
        page["search_filters"] = new Dictionary<string, object?>
        {
            ["types"] = commentaries.Select(c => c.Type ?? "Commentary").Append("Glossary term").Append("Actor")
                .Distinct(StringComparer.Ordinal).Select(t => Option(Slug.Suggest(t), t)).ToList(),
            ["years"] = commentaries.Select(c => c.Date.Year).Distinct().OrderDescending()
                .Select(y => Option(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))).ToList(),
            ["actors"] = context.OutputsOf(SitePipelines.ActorPages).Select(d => d.Get(SiteKeys.Actor))
                .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).Select(a => Option(a.Id, a.Title)).ToList(),
            ["terms"] = context.OutputsOf(SitePipelines.TermPages).Select(d => d.Get(SiteKeys.Term))
                .OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase).Select(t => Option(t.Id, t.Title)).ToList(),
        };
        return page;
    }

    public static object NotFound(Document document, PipelineContext context)
    {
        var page = PageModels.Page(Settings(context), "Page not found", "/404.html", "This page does not exist.");
        page["is_not_found"] = true;
        return page;
    }
}
