using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace WatchList.Tests;

/// <summary>One end-to-end build of the real <c>input/</c> with the real theme, published under a sub-path.</summary>
public sealed class RealSiteTests : IDisposable
{
    private const string BasePath = "/watchlist/";
    private static readonly HtmlParser Parser = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "watchlist-real-" + Guid.NewGuid().ToString("N"), "_site");

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private IDocument Page(string sitePath)
    {
        var file = Path.Combine(_output, sitePath.TrimStart('/'), sitePath.EndsWith('/') ? "index.html" : "");
        Assert.True(File.Exists(file), $"{sitePath} was not written");
        return Parser.ParseDocument(File.ReadAllText(file));
    }

    [Fact]
    public async Task The_real_content_builds_into_a_site_under_its_base_path()
    {
        await BuildRealSite();

        // The home page lists both commentaries, newest first, with their dates.
        var home = Page("/");
        var listed = home.QuerySelectorAll("main a[href*='/commentaries/']")
            .Select(a => (Href: a.GetAttribute("href")!, Title: a.TextContent.Trim()))
            .DistinctBy(a => a.Href)
            .ToList();
        Assert.Equal(
            ["North Korea: Getting Back to the Table", "All Eyes on Tangible Results from U.S.-North Korea Summit"],
            listed.Select(a => a.Title));
        Assert.Equal(["2019-04-26", "2019-02-25"],
            home.QuerySelectorAll("main time[datetime]").Select(t => t.GetAttribute("datetime")).Distinct());

        // Each commentary has its page at /commentaries/<slug>/ with its title as the heading.
        foreach (var (href, title) in listed)
        {
            Assert.StartsWith(BasePath + "commentaries/", href);
            var slug = href[(BasePath + "commentaries/").Length..].TrimEnd('/');
            Assert.Matches("^[a-z0-9-]+$", slug);
            var page = Page($"/commentaries/{slug}/");
            Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
        }
        Assert.True(File.Exists(Path.Combine(_output, "commentaries", "north-korea-getting-back-to-the-table", "index.html")));
        Assert.True(File.Exists(Path.Combine(_output, "commentaries", "all-eyes-on-tangible-results-from-us-north-korea-summit", "index.html")));

        // Every link within the site is under the base path.
        var outside = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories)
            .SelectMany(file => Parser.ParseDocument(File.ReadAllText(file))
                .QuerySelectorAll("[href], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(url => url.StartsWith('/') && !url.StartsWith(BasePath, StringComparison.Ordinal))
                .Select(url => $"{Path.GetRelativePath(_output, file)}: {url}"))
            .ToList();
        Assert.Empty(outside);
    }

    private async Task BuildRealSite()
    {
        var root = TestSite.RepositoryRoot;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["build", "--input", Path.Combine(root, "input"), "--output", _output, "--theme", Path.Combine(root, "theme"),
             "--base-url", "https://example.github.io/watchlist/"],
            output, errors);
        Assert.True(code == 0, $"exit {code}\n{errors}\n{output}");
        Assert.DoesNotContain("warning", errors.ToString());
    }

    [Theory]
    [InlineData("north-korea-getting-back-to-the-table")]
    [InlineData("all-eyes-on-tangible-results-from-us-north-korea-summit")]
    public async Task Both_commentaries_link_the_key_terms_from_running_text(string slug)
    {
        await BuildRealSite();
        var page = Page($"/commentaries/{slug}/");
        var body = page.QuerySelector("article .body")!;
        foreach (var term in new[] { "yongbyon", "kaesong-industrial-complex" })
        {
            var link = body.QuerySelector($"a.mention[href='{BasePath}glossary/{term}/']");
            Assert.True(link is not null, $"{slug} does not link {term}");
            Assert.True(link!.Closest("p, li") is not null, $"{term} is linked outside running text in {slug}");
        }
        // The Six-Party Talks are mentioned in the first commentary only.
        var sixParty = body.QuerySelector($"a.mention[href='{BasePath}glossary/six-party-talks/']");
        Assert.Equal(body.TextContent.Contains("Six-Party Talks"), sixParty is not null);
    }

    [Fact]
    public async Task No_mention_link_stands_inside_a_heading_code_or_another_link_anywhere_in_the_site()
    {
        await BuildRealSite();
        var misplaced = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories)
            .SelectMany(file => Parser.ParseDocument(File.ReadAllText(file))
                .QuerySelectorAll("h1 a.mention, h2 a.mention, h3 a.mention, h4 a.mention, h5 a.mention, h6 a.mention, code a, pre a, a a")
                .Select(a => $"{Path.GetRelativePath(_output, file)}: {a.OuterHtml}"))
            .ToList();
        Assert.Empty(misplaced);
    }

    [Fact]
    public async Task Every_term_and_actor_page_lists_every_commentary_that_mentions_it()
    {
        await BuildRealSite();
        var checkedTargets = 0;
        foreach (var commentary in Directory.EnumerateDirectories(Path.Combine(_output, "commentaries")))
        {
            var slug = Path.GetFileName(commentary);
            var page = Page($"/commentaries/{slug}/");
            var targets = page.QuerySelectorAll("article .body a.mention")
                .Select(a => a.GetAttribute("href")!)
                .Distinct()
                .ToList();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
            {
                var entry = Page(target[(BasePath.Length - 1)..]);
                var listed = entry.QuerySelectorAll(".mentioned-in a").Select(a => a.GetAttribute("href")!).ToList();
                Assert.Contains(listed, href => href.StartsWith($"{BasePath}commentaries/{slug}/", StringComparison.Ordinal));
                checkedTargets++;
            }
        }
        Assert.True(checkedTargets > 50, $"only {checkedTargets} mentions were checked");
    }
}
