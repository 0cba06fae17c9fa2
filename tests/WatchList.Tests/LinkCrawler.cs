using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace WatchList.Tests;

/// <summary>A link that leads nowhere: the page it is on, the link as written, and what is wrong.</summary>
public sealed record BrokenLink(string Page, string Link, string Problem)
{
    public override string ToString() => $"{Page}: {Link}: {Problem}";
}

/// <summary>What a crawl found: the HTML pages it reached (by path) and every broken link.</summary>
public sealed record CrawlReport(IReadOnlySet<string> PagesReached, IReadOnlyList<BrokenLink> BrokenLinks, int LinksChecked);

/// <summary>
/// A crawler of ours: starts at the served root and follows every href and src of <c>a</c>, <c>link</c>,
/// <c>script</c>, <c>img</c> (and the <c>url()</c>s of style sheets) that stays within the site. A link is
/// broken when its target does not answer 200, or when its #fragment names no element of the target page.
/// Absolute links to the published address are checked against the served copy; other sites are not visited.
/// </summary>
public sealed partial class LinkCrawler(HttpClient http, Uri servedBase, Uri publishedBase)
{
    private const string LinkSelector = "a[href], area[href], link[href], script[src], img[src], source[src], iframe[src]";
    private static readonly HtmlParser Parser = new();
    private static readonly string[] NotFetched = ["mailto:", "tel:", "data:", "javascript:"];

    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);

    private sealed record Target(int Status, bool IsHtml, IReadOnlySet<string> Ids, IReadOnlyList<string> Links);

    public async Task<CrawlReport> CrawlAsync()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var broken = new List<BrokenLink>();
        var queued = new HashSet<string>(StringComparer.Ordinal) { servedBase.AbsolutePath };
        var queue = new Queue<Uri>([servedBase]);
        var stylesChecked = new HashSet<string>(StringComparer.Ordinal);
        var checkedLinks = 0;

        while (queue.TryDequeue(out var page))
        {
            var target = await FetchAsync(page);
            if (target.Status != 200 || !target.IsHtml)
            {
                broken.Add(new BrokenLink(page.AbsolutePath, page.AbsolutePath, $"the start page answers {target.Status}"));
                continue;
            }
            reached.Add(page.AbsolutePath);
            foreach (var link in target.Links)
            {
                var (url, problem) = Resolve(page, link);
                if (problem is not null)
                {
                    broken.Add(new BrokenLink(page.AbsolutePath, link, problem));
                }
                if (url is null)
                {
                    continue;
                }
                checkedLinks++;
                var found = await FetchAsync(url);
                var fragment = Uri.UnescapeDataString(url.Fragment.TrimStart('#'));
                if (found.Status != 200)
                {
                    broken.Add(new BrokenLink(page.AbsolutePath, link, $"{url.AbsolutePath} answers {found.Status}"));
                }
                else if (found.IsHtml && fragment.Length > 0 && fragment != "top" && !found.Ids.Contains(fragment))
                {
                    broken.Add(new BrokenLink(page.AbsolutePath, link, $"{url.AbsolutePath} has no element with id '{fragment}'"));
                }
                else if (found.IsHtml && queued.Add(url.AbsolutePath))
                {
                    queue.Enqueue(WithoutFragment(url));
                }
                else if (IsStyleSheet(url) && stylesChecked.Add(url.AbsolutePath))
                {
                    broken.AddRange(await CheckStyleSheetAsync(url));
                }
            }
        }
        return new CrawlReport(reached, broken, checkedLinks);
    }

    /// <summary>The served address a link leads to, or null when it leaves the site (or is not fetched at all).</summary>
    private (Uri? Url, string? Problem) Resolve(Uri page, string link)
    {
        var written = link.Trim();
        if (NotFetched.Any(scheme => written.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, null);
        }
        if (!Uri.TryCreate(page, written, out var url))
        {
            return (null, "is not a valid address");
        }
        if (SameOrigin(url, publishedBase))
        {
            // An absolute link to the published site: check it against the served copy.
            if (!url.AbsolutePath.StartsWith(publishedBase.AbsolutePath, StringComparison.Ordinal))
            {
                return (null, $"leads outside the published base path {publishedBase.AbsolutePath}");
            }
            url = new Uri(servedBase, url.AbsolutePath[publishedBase.AbsolutePath.Length..] + url.Query + url.Fragment);
        }
        if (!SameOrigin(url, servedBase))
        {
            return (null, null);
        }
        return url.AbsolutePath.StartsWith(servedBase.AbsolutePath, StringComparison.Ordinal)
            ? (url, null)
            : (null, $"leads outside the base path {servedBase.AbsolutePath}");
    }

    private async Task<IEnumerable<BrokenLink>> CheckStyleSheetAsync(Uri sheet)
    {
        var css = await http.GetStringAsync(sheet);
        var broken = new List<BrokenLink>();
        foreach (Match match in CssUrl().Matches(css))
        {
            var link = match.Groups["url"].Value;
            var (url, problem) = Resolve(sheet, link);
            if (problem is not null)
            {
                broken.Add(new BrokenLink(sheet.AbsolutePath, link, problem));
            }
            else if (url is not null && (await FetchAsync(url)).Status != 200)
            {
                broken.Add(new BrokenLink(sheet.AbsolutePath, link, $"{url.AbsolutePath} is missing"));
            }
        }
        return broken;
    }

    private async Task<Target> FetchAsync(Uri url)
    {
        var key = WithoutFragment(url).ToString();
        if (_targets.TryGetValue(key, out var known))
        {
            return known;
        }
        using var response = await http.GetAsync(key);
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        Target target;
        if (response.IsSuccessStatusCode && isHtml)
        {
            var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!)
                .Concat(document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!))
                .ToHashSet(StringComparer.Ordinal);
            var links = document.QuerySelectorAll(LinkSelector)
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .ToList();
            target = new Target((int)response.StatusCode, true, ids, links);
        }
        else
        {
            target = new Target((int)response.StatusCode, isHtml, new HashSet<string>(), []);
        }
        _targets[key] = target;
        return target;
    }

    private static bool IsStyleSheet(Uri url) => url.AbsolutePath.EndsWith(".css", StringComparison.Ordinal);

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);

    private static Uri WithoutFragment(Uri url) => new(url.GetLeftPart(UriPartial.Query));

    [GeneratedRegex("""url\(\s*"(?<url>[^"]*)"\s*\)|url\(\s*'(?<url>[^']*)'\s*\)|url\(\s*(?<url>[^'"\)\s]+)\s*\)|@import\s+["'](?<url>[^"']+)["']""")]
    private static partial Regex CssUrl();
}
