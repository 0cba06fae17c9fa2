using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;

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
        List<Document> documents = [.. context.OutputsOf(SitePipelines.Commentaries)];
        documents.Sort((a, b) => Content.Commentary.NewestFirst(a.Get(SiteKeys.Commentary), b.Get(SiteKeys.Commentary)));
        return documents;
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
    /// schema.org Article, so search engines know the headline, date, authors and original. The theme writes it
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
            ["description"] = commentary.Summary,
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
        page["term"] = EntryModels.TermPage(term, target, Backlinks(context), document.Get(RelateTerms.Key));
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
        page["actor"] = EntryModels.ActorPage(actor, target, Backlinks(context), actors);
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

    public static object Archive(Document document, PipelineContext context)
    {
        var all = Backlinks(context).Commentaries;
        var page = PageModels.Page(Settings(context), "Archive", "/archive/", "Every commentary, by year and by series.");
        page["years"] = all
            .GroupBy(c => c.Date.Year)
            .Select(g => new Dictionary<string, object?>
            {
                ["year"] = g.Key,
                ["anchor"] = $"year-{g.Key}",
                ["commentaries"] = g.Select(PageModels.Commentary).ToList(),
            })
            .ToList();
        // Commentaries are newest first, so the series come out by their latest commentary, newest first.
        page["series"] = all
            .Where(c => c.Series is not null)
            .GroupBy(c => c.Series!)
            .Select(g => new Dictionary<string, object?>
            {
                ["title"] = g.Key,
                ["anchor"] = "series-" + Slug.Suggest(g.Key),
                ["commentaries"] = g.Select(PageModels.Commentary).ToList(),
            })
            .ToList();
        return page;
    }

    public static object Search(Document document, PipelineContext context) =>
        PageModels.Page(Settings(context), "Search", "/search/", "Search the commentaries, the glossary and the actors.");

    public static object NotFound(Document document, PipelineContext context)
    {
        var page = PageModels.Page(Settings(context), "Page not found", "/404.html", "This page does not exist.");
        page["is_not_found"] = true;
        return page;
    }
}
