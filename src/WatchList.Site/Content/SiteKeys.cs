using WatchList.Pipeline;

namespace WatchList.Site.Content;

/// <summary>The metadata the site's modules share, by type.</summary>
public static class SiteKeys
{
    public static readonly MetadataKey<SiteSettings> Settings = new("settings");
    public static readonly MetadataKey<Commentary> Commentary = new("commentary");
    public static readonly MetadataKey<GlossaryTerm> Term = new("term");
    public static readonly MetadataKey<Actor> Actor = new("actor");
    /// <summary>The rendered HTML of a document's Markdown body, as UTF-8.</summary>
    public static readonly MetadataKey<Markdown.RenderedHtml> BodyHtml = new("body-html");
    /// <summary>The headings and length of a document's Markdown body.</summary>
    public static readonly MetadataKey<Markdown.Outline> Outline = new("outline");
}
