using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Output;

namespace WatchList.Site.Pages;

/// <summary>The files a published site needs besides its pages: feed, sitemap, robots.txt.</summary>
public static class SiteFiles
{
    public const int FeedEntries = 20;

    /// <summary>The feed, and what it is written from: the settings and the latest entries with their bodies' digests.</summary>
    public static SiteFile Feed(Document document, PipelineContext context)
    {
        var site = SitePages.Settings(context);
        var newestFirst = SitePages.NewestFirst(context);
        return new SiteFile(stream => WriteAtomFeed(stream, site, newestFirst), () => Output.Fingerprint.Of(newestFirst.Take(FeedEntries)
            .Select(d => (object?)new List<object?> { PageModels.Commentary(d.Get(SiteKeys.Commentary)), PageModels.Html(d) })
            .Append(site.ToString())
            .ToList()));
    }

    public static SiteFile Sitemap(Document document, PipelineContext context)
    {
        var site = SitePages.Settings(context);
        var pages = SitemapPages(context);
        return new SiteFile(stream => WriteSitemap(stream, site, pages), () => Output.Fingerprint.Of(pages
            .Select(p => (object?)$"{p.Path}|{p.Modified:O}")
            .Append(site.ToString())
            .ToList()));
    }

    /// <summary>Every page a reader reaches by links, by address, with the date of each commentary.</summary>
    private static List<(string Path, DateOnly? Modified)> SitemapPages(PipelineContext context) =>
        [.. SitePipelines.LinkedPages
            .SelectMany(name => context.OutputsOf(name))
            .Select(d => (PagePath(d.Destination), d.TryGet(SiteKeys.Commentary, out var c) ? c.Date : (DateOnly?)null))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)];

    /// <summary>
    /// The title and summary of every term and actor, keyed by the address mentions link to: the theme's script
    /// shows and describes a mention from it, so pages need not each carry the summaries of what they mention.
    /// </summary>
    public static SiteFile Definitions(Document document, PipelineContext context)
    {
        var site = SitePages.Settings(context);
        var targets = SitePages.Linker(context).Targets;
        return new SiteFile(stream => WriteDefinitions(stream, site, targets), () => Output.Fingerprint.Of(targets
            .Select(t => (object?)$"{t.Url}\u001F{t.Title}\u001F{t.Summary}")
            .Append(site.ToString())
            .ToList()));
    }

    /// <summary>Writes <c>{"/base/glossary/yongbyon/": ["Yongbyon", "North Korea's nuclear…"], …}</c>.</summary>
    public static void WriteDefinitions(Stream stream, SiteSettings site, IEnumerable<Linking.LinkTarget> targets)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        foreach (var target in targets)
        {
            json.WriteStartArray(site.Link(target.Url));
            json.WriteStringValue(target.Title);
            json.WriteStringValue(target.Summary);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// robots.txt naming the sitemap, and an empty .nojekyll so GitHub Pages serves the files as they are;
    /// what they are written from is the settings (the sitemap's address).
    /// </summary>
    public static SiteFile HostFile(Document document, PipelineContext context)
    {
        var site = SitePages.Settings(context);
        Action<Stream> write = document.Destination == "robots.txt" ? stream => WriteRobots(stream, site) : _ => { };
        return new SiteFile(write, () => Output.Fingerprint.Of(new List<object?> { document.Destination, site.ToString() }));
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// An Atom feed (RFC 4287) of the latest commentaries: the site's, with their full text, or a term's or
    /// actor's (<paramref name="feedPath"/> and <paramref name="title"/> its own), with their summaries.
    /// </summary>
    public static void WriteAtomFeed(Stream stream, SiteSettings site, IReadOnlyList<Document> commentaries,
        string feedPath = "/feed.xml", string? title = null, string alternatePath = "/", bool fullText = true)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8, Indent = true });
        const string atom = "http://www.w3.org/2005/Atom";
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", atom);
        xml.WriteAttributeString("xml", "lang", null, site.Language);
        xml.WriteAttributeString("xml", "base", null, site.BaseUrl.AbsoluteUri);
        xml.WriteElementString("title", atom, title ?? site.Title);
        if (title is null && site.Description.Length > 0)
        {
            xml.WriteElementString("subtitle", atom, site.Description);
        }
        Link(xml, atom, "self", "application/atom+xml", site.AbsoluteUrl(feedPath));
        Link(xml, atom, "alternate", "text/html", site.AbsoluteUrl(alternatePath));
        xml.WriteElementString("id", atom, site.AbsoluteUrl(feedPath == "/feed.xml" ? "/" : feedPath));
        var newest = commentaries.Count > 0 ? commentaries[0].Get(SiteKeys.Commentary).Date : new DateOnly(2000, 1, 1);
        xml.WriteElementString("updated", atom, Timestamp(newest));
        xml.WriteStartElement("author", atom);
        xml.WriteElementString("name", atom, site.Author.Length > 0 ? site.Author : site.Title);
        xml.WriteEndElement();
        xml.WriteElementString("generator", atom, "WatchList");
        foreach (var document in commentaries.Take(FeedEntries))
        {
            var commentary = document.Get(SiteKeys.Commentary);
            var url = site.AbsoluteUrl(commentary.Url);
            xml.WriteStartElement("entry", atom);
            xml.WriteElementString("title", atom, commentary.Title);
            Link(xml, atom, "alternate", "text/html", url);
            xml.WriteElementString("id", atom, url);
            xml.WriteElementString("published", atom, Timestamp(commentary.Date));
            xml.WriteElementString("updated", atom, Timestamp(commentary.Date));
            foreach (var author in commentary.Authors)
            {
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, author);
                xml.WriteEndElement();
            }
            if (commentary.Type is { } type)
            {
                xml.WriteStartElement("category", atom);
                xml.WriteAttributeString("term", type);
                xml.WriteEndElement();
            }
            xml.WriteElementString("summary", atom, commentary.Summary);
            if (fullText)
            {
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(PageModels.Html(document).ToString());
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The feed of a term's or actor's page: the latest commentaries that mention it, with their summaries.</summary>
    public static SiteFile EntryFeed(Document document, PipelineContext context)
    {
        var site = SitePages.Settings(context);
        var (target, title) = EntryFeedOf(document, context);
        var backlinks = context.OutputsOf(SitePipelines.Backlinks).Single().Get(Backlinks.BuildBacklinks.Key);
        var commentaries = backlinks.MentionsOf(target).Take(FeedEntries).Select(b => b.Commentary).ToList();
        var url = SitePages.EntryFeedUrl(target.Url);
        return new SiteFile(
            stream => WriteAtomFeed(stream, site, [.. commentaries.Select(c => Document.Create("", "").With(SiteKeys.Commentary, c))],
                url, title, target.Url, fullText: false),
            () => Output.Fingerprint.Of(commentaries.Select(c => (object?)PageModels.Commentary(c)).Append(title).Append(site.ToString()).ToList()));
    }

    private static (Linking.LinkTarget Target, string Title) EntryFeedOf(Document document, PipelineContext context)
    {
        var linker = context.OutputsOf(SitePipelines.Linker).Single().Get(Linking.BuildLinker.Key);
        var site = SitePages.Settings(context);
        return document.TryGet(SiteKeys.Term, out var term)
            ? (linker.TargetOf(Linking.TargetKind.Term, term.Id)!, $"{term.Title} · {site.Title}")
            : (linker.TargetOf(Linking.TargetKind.Actor, document.Get(SiteKeys.Actor).Id)!, $"{document.Get(SiteKeys.Actor).Title} · {site.Title}");
    }

    /// <summary>A sitemap (sitemaps.org schema 0.9) of every page, with the date of each commentary.</summary>
    public static void WriteSitemap(Stream stream, SiteSettings site, IEnumerable<(string Path, DateOnly? Modified)> pages)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8, Indent = true });
        const string sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", sitemap);
        foreach (var (path, modified) in pages)
        {
            xml.WriteStartElement("url", sitemap);
            xml.WriteElementString("loc", sitemap, site.AbsoluteUrl(path));
            if (modified is { } date)
            {
                xml.WriteElementString("lastmod", sitemap, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The site path a page is served at: "commentaries/x/index.html" is "/commentaries/x/".</summary>
    public static string PagePath(string destination) =>
        "/" + (destination.EndsWith("index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination);

    public static void WriteRobots(Stream stream, SiteSettings site) =>
        stream.Write(Utf8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {site.AbsoluteUrl("/sitemap.xml")}\n"));

    private static void Link(XmlWriter xml, string ns, string rel, string type, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
