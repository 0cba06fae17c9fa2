using System.Diagnostics;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsCheck;
using WatchList.Pipeline;

namespace WatchList.Site.Tests.Citations;

/// <summary>Citation meta tags, the "Cite this" block and the reference files, read back by Citation.js as a reference manager would.</summary>
public class CitationTests
{
    private const string Tricky = "commentaries/2019-05-01-tricky.md";

    /// <summary>A title with every character BibTeX, RIS and JSON treat specially.</summary>
    private const string TrickyTitle = "Sanctions {relief} & 100% of \"costs\": $5 #1 a_b ^ ~ \\ test";

    private static void WriteTricky(TestSite site) => site.Write(Tricky, """
        ---
        title: 'Sanctions {relief} & 100% of "costs": $5 #1 a_b ^ ~ \ test'
        date: 2019-05-01
        summary: "Two lines\nof summary."
        series: Watch List 2019
        authors: [Christopher Green, Jane Q. Doe]
        publisher: International Crisis Group
        ---
        Text.
        """);

    [Fact]
    public async Task A_commentary_page_has_the_Highwire_Press_tags_Zotero_and_Google_Scholar_read()
    {
        using var site = TestSite.WithGoodContent();
        WriteTricky(site);
        await site.BuildGoodOutputAsync();

        var page = new HtmlParser().ParseDocument(site.ReadOutput("commentaries/tricky/index.html"));
        string[] Meta(string name) => [.. page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!)];
        Assert.Equal([TrickyTitle], Meta("citation_title"));
        Assert.Equal(["Christopher Green", "Jane Q. Doe"], Meta("citation_author"));
        Assert.Equal(["2019/05/01"], Meta("citation_publication_date"));
        Assert.Equal(["International Crisis Group"], Meta("citation_publisher"));
        Assert.Equal(["https://example.org/commentaries/tricky/"], Meta("citation_public_url"));
        Assert.Empty(Meta("citation_pdf_url"));
        var cite = page.QuerySelector("section.cite")!;
        Assert.Equal($"Green, Christopher, and Jane Q. Doe. “{TrickyTitle}.” Watch List 2019. International Crisis Group, May 1, 2019. https://example.org/commentaries/tricky/.",
            cite.QuerySelector(".reference")!.TextContent);
        var pageUrl = new Uri("https://example.org/commentaries/tricky/");
        Assert.Equal(["https://example.org/commentaries/tricky/cite.bib", "https://example.org/commentaries/tricky/cite.ris", "https://example.org/commentaries/tricky/cite.json"],
            cite.QuerySelectorAll("a[download]").Select(a => new Uri(pageUrl, a.GetAttribute("href")).AbsoluteUri));
    }

    [Fact]
    public async Task A_PDF_kept_beside_a_commentary_is_its_citation_pdf_url_and_linked_from_the_cite_block()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-talks/index.md", "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\nText.\n");
        site.WriteBytes("commentaries/2019-05-01-talks/talks.pdf", [0x25, 0x50, 0x44, 0x46]);
        await site.BuildGoodOutputAsync();

        var page = new HtmlParser().ParseDocument(site.ReadOutput("commentaries/talks/index.html"));
        Assert.Equal("https://example.org/commentaries/talks/talks.pdf", page.QuerySelector("meta[name='citation_pdf_url']")?.GetAttribute("content"));
        Assert.Equal("/commentaries/talks/talks.pdf", page.QuerySelector("section.cite a:not([download])")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_BibTeX_RIS_and_CSL_JSON_files_are_read_back_by_Citation_js_with_every_field_intact()
    {
        using var site = TestSite.WithGoodContent();
        WriteTricky(site);
        await site.BuildGoodOutputAsync();
        var folder = Path.Combine(site.Output, "commentaries", "tricky");

        var read = ReadWithCitationJs([.. new[] { "cite.bib", "cite.ris", "cite.json" }.Select(f => Path.Combine(folder, f))]);

        foreach (var (file, result) in read.RootElement.EnumerateObject().Select(p => (p.Name, p.Value)))
        {
            var item = Assert.Single(result.GetProperty("items").EnumerateArray().ToList());
            Assert.True(TrickyTitle == item.GetProperty("title").GetString(), $"{file}: title {item.GetProperty("title")}");
            Assert.Equal(["Green, Christopher", "Doe, Jane Q."], item.GetProperty("author").EnumerateArray()
                .Select(a => $"{a.GetProperty("family").GetString()}, {a.GetProperty("given").GetString()}"));
            Assert.Equal("[[2019,5,1]]", item.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "").Replace("\n", ""));
            Assert.Equal("https://example.org/commentaries/tricky/", item.GetProperty("URL").GetString());
            Assert.Equal("International Crisis Group", item.GetProperty("publisher").GetString());
        }
        Assert.Contains("\r\nER  - \r\n", File.ReadAllText(Path.Combine(folder, "cite.ris")));
        Assert.Contains("AB  - Two lines of summary.\r\n", File.ReadAllText(Path.Combine(folder, "cite.ris")));
    }

    /// <summary>Runs tests/tools/read-citations.mjs (Citation.js, installed by test.sh) on the files.</summary>
    private static JsonDocument ReadWithCitationJs(string[] files)
    {
        var tools = Path.Combine(TestSite.RepositoryRoot, "tests", "tools");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "@citation-js", "plugin-ris")),
            "Citation.js is missing: run `npm ci` in tests/tools (./test.sh does)");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tools };
        start.ArgumentList.Add(Path.Combine(tools, "read-citations.mjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"Citation.js could not read the files: {errors}");
        return JsonDocument.Parse(output.Result);
    }

    // ---- Feeds per term and per actor ----

    [Fact]
    public async Task Each_term_and_actor_has_an_Atom_feed_of_the_commentaries_mentioning_it_linked_from_its_page()
    {
        using var site = TestSite.WithGoodContent();
        var output = await site.BuildGoodOutputAsync();

        var feeds = output.Keys.Where(k => k.EndsWith("/feed.xml")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["actors/kim-jong-un/feed.xml", "actors/north-korea/feed.xml", "glossary/six-party-talks/feed.xml", "glossary/yongbyon/feed.xml"], feeds);
        foreach (var feed in feeds.Append("feed.xml"))
        {
            // A real feed reader's parser: .NET's Atom 1.0 formatter rejects a feed that is not Atom.
            using var reader = XmlReader.Create(Path.Combine(site.Output, feed));
            var formatter = new Atom10FeedFormatter();
            Assert.True(formatter.CanRead(reader), $"{feed} is not an Atom feed");
            formatter.ReadFrom(reader);
            var parsed = formatter.Feed;
            Assert.False(string.IsNullOrWhiteSpace(parsed.Title?.Text), $"{feed} has no title");
            Assert.False(string.IsNullOrWhiteSpace(parsed.Id), $"{feed} has no id");
            Assert.NotEqual(default, parsed.LastUpdatedTime);
            var self = Assert.Single(parsed.Links, l => l.RelationshipType == "self");
            Assert.Equal("https://example.org/" + feed, self.GetAbsoluteUri().AbsoluteUri);
            foreach (var entry in parsed.Items)
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Id), $"{feed}: an entry has no id");
                Assert.False(string.IsNullOrWhiteSpace(entry.Title?.Text), $"{feed}: an entry has no title");
                Assert.NotEqual(default, entry.LastUpdatedTime);
                Assert.Contains(entry.Links, l => l.RelationshipType == "alternate");
            }
        }

        var north = XDocument.Load(Path.Combine(site.Output, "actors/north-korea/feed.xml")).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(["North Korea: Getting Back to the Table"], north.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("North Korea · Test Watch List", north.Element(atom + "title")!.Value);

        var page = new HtmlParser().ParseDocument(site.ReadOutput("actors/north-korea/index.html"));
        var links = page.QuerySelectorAll("link[rel='alternate'][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/actors/north-korea/feed.xml", links);
    }

    // ---- Redirects ----

    [Fact]
    public async Task An_old_address_gets_a_page_that_sends_readers_on_under_the_base_path_and_is_not_indexed()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-talks.md", "---\ntitle: Talks & More\ndate: 2019-05-01\nsummary: S.\nredirect_from: [/2019/05/old-talks/, /talks.html, /old/talks]\n---\nText.\n");

        var report = await site.BuildAsync(new Uri("https://example.github.io/watchlist/"));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));

        foreach (var file in new[] { "2019/05/old-talks/index.html", "talks.html", "old/talks/index.html" })
        {
            var page = new HtmlParser().ParseDocument(site.ReadOutput(file));
            Assert.Equal("0; url=/watchlist/commentaries/talks/", page.QuerySelector("meta[http-equiv='refresh']")?.GetAttribute("content"));
            Assert.Equal("https://example.github.io/watchlist/commentaries/talks/", page.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
            Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
            var link = page.QuerySelector("a")!;
            Assert.Equal(("/watchlist/commentaries/talks/", "Talks & More"), (link.GetAttribute("href"), link.TextContent));
        }
        Assert.DoesNotContain("old-talks", site.ReadOutput("sitemap.xml"));
    }

    [Theory]
    [InlineData("[https://elsewhere.example/x/]", 5, 17, "is an address on another site")]
    [InlineData("[//elsewhere.example/x/]", 5, 17, "is an address on another site")]
    [InlineData("[/a/../../b/]", 5, 17, "leaves the site's folder")]
    [InlineData("[old/]", 5, 17, "is not written from the site root")]
    [InlineData("[/ok/, /x?page=2]", 5, 23, "has a query or fragment")]
    public async Task An_old_address_that_leaves_the_site_is_an_error_at_its_front_matter_line(string list, int line, int column, string problem)
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-talks.md", $"---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\nredirect_from: {list}\n---\nText.\n");

        var report = await SiteBuilder.CheckAsync(site.Options());

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(new SourceLocation(site.Shown("commentaries/2019-05-01-talks.md"), line, column), error.Location);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("[/glossary/yongbyon/]", "'/glossary/yongbyon/' would be written twice: here and by ")]
    [InlineData("[/old/, /old/]", "'/old/' would be written twice: here and by ")]
    public async Task An_old_address_that_a_page_or_another_redirect_has_is_an_error_at_its_front_matter_line(string list, string message)
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-talks.md", $"---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\nredirect_from: {list}\n---\nText.\n");

        var report = await SiteBuilder.CheckAsync(site.Options());

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(site.Shown("commentaries/2019-05-01-talks.md"), error.Location.Path);
        Assert.Equal(5, error.Location.Line);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_BibTeX_field_is_one_line_with_every_special_character_escaped()
    {
        Gen.OneOf("a", "Kim", "é", " ", "  ", "\n", "\r\n", "\t", "\u00A0", "\u3000", "\\", "{", "}", "$", "&", "%", "#", "_", "^", "~")
            .Array[0, 20].Select(string.Concat)
            .Sample(value => Assert.Equal(TeXDefinition(value), WatchList.Site.Citations.Citation.TeX(value)), iter: 2000);
    }

    /// <summary>White space runs as one space, none at the ends, then each special character escaped as TeX writes it.</summary>
    private static string TeXDefinition(string value) => string.Concat(
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(c => c switch
        {
            '\\' => "\\textbackslash{}",
            '^' => "\\textasciicircum{}",
            '~' => "\\textasciitilde{}",
            '{' or '}' or '$' or '&' or '%' or '#' or '_' => "\\" + c,
            _ => c.ToString(),
        }));
}
