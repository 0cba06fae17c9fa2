using System.Text.RegularExpressions;

namespace WatchList.Site.Checks;

/// <summary>
/// Every file the build publishes, by destination ("glossary/yongbyon/index.html"), so a link written
/// in Markdown can be looked up the way a static host serves it.
/// </summary>
public sealed partial class SiteMap
{
    private readonly HashSet<string> _files;

    public SiteMap(IEnumerable<string> destinations)
    {
        _files = new HashSet<string>(destinations.Where(d => d.Length > 0).Select(d => d.Replace('\\', '/')), StringComparer.Ordinal);
    }

    /// <summary>The site paths readers use: "/glossary/yongbyon/" for an index.html, "/assets/style.css" for a file.</summary>
    public IEnumerable<string> Pages => _files.Where(f => IsPage(f)).Select(SitePathOf);

    public IEnumerable<string> Files => _files.Where(f => !IsPage(f)).Select(SitePathOf);

    public static string SitePathOf(string destination) =>
        destination.EndsWith("index.html", StringComparison.Ordinal) && (destination.Length == 10 || destination[^11] == '/')
            ? "/" + destination[..^10]
            : "/" + destination;

    /// <summary>
    /// The site path a link goes to, without query and fragment, resolved against the page it is written on;
    /// null when the link leaves the site (another scheme, another host) or stays on the page (a fragment).
    /// </summary>
    public static string? Target(string url, string pageDestination)
    {
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut >= 0 ? url[..cut] : url;
        if (path.Length == 0 || HasScheme().IsMatch(path) || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var page = new Uri(new Uri("http://site/"), SitePathOf(pageDestination));
        // An address no browser could follow is kept as written, so it is reported as leading nowhere.
        return Uri.TryCreate(page, path, out var resolved) ? Uri.UnescapeDataString(resolved.AbsolutePath) : path;
    }

    /// <summary>Whether a site path is published: a file, a folder with an index.html, or a page written without ".html".</summary>
    public bool Has(string sitePath)
    {
        var relative = sitePath.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            return _files.Contains(relative + "index.html");
        }
        return _files.Contains(relative) || _files.Contains(relative + "/index.html") || _files.Contains(relative + ".html");
    }

    private static bool IsPage(string destination) => destination.EndsWith(".html", StringComparison.Ordinal);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex HasScheme();
}
