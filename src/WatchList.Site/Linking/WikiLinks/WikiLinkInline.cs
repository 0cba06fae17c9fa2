using Markdig.Syntax.Inlines;

namespace WatchList.Site.Linking.WikiLinks;

/// <summary>An editor's explicit link, <c>[[Yongbyon]]</c> or <c>[[yongbyon|the reactor site]]</c>, before it is resolved.</summary>
public sealed class WikiLinkInline : LeafInline
{
    public required string Name { get; init; }
    public required string Label { get; init; }
}
