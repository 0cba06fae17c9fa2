using Markdig.Syntax.Inlines;

namespace WatchList.Site.Linking.Mentions;

/// <summary>
/// A mention of a term or actor found in the text, wrapping the original inlines. Rendered as a link
/// when <see cref="Linked"/>, and carrying the anchor id when it is the first mention of its target. A mention
/// that is neither stays as its text in the tree, with no node of its own.
/// </summary>
public sealed class MentionInline : ContainerInline
{
    public required LinkTarget Target { get; init; }

    /// <summary>
    /// The address of the target's page as published (under the site's base path) when the mention is
    /// <see cref="Linked"/>; empty otherwise.
    /// </summary>
    public string Href { get; init; } = "";
    public bool Linked { get; init; }
    public string? Anchor { get; init; }
}
