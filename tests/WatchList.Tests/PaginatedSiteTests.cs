using System.Xml.Linq;
using AngleSharp.Dom;

namespace WatchList.Tests;

/// <summary>
/// Listings cut into pages, on a generated site of 60 commentaries with 4 to a page: every page is reached
/// by links and is in the sitemap, and following previous/next through a year of the archive or through the
/// mentions of a term visits every commentary once, newest first.
/// </summary>
public sealed class PaginatedSiteTests(PaginatedSite site) : IClassFixture<PaginatedSite>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static string Report(IEnumerable<string> problems) => string.Join("\n", problems);

    private IEnumerable<string> NumberedPages => site.Pages.Where(f => f.Contains("/page/", StringComparison.Ordinal));

    [Fact]
    public void The_archive_and_the_term_and_actor_pages_run_to_numbered_pages()
    {
        Assert.Contains(NumberedPages, f => f.StartsWith("glossary/", StringComparison.Ordinal));
        Assert.Contains(NumberedPages, f => f.StartsWith("actors/", StringComparison.Ordinal));
        Assert.Contains(NumberedPages, f => f.StartsWith("archive/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawling_finds_no_broken_link_and_reaches_every_page_numbered_pages_included()
    {
        var crawl = await site.CrawlAsync();
        Assert.True(crawl.BrokenLinks.Count == 0, $"{crawl.BrokenLinks.Count} broken links:\n{Report(crawl.BrokenLinks.Select(b => b.ToString()))}");
        var orphans = site.Pages.Select(f => PublishedSite.UrlOf(f).AbsolutePath).Where(p => !crawl.PagesReached.Contains(p)).ToList();
        Assert.True(orphans.Count == 0, "pages nothing links to:\n" + Report(orphans));
        Assert.NotEmpty(NumberedPages);
    }

    [Fact]
    public void The_sitemap_lists_every_page_numbered_pages_included_and_nothing_else()
    {
        var listed = XDocument.Load(site.PathOf("sitemap.xml")).Root!
            .Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value.Trim()).ToList();
        var pages = site.Pages.Select(f => PublishedSite.UrlOf(f).ToString()).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        var missing = pages.Except(listed).Order().ToList();
        var extra = listed.Except(pages).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing from the sitemap:\n{Report(missing)}\nlisted but not pages:\n{Report(extra)}");
    }

    /// <summary>The pages of one listing from its first, by rel=next, checking that each next page's rel=prev leads back.</summary>
    private List<(string File, IDocument Page)> Follow(string first)
    {
        var pages = new List<(string, IDocument)>();
        for (var file = first; ;)
        {
            var page = site.Parse(file);
            pages.Add((file, page));
            Assert.True(pages.Count <= 100, $"{first}: rel=next goes round in circles");
            var next = page.QuerySelector("nav.pages a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                Assert.Null(page.QuerySelector("nav.pages a[rel=next]"));
                return pages;
            }
            var nextFile = PaginatedSite.FileOf(next);
            Assert.True(site.Exists(nextFile), $"{file}: rel=next leads to {next}, which is not a page");
            var back = site.Parse(nextFile).QuerySelector("nav.pages a[rel=prev]")?.GetAttribute("href");
            Assert.True(back is not null && PaginatedSite.FileOf(back) == file, $"{nextFile}: rel=prev is '{back}', not back to {file}");
            file = nextFile;
        }
    }

    private static IEnumerable<string> Dates(IDocument page, string list) =>
        page.QuerySelectorAll($"{list} > li time").Select(t => t.GetAttribute("datetime")!);

    [Fact]
    public void Following_next_through_each_year_of_the_archive_lists_every_commentary_once_a_page_size_at_a_time()
    {
        var years = site.Parse("archive/index.html").QuerySelectorAll("#by-year ~ ul a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(years);
        var listed = new List<string>();
        var paginated = 0;
        foreach (var year in years)
        {
            var pages = Follow(PaginatedSite.FileOf(year));
            paginated += pages.Count > 1 ? 1 : 0;
            var count = pages.Count;
            foreach (var (file, page) in pages)
            {
                var links = page.QuerySelectorAll("ul.archive-list > li > a").Select(a => a.GetAttribute("href")!).ToList();
                Assert.InRange(links.Count, 1, PaginatedSite.PageSize);
                // Every page offers the jump to every other page of the year.
                var jumps = page.QuerySelectorAll("nav.pages li a").Select(a => PaginatedSite.FileOf(a.GetAttribute("href")!)).ToHashSet();
                Assert.True(count == 1 || jumps.IsSupersetOf(pages.Select(p => p.File)) || count > 5, $"{file}: cannot jump to every page of its year");
                listed.AddRange(links);
            }
            var dates = pages.SelectMany(p => Dates(p.Page, "ul.archive-list")).ToList();
            Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
            Assert.All(dates, d => Assert.StartsWith(PaginatedSite.FileOf(year).Split('/')[1], d));
        }
        Assert.True(paginated > 0, "no year ran to a second page");
        Assert.Equal(listed.Count, listed.Distinct().Count());
        var commentaries = site.Pages.Where(f => f.StartsWith("commentaries/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(PaginatedSite.Commentaries, commentaries.Count);
        Assert.True(commentaries.SetEquals(listed.Select(PaginatedSite.FileOf)), "the years together do not list every commentary");
    }

    [Theory]
    [InlineData("glossary")]
    [InlineData("actors")]
    public void An_entrys_page_quotes_its_latest_mentions_and_its_numbered_pages_list_every_older_one_once(string folder)
    {
        var entries = site.Pages.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal) && f.Count(c => c == '/') == 2).ToList();
        var checkedPaginated = 0;
        foreach (var entry in entries)
        {
            var pages = Follow(entry);
            var first = pages[0].Page;
            var heading = first.QuerySelectorAll("h2").Select(h => h.TextContent).FirstOrDefault(t => t.StartsWith("Mentioned in", StringComparison.Ordinal));
            var recent = first.QuerySelectorAll("ol.mentioned-in > li").ToList();
            Assert.True(recent.Count <= PaginatedSite.RecentMentions, $"{entry} quotes {recent.Count} mentions");
            Assert.All(recent, li => Assert.NotNull(li.QuerySelector("p.kwic")));
            if (pages.Count == 1)
            {
                continue;
            }
            checkedPaginated++;
            Assert.Equal(PaginatedSite.RecentMentions, recent.Count);
            var total = int.Parse(pages[1].Page.QuerySelector("main h2")!.TextContent.Split(' ')[2]);
            var listedBefore = recent.Count;
            var older = pages.Skip(1).SelectMany(p =>
            {
                var items = p.Page.QuerySelectorAll("ol.mentioned-in > li").ToList();
                Assert.InRange(items.Count, 1, PaginatedSite.PageSize);
                // The numbering goes on from the pages before.
                Assert.Equal((listedBefore + 1).ToString(), p.Page.QuerySelector("ol.mentioned-in")!.GetAttribute("start"));
                listedBefore += items.Count;
                Assert.Equal(p.File, PaginatedSite.FileOf(p.Page.QuerySelector("nav.pages a[aria-current=page]")!.GetAttribute("href")!));
                return items;
            }).ToList();
            var all = recent.Concat(older).Select(li => li.QuerySelector("a")!.GetAttribute("href")!.Split('#')[0]).ToList();
            Assert.Equal(total, all.Count);
            Assert.Equal(all.Count, all.Distinct().Count());
            var dates = recent.Concat(older).Select(li => li.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
            Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
            Assert.Contains("page 2 of", pages[1].Page.Title);
        }
        Assert.True(checkedPaginated > 0, $"no page of {folder} ran to a second page");
    }

    [Fact]
    public void The_archive_front_page_links_every_year_and_series_with_how_many_commentaries_each_holds()
    {
        var archive = site.Parse("archive/index.html");
        var counts = archive.QuerySelectorAll("#by-year ~ ul > li").Select(li => int.Parse(li.QuerySelector(".count")!.TextContent.Split(' ')[0])).ToList();
        Assert.Equal(PaginatedSite.Commentaries, counts.Sum());
        var series = archive.QuerySelectorAll("#by-series ~ ul a").Select(a => PaginatedSite.FileOf(a.GetAttribute("href")!)).ToList();
        Assert.NotEmpty(series);
        Assert.All(series, file => Assert.True(site.Exists(file), $"{file} is linked from the archive but missing"));
        Assert.True(archive.DocumentElement.OuterHtml.Length < 64 * 1024, "the archive's front page lists more than years and series");
    }
}
