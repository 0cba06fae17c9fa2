using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace WatchList.Tests;

/// <summary>
/// The real site as GitHub Pages would publish it under <c>https://example.github.io/watchlist/</c>, checked
/// by the W3C Nu HTML Checker, by a crawler of ours on loopback, and against the Atom, sitemaps.org and
/// robots.txt formats.
/// </summary>
public sealed partial class PublishedSiteTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly Uri FeedUrl = new(PublishedSite.BaseUrl, "feed.xml");
    private static readonly Uri SitemapUrl = new(PublishedSite.BaseUrl, "sitemap.xml");

    private static string Report(IEnumerable<string> problems) => string.Join("\n", problems);

    private IEnumerable<string> CommentaryPages =>
        site.Pages.Where(f => f.StartsWith("commentaries/", StringComparison.Ordinal) && f.Count(c => c == '/') == 2);

    // ---- The W3C Nu HTML Checker ----

    [Fact]
    public async Task Every_page_passes_the_W3C_Nu_HTML_Checker_with_zero_errors()
    {
        var jar = Path.Combine(TestSite.RepositoryRoot, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci` in tests/tools (./test.sh does)");
        Assert.NotEmpty(site.HtmlFiles);

        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(site.HtmlFiles.Select(site.PathOf)))
        {
            start.ArgumentList.Add(argument);
        }
        Process checker;
        try
        {
            checker = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"java could not be started ({e.Message}): install a Java runtime (./test.sh installs default-jre-headless)");
            return;
        }
        using (checker)
        {
            var stdout = checker.StandardOutput.ReadToEndAsync();
            var stderr = checker.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await checker.WaitForExitAsync(timeout.Token);

            // vnu writes its JSON report to standard error, on one line; the JVM may say things before it.
            var said = (await stderr) + "\n" + (await stdout);
            var json = said.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("{\"", StringComparison.Ordinal));
            Assert.True(json is not null, $"the Nu checker did not report in JSON (exit {checker.ExitCode}):\n{said}");
            using var report = JsonDocument.Parse(json);
            var errors = report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(Describe)
                .ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} Nu checker errors:\n{Report(errors)}");
            Assert.Equal(0, checker.ExitCode);
        }

        string Describe(JsonElement message)
        {
            var file = message.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
                ? Path.GetRelativePath(site.Output, uri.LocalPath)
                : "?";
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var column = message.TryGetProperty("firstColumn", out var c) ? c.GetInt32()
                : message.TryGetProperty("lastColumn", out var lc) ? lc.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var x) ? $"\n    {x.GetString()?.ReplaceLineEndings(" ")}" : "";
            return $"{file}:{line}:{column}: {message.GetProperty("type").GetString()}: {message.GetProperty("message").GetString()}{extract}";
        }
    }

    // ---- A crawler of ours, on the site served under /watchlist/ ----

    [Fact]
    public async Task Crawling_the_site_served_under_its_sub_path_finds_no_broken_link()
    {
        var crawl = await site.CrawlAsync();
        Assert.True(crawl.LinksChecked > 1000, $"only {crawl.LinksChecked} links were checked");
        Assert.True(crawl.BrokenLinks.Count == 0, $"{crawl.BrokenLinks.Count} broken links:\n{Report(crawl.BrokenLinks.Select(b => b.ToString()))}");
    }

    [Fact]
    public async Task Every_page_but_the_404_page_is_reached_by_following_links_from_the_home_page()
    {
        var crawl = await site.CrawlAsync();
        var orphans = site.Pages
            .Select(f => PublishedSite.UrlOf(f).AbsolutePath)
            .Where(path => !crawl.PagesReached.Contains(path))
            .ToList();
        Assert.True(orphans.Count == 0, "pages nothing links to:\n" + Report(orphans));
        Assert.True(crawl.PagesReached.Count >= site.Pages.Count(), $"reached {crawl.PagesReached.Count} of {site.Pages.Count()} pages");
    }

    // ---- The Atom feed ----

    private XElement Feed()
    {
        Assert.True(site.Exists("feed.xml"), "feed.xml was not written");
        var feed = XDocument.Load(site.PathOf("feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        return feed;
    }

    private static Uri BaseOf(XElement element, Uri fallback)
    {
        var bases = element.AncestorsAndSelf().Reverse().Select(e => e.Attribute(XNamespace.Xml + "base")?.Value).OfType<string>();
        return bases.Aggregate(fallback, (current, written) => new Uri(current, written));
    }

    [Fact]
    public void The_feed_is_Atom_with_an_id_title_updated_time_self_link_and_author()
    {
        var feed = Feed();
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")?.Value, UriKind.Absolute), "the feed's id is not an absolute IRI");
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value), "the feed has no title");
        AssertRfc3339(feed.Element(Atom + "updated")?.Value, "the feed's updated");
        var self = feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "self");
        Assert.True(self is not null, "the feed has no rel=self link");
        Assert.Equal(FeedUrl, new Uri(BaseOf(feed, FeedUrl), (string)self!.Attribute("href")!));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value), "the feed has no author name");
    }

    [Fact]
    public void Every_feed_entry_has_an_id_title_updated_time_content_and_an_alternate_link_to_a_page_that_exists()
    {
        var feed = Feed();
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(CommentaryPages.Count(), entries.Count);
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            var id = entry.Element(Atom + "id")?.Value;
            var title = entry.Element(Atom + "title")?.Value;
            var name = title ?? id ?? "an entry";
            if (!Uri.IsWellFormedUriString(id, UriKind.Absolute))
            {
                problems.Add($"{name}: id '{id}' is not an absolute IRI");
            }
            if (string.IsNullOrWhiteSpace(title))
            {
                problems.Add($"{name}: no title");
            }
            if (!IsRfc3339(entry.Element(Atom + "updated")?.Value))
            {
                problems.Add($"{name}: updated '{entry.Element(Atom + "updated")?.Value}' is not an RFC 3339 date-time");
            }
            var content = entry.Element(Atom + "content");
            if (string.IsNullOrWhiteSpace(content?.Value))
            {
                problems.Add($"{name}: no content");
            }

            var alternate = entry.Elements(Atom + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate");
            var page = alternate is null ? null : new Uri(BaseOf(entry, FeedUrl), (string)alternate.Attribute("href")!);
            if (page is null || site.FileFor(page) is null)
            {
                problems.Add($"{name}: alternate link '{page}' is not a page of the site");
            }

            // Links inside the content resolve against xml:base, as a feed reader resolves them.
            if (content is not null && (string?)content.Attribute("type") == "html")
            {
                var html = new HtmlParser().ParseDocument(content.Value);
                foreach (var link in html.QuerySelectorAll("a[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
                {
                    var target = new Uri(BaseOf(content, FeedUrl), link);
                    if (target.Host == PublishedSite.BaseUrl.Host && site.FileFor(target) is null)
                    {
                        problems.Add($"{name}: the link '{link}' in its content resolves to {target}, which is not in the site");
                    }
                }
            }
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")?.Value).Distinct().Count());
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Every_page_links_the_feed_from_its_head()
    {
        var problems = new List<string>();
        foreach (var file in site.HtmlFiles)
        {
            var links = site.Parse(file).QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").ToList();
            if (links.Count == 0)
            {
                problems.Add($"{file}: no link to the feed in its head");
                continue;
            }
            var page = file == "404.html" ? new Uri(PublishedSite.BaseUrl, "some/deep/missing/page") : PublishedSite.UrlOf(file);
            var target = new Uri(page, links[0].GetAttribute("href")!);
            if (target != FeedUrl)
            {
                problems.Add($"{file}: the feed link '{links[0].GetAttribute("href")}' resolves to {target}, not {FeedUrl}");
            }
        }
        Assert.True(problems.Count == 0, Report(problems));
    }

    // ---- sitemap.xml, robots.txt, .nojekyll ----

    [Fact]
    public void The_sitemap_lists_every_page_by_its_absolute_address_and_nothing_else()
    {
        Assert.True(site.Exists("sitemap.xml"), "sitemap.xml was not written");
        var urlset = XDocument.Load(site.PathOf("sitemap.xml")).Root!;
        Assert.Equal(Sitemap + "urlset", urlset.Name);
        var listed = urlset.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")?.Value.Trim() ?? "").ToList();

        var notUnderBase = listed.Where(loc => !loc.StartsWith(PublishedSite.BaseUrl.ToString(), StringComparison.Ordinal)
                                               || !Uri.IsWellFormedUriString(loc, UriKind.Absolute)).ToList();
        Assert.True(notUnderBase.Count == 0, "locs that are not absolute under the base URL:\n" + Report(notUnderBase));
        Assert.Equal(listed.Count, listed.Distinct().Count());

        var pages = site.Pages.Select(f => PublishedSite.UrlOf(f).ToString()).ToHashSet();
        var missing = pages.Except(listed).Order().ToList();
        var extra = listed.Except(pages).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"pages missing from the sitemap:\n{Report(missing)}\nlisted but not pages:\n{Report(extra)}");
    }

    [Fact]
    public void Robots_txt_names_the_sitemap_by_its_absolute_address()
    {
        Assert.True(site.Exists("robots.txt"), "robots.txt was not written");
        var sitemaps = site.Read("robots.txt").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["Sitemap:".Length..].Trim())
            .ToList();
        Assert.Equal([SitemapUrl.ToString()], sitemaps);
    }

    [Fact]
    public void A_nojekyll_file_is_published_so_GitHub_Pages_serves_the_output_as_it_is()
    {
        Assert.True(site.Exists(".nojekyll"), ".nojekyll was not written");
    }

    // ---- The 404 page, canonical addresses, metadata ----

    [Fact]
    public void The_404_page_links_by_absolute_paths_so_it_works_at_any_depth()
    {
        var page = site.Parse("404.html");
        var problems = new List<string>();
        foreach (var link in page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            if (link.StartsWith('#'))
            {
                continue; // a fragment of the page itself, such as the skip link
            }
            if (!link.StartsWith(PublishedSite.BasePath, StringComparison.Ordinal) && !link.StartsWith("https://", StringComparison.Ordinal))
            {
                problems.Add($"'{link}' is not absolute to {PublishedSite.BasePath}");
                continue;
            }
            // GitHub Pages answers any missing address with this page: its links must work from deep down too.
            var target = new Uri(new Uri(PublishedSite.BaseUrl, "some/deep/missing/page"), link);
            if (target.Host == PublishedSite.BaseUrl.Host && site.FileFor(target) is null)
            {
                problems.Add($"'{link}' from a missing page resolves to {target}, which is not in the site");
            }
        }
        Assert.True(problems.Count == 0, Report(problems));
        Assert.NotEmpty(page.QuerySelectorAll("main a[href]"));
    }

    [Fact]
    public void Every_page_names_its_own_address_as_canonical_and_in_its_Open_Graph_metadata()
    {
        var problems = new List<string>();
        foreach (var file in site.Pages)
        {
            var page = site.Parse(file);
            var expected = PublishedSite.UrlOf(file).ToString();
            var canonical = page.QuerySelectorAll("head link[rel=canonical]").Select(l => l.GetAttribute("href")).ToList();
            if (canonical.Count != 1 || canonical[0] != expected)
            {
                problems.Add($"{file}: canonical is [{string.Join(", ", canonical)}], expected {expected}");
            }
            var ogUrl = page.QuerySelector("head meta[property='og:url']")?.GetAttribute("content");
            if (ogUrl != expected)
            {
                problems.Add($"{file}: og:url is '{ogUrl}', expected {expected}");
            }
            if (string.IsNullOrWhiteSpace(page.QuerySelector("head meta[property='og:title']")?.GetAttribute("content")))
            {
                problems.Add($"{file}: no og:title");
            }
        }
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Each_commentary_page_carries_a_JSON_LD_Article_whose_headline_and_date_match_the_page()
    {
        var commentaries = CommentaryPages.ToList();
        Assert.NotEmpty(commentaries);
        var problems = new List<string>();
        foreach (var file in commentaries)
        {
            var page = site.Parse(file);
            var heading = page.QuerySelector("main h1")?.TextContent.Trim();
            var date = page.QuerySelector("main time[datetime]")?.GetAttribute("datetime");
            var articles = page.QuerySelectorAll("script[type='application/ld+json']")
                .SelectMany(script => JsonObjects(JsonDocument.Parse(script.TextContent).RootElement.Clone()))
                .Where(o => o.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Article")
                .ToList();
            if (articles.Count != 1)
            {
                problems.Add($"{file}: {articles.Count} JSON-LD Articles, expected one");
                continue;
            }
            var headline = articles[0].TryGetProperty("headline", out var h) ? h.GetString() : null;
            var published = articles[0].TryGetProperty("datePublished", out var d) ? d.GetString() : null;
            if (headline != heading)
            {
                problems.Add($"{file}: headline '{headline}' is not the page's heading '{heading}'");
            }
            if (date is null || published is null || !published.StartsWith(date, StringComparison.Ordinal))
            {
                problems.Add($"{file}: datePublished '{published}' is not the page's date '{date}'");
            }
        }
        Assert.True(problems.Count == 0, Report(problems));

        static IEnumerable<JsonElement> JsonObjects(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().SelectMany(JsonObjects),
            JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) => JsonObjects(graph),
            JsonValueKind.Object => [element],
            _ => [],
        };
    }

    // ---- Weight, and nothing loaded from elsewhere ----

    [Fact]
    public void An_article_page_with_its_style_sheets_scripts_and_images_weighs_under_100_KB()
    {
        const long Limit = 100 * 1000;
        var commentaries = CommentaryPages.ToList();
        Assert.NotEmpty(commentaries);
        var problems = new List<string>();
        foreach (var file in commentaries)
        {
            var page = site.Parse(file);
            var parts = new Dictionary<string, long> { [file] = new FileInfo(site.PathOf(file)).Length };
            foreach (var resource in LoadedResources(page))
            {
                var target = site.FileFor(new Uri(PublishedSite.UrlOf(file), resource));
                if (target is null || parts.ContainsKey(target))
                {
                    continue;
                }
                parts[target] = new FileInfo(site.PathOf(target)).Length;
                if (target.EndsWith(".css", StringComparison.Ordinal))
                {
                    foreach (Match url in CssUrl().Matches(site.Read(target)))
                    {
                        var inner = site.FileFor(new Uri(PublishedSite.UrlOf(target), url.Groups["url"].Value));
                        if (inner is not null)
                        {
                            parts.TryAdd(inner, new FileInfo(site.PathOf(inner)).Length);
                        }
                    }
                }
            }
            var total = parts.Values.Sum();
            if (total >= Limit)
            {
                problems.Add($"{file} weighs {total:N0} bytes: " + string.Join(", ", parts.Select(p => $"{p.Key} {p.Value:N0}")));
            }
        }
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void No_page_loads_anything_from_outside_the_site()
    {
        var problems = new List<string>();
        foreach (var file in site.HtmlFiles)
        {
            var page = site.Parse(file);
            problems.AddRange(LoadedResources(page).Where(IsElsewhere).Select(url => $"{file}: loads {url}"));
            problems.AddRange(page.QuerySelectorAll("style").SelectMany(s => CssUrl().Matches(s.TextContent))
                .Select(m => m.Groups["url"].Value).Where(IsElsewhere).Select(url => $"{file}: its style loads {url}"));
        }
        foreach (var sheet in Directory.EnumerateFiles(site.Output, "*.css", SearchOption.AllDirectories))
        {
            problems.AddRange(CssUrl().Matches(File.ReadAllText(sheet)).Select(m => m.Groups["url"].Value).Where(IsElsewhere)
                .Select(url => $"{Path.GetRelativePath(site.Output, sheet)}: loads {url}"));
        }
        Assert.True(problems.Count == 0, Report(problems));

        static bool IsElsewhere(string url) =>
            !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            && (url.StartsWith("//", StringComparison.Ordinal) || url.Contains("://", StringComparison.Ordinal))
            && !url.StartsWith(PublishedSite.BaseUrl.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What a browser fetches to show a page: style sheets, icons, scripts, images, frames; not links a reader follows, nor metadata.</summary>
    private static IEnumerable<string> LoadedResources(IDocument page)
    {
        var metadata = new[] { "canonical", "alternate", "author", "license", "help", "next", "prev", "search" };
        foreach (var link in page.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!rel.All(metadata.Contains))
            {
                yield return link.GetAttribute("href")!;
            }
        }
        foreach (var element in page.QuerySelectorAll("script[src], img[src], source[src], iframe[src], video[src], audio[src], embed[src], track[src], input[src]"))
        {
            yield return element.GetAttribute("src")!;
        }
        foreach (var element in page.QuerySelectorAll("img[srcset], source[srcset]"))
        {
            foreach (var candidate in element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return candidate.Split(' ')[0];
            }
        }
        foreach (var element in page.QuerySelectorAll("object[data]"))
        {
            yield return element.GetAttribute("data")!;
        }
        foreach (var element in page.QuerySelectorAll("[style]"))
        {
            foreach (Match url in CssUrl().Matches(element.GetAttribute("style")!))
            {
                yield return url.Groups["url"].Value;
            }
        }
    }

    // ---- Citations and feeds per entry ----

    [Fact]
    public void Every_commentary_has_its_citation_tags_a_cite_block_and_its_reference_files_beside_it()
    {
        Assert.NotEmpty(CommentaryPages);
        foreach (var file in CommentaryPages)
        {
            var page = site.Parse(file);
            var folder = file[..(file.LastIndexOf('/') + 1)];
            Assert.Equal(page.QuerySelector("h1")?.TextContent.Trim(), page.QuerySelector("meta[name='citation_title']")?.GetAttribute("content"));
            Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", page.QuerySelector("meta[name='citation_publication_date']")?.GetAttribute("content") ?? "");
            Assert.Equal(UrlOfPage(file), page.QuerySelector("meta[name='citation_public_url']")?.GetAttribute("content"));
            var cite = page.QuerySelector("section.cite");
            Assert.True(cite is not null, $"{file} has no Cite this block");
            Assert.Contains(page.QuerySelector("h1")!.TextContent.Trim(), cite!.QuerySelector(".reference")!.TextContent);
            foreach (var name in new[] { "cite.bib", "cite.ris", "cite.json" })
            {
                Assert.Contains(new Uri(PublishedSite.UrlOf(file), name), cite.QuerySelectorAll("a[download]").Select(a => new Uri(PublishedSite.UrlOf(file), a.GetAttribute("href"))));
                Assert.True(site.Exists(folder + name), $"{folder}{name} was not written");
            }
        }
    }

    private static string UrlOfPage(string file) => PublishedSite.UrlOf(file).AbsoluteUri;

    [Fact]
    public void Every_term_and_actor_page_names_its_own_Atom_feed_which_lists_the_commentaries_that_mention_it()
    {
        var entries = site.Pages.Where(f => (f.StartsWith("glossary/", StringComparison.Ordinal) || f.StartsWith("actors/", StringComparison.Ordinal)) && f.Count(c => c == '/') == 2).ToList();
        Assert.True(entries.Count > 30, $"only {entries.Count} term and actor pages");
        foreach (var file in entries)
        {
            var folder = file[..(file.LastIndexOf('/') + 1)];
            var page = site.Parse(file);
            Assert.Contains(PublishedSite.BasePath + folder + "feed.xml",
                page.QuerySelectorAll("link[rel='alternate'][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
            var feed = XDocument.Load(site.PathOf(folder + "feed.xml")).Root!;
            Assert.Equal(Atom + "feed", feed.Name);
            AssertRfc3339(feed.Element(Atom + "updated")?.Value, $"{folder}feed.xml's updated");
            // The feed lists what the page lists under "Mentioned in", newest first.
            var listed = page.QuerySelectorAll("ol.mentioned-in > li > a").Select(a => a.TextContent.Trim()).Take(20).ToList();
            Assert.Equal(listed, feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList());
            foreach (var entry in feed.Elements(Atom + "entry"))
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")?.Value), $"{folder}feed.xml: an entry has no id");
                AssertRfc3339(entry.Element(Atom + "updated")?.Value, $"{folder}feed.xml: an entry's updated");
                var href = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value;
                Assert.True(site.Exists(new Uri(href).AbsolutePath[PublishedSite.BasePath.Length..] + "index.html"), $"{folder}feed.xml links {href}, which is not a page");
            }
        }
    }

    // ---- Helpers ----

    private static bool IsRfc3339(string? text) =>
        text is not null && Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, out _);

    private static void AssertRfc3339(string? text, string what) =>
        Assert.True(IsRfc3339(text), $"{what} '{text}' is not an RFC 3339 date-time");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex("""url\(\s*"(?<url>[^"]*)"\s*\)|url\(\s*'(?<url>[^']*)'\s*\)|url\(\s*(?<url>[^'"\)\s]+)\s*\)|@import\s+["'](?<url>[^"']+)["']""")]
    private static partial Regex CssUrl();
}
