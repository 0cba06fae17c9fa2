using Markdig.Syntax.Inlines;

namespace WatchList.Site.Linking.Mentions;

/// <summary>
/// A mention of a term or actor found in the text, wrapping the original inlines. Rendered as a link
/// when <see cref="Linked"/>, and carrying the anchor id when it is the first mention of its target.
/// </summary>
public sealed class MentionInline : ContainerInline
{
    public required LinkTarget Target { get; init; }

    /// <summary>
    /// The address of the target's page as published (under the site's base path); made only for a mention that
    /// is <see cref="Linked"/>, empty for the others (most of a page's mentions).
    /// </summary>
    public string Href { get; set; } = "";
    public bool Linked { get; set; }
    public string? Anchor { get; set; }
}
