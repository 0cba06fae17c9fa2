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
        foreach (var link in document.Descendants<LinkInline>())
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
