using Markdig.Syntax.Inlines;

namespace WatchList.Site.Linking.Mentions;

/// <summary>
/// A mention of a term or actor found in the text, wrapping the original inlines. Rendered as a link
/// when <see cref="Linked"/>, and carrying the anchor id when it is the first mention of its target.
/// </summary>
public sealed class MentionInline : ContainerInline
{
    public required LinkTarget Target { get; init; }

    /// <summary>The address of the target's page as published (under the site's base path).</summary>
    public required string Href { get; init; }
    public bool Linked { get; set; }
    public string? Anchor { get; set; }
}
