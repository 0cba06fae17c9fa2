using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WatchList.Site.Content;

namespace WatchList.Site.Markdown;

/// <summary>
/// Links editors write from the site root ("/glossary/yongbyon/", "/assets/map.png") are put under the
/// base path, so they work when the site is published below a sub-path such as /repo/.
/// </summary>
public static class SitePaths
{
    public static void Rebase(MarkdownDocument document, SiteSettings settings)
    {
        if (settings.BasePath == "/")
        {
            return;
        }
        foreach (var link in InlineTree.All<LinkInline>(document))
        {
            if (IsSiteRooted(link.Url))
            {
                link.Url = settings.Link(link.Url!);
            }
        }
    }

    public static bool IsSiteRooted(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/');
}

/// <summary>
/// Every inline of a tree, found by following each container's children as they stand. Markdig's own
/// <c>Descendants</c> missed a link that stood before a mention the linker had wrapped in the same paragraph.
/// </summary>
public static class InlineTree
{
    public static List<T> All<T>(MarkdownObject root) where T : Inline
    {
        var found = new List<T>();
        Collect(root, found);
        return found;
    }

    private static void Collect<T>(MarkdownObject node, List<T> found) where T : Inline
    {
        switch (node)
        {
            case ContainerBlock blocks:
                foreach (var block in blocks)
                {
                    Collect(block, found);
                }
                break;
            case LeafBlock { Inline: { } inline }:
                Collect(inline, found);
                break;
            case ContainerInline container:
                if (container is T self)
                {
                    found.Add(self);
                }
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Collect(child, found);
                }
                break;
            case T inline:
                found.Add(inline);
                break;
        }
    }
}
