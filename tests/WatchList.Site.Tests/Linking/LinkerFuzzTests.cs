using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using CsCheck;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;

namespace WatchList.Site.Tests.Linking;

/// <summary>
/// Thousands of generated and mutated Markdown bodies and front matters thrown at parsing and linking.
/// Every one must give a page or located errors: no crash, no hang, no link inside a link, no text lost or
/// duplicated, and written links under the base path.
/// </summary>
public class LinkerFuzzTests
{
    private const string BasePath = "/base/";
    private static readonly SiteSettings Settings = new("Fuzz", "", new Uri("https://owner.github.io" + BasePath), "en", "");
    private static readonly MarkdownRenderer Markdown = new();
    private static readonly HtmlParser Html = new();

    /// <summary>Pieces prose and Markdown are made of, names and traps among them.</summary>
    private static readonly string[] Pieces =
    [
        "Kim", "Kim Jong-un", "Kim\nJong-un", "Kim Yo-jong", "the Kim family", "Kim regime", "Chairman Kim", "Moon", "Moon Jae-in",
        "Moon Chung-in", "Foreign Minister Ri", "Ri Son-gwon", "North Korea", "North\nKorea's", "Pyongyang's", "Washington",
        "Washington Post", "Seoul National University", "South China Sea", "Sea of Japan", "US", "us", "U.S.", "USA", "Yongbyon",
        "sanctions", "sanctions regime", "joint statement", "a joint statement", "Party Congress", "Congress", "The", "In", "and", "of",
        "said", ".", ",", ";", ":", "'s", "’s", "\"", "“", "”", "(", ")", "-", "—", " ", "  ", "\t", "\n", "\n\n", "  \n", "\\\n",
        "*", "**", "_", "__", "~~", "`", "``", "[", "]", "[[", "]]", "|", "[[kim-jong-un]]", "[[Yongbyon|the site]]", "[[nowhere]]",
        "# ", "## ", "> ", "- ", "1. ", "    ", "```\n", "---\n", "| a | b |\n|---|---|\n| ", "[^1]", "[^1]: note ",
        "[the other piece](/commentaries/x/)", "[Kim Jong-un](/actors/kim-jong-un/)", "![map of Yongbyon](/assets/map.png)",
        "[ref]", "\n\n[ref]: /commentaries/y/\n\n", "<https://example.org/US>", "https://example.org/Kim",
        "<span>", "</span>", "<a href=\"https://example.org/\">", "</a>", "<!-- autolink off -->", "<!-- autolink on -->", "<br>",
        "&amp;", "&#x4B;im", "é", "\u00A0", "\u0301", "\u200B", "😀", "\r\n",
    ];

    private static readonly LinkTarget[] Targets =
    [
        Entries.Actor("kim-jong-un", "Kim Jong-un", "Kim Jong Un") with
        {
            ShortNames = ["Kim", "Chairman Kim"], NeverLink = ["Kim family", "Kim regime"],
        },
        Entries.Actor("moon-jae-in", "Moon Jae-in") with { ShortNames = ["Moon"] },
        Entries.Actor("ri-yong-ho", "Ri Yong-ho") with { ShortNames = ["Foreign Minister Ri"] },
        Entries.Actor("north-korea", "North Korea", "North Korean", "Pyongyang", "DPRK"),
        Entries.Actor("united-states", "United States", "US", "U.S.", "USA", "Washington"),
        Entries.Actor("us-congress", "US Congress", "Congress"),
        Entries.Actor("japan", "Japan"),
        Entries.Term("yongbyon", "Yongbyon", "Yongbyon nuclear complex"),
        Entries.Term("un-sanctions-regime", "UN sanctions regime", "sanctions regime"),
        Entries.Term("singapore-joint-statement", "Singapore Joint Statement") with
        {
            ShortNames = ["joint statement"], NeverLink = ["a joint statement"],
        },
    ];

    private static readonly MentionLinker Linker = new([.. Targets]);
    private static readonly MentionLinker NoTargets = new([]);

    private static readonly Gen<string> Generated = Gen.OneOf(Pieces).Array[0, 60].Select(p => string.Concat(p));

    /// <summary>Real prose (the gold commentaries), cut, repeated and spliced with pieces.</summary>
    private static readonly Gen<string> Mutated = Gen.Select(
        Gen.OneOf(Directory.GetFiles(Path.Combine(TestSite.RepositoryRoot, "tests", "WatchList.Site.Tests", "Linking", "Gold"), "*.md")
            .Select(File.ReadAllText).Select(t => t[(t.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]).ToArray()),
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Double[0, 1], Gen.OneOf(Pieces)).Array[1, 12],
        (text, edits) =>
        {
            foreach (var (kind, at, length, piece) in edits)
            {
                var start = (int)(at * text.Length);
                var count = Math.Min(text.Length - start, (int)(length * 200));
                text = kind switch
                {
                    0 => text.Insert(start, piece),
                    1 => text.Remove(start, count),
                    2 => text.Insert(start, text.Substring(start, count)),
                    _ => text.Replace(" ", piece.Length == 1 ? piece : " ", StringComparison.Ordinal),
                };
            }
            return text;
        });

    [Fact]
    public async Task Generated_and_mutated_Markdown_links_without_crash_nested_links_lost_text_or_lost_base_path()
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => Gen.Frequency((4, Generated), (1, Mutated)).Sample(CheckPage, iter: 2500, threads: 1));

        // A hang fails the test instead of stalling the suite.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "linking hung on a generated input");
        await run;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"2500 pages took {clock.Elapsed}");
    }

    private static void CheckPage(string markdown)
    {
        var linked = Render(markdown, Linker);
        var plain = Render(markdown, NoTargets);
        if (linked.Html is null || plain.Html is null)
        {
            // Markdown too deep to render is refused with an error at the body, not a crash.
            Assert.Contains(linked.Diagnostics, d => d.Severity == Severity.Error && d.Location.Line >= 1);
            return;
        }

        // Every problem is located in the file.
        Assert.All(linked.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Path.Length > 0, d.ToString()));
        var page = Html.ParseDocument(linked.Html);
        // The linker makes no link inside a link, as a browser builds the page (an editor may nest their own).
        Assert.Empty(page.QuerySelectorAll("a a.mention, a.mention a"));
        // No text lost or duplicated: the page reads as the same Markdown without mention links.
        Assert.Equal(Html.ParseDocument(plain.Html).Body!.TextContent, page.Body!.TextContent);
        // Written links and mention links are under the base path.
        foreach (var attribute in page.QuerySelectorAll("a[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            Assert.True(!attribute.StartsWith('/') || attribute.StartsWith("//", StringComparison.Ordinal) || attribute.StartsWith(BasePath, StringComparison.Ordinal),
                $"'{attribute}' is not under {BasePath}");
        }
        Assert.All(page.QuerySelectorAll("a.mention"), a => Assert.StartsWith(BasePath, a.GetAttribute("href")));
    }

    /// <summary>A body linked and rendered by the build's own code; null HTML when it was refused with an error.</summary>
    private static (string? Html, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown, MentionLinker linker)
    {
        var body = new MarkdownSource("input/commentaries/fuzz.md", markdown, 5);
        try
        {
            var page = LinkAndRender.RenderBody(Markdown, linker, body, new LinkOptions(LinkPolicy.All, Settings.Link), Settings);
            return (Encoding.UTF8.GetString(page.Html), page.Result.Diagnostics);
        }
        catch (DiagnosticException e)
        {
            return (null, [e.Diagnostic]);
        }
    }

    /// <summary>Front matter lines as editors get them wrong: bad YAML, misspelt keys, odd lists, names that clash.</summary>
    private static readonly Gen<string> FrontMatterLine = Gen.Select(
        Gen.OneOf("title", "aliases", "short_names", "never_link", "short_name", "neverlink", "kind", "summary", "case_sensitive"),
        Gen.OneOf("Kim Jong-un", "[Kim, Chairman Kim]", "[Kim Jong-un]", "[]", "[\"\"]", "\"Kim\"", "[Kim", "{a: b}", "yes", "'",
            ":", "[\"the Kim family\", Washington Post]", "[[nested]]", "~", "person", "[North Korea]", "[Pyongyang, \"  \"]",
            "\"\\u0000\"", "|\n  Kim\n  more", "\n  - Kim\n  - Kim family"),
        (key, value) => $"{key}: {value}");

    [Fact]
    public async Task Generated_front_matter_gives_a_site_or_located_errors()
    {
        var inputs = Gen.Select(FrontMatterLine.Array[0, 6], Gen.Frequency((3, Generated), (1, Mutated)));
        var clock = Stopwatch.StartNew();
        var runs = 0;
        await Task.Run(() => inputs.Sample(sample =>
        {
            runs++;
            var (lines, markdown) = sample;
            using var site = TestSite.Minimal();
            site.Write("site.yml", "title: Fuzz\nbase_url: https://owner.github.io/base/\nlink_mentions: all\n");
            site.Write("actors/north-korea.md", "---\ntitle: North Korea\naliases: [Pyongyang]\nkind: state\n---\nA state.\n");
            site.Write("actors/kim-jong-un.md", "---\n" + string.Join("\n", lines) + "\nkind: person\ntitle: Kim Jong-un\n---\nThe leader.\n");
            site.Write("commentaries/2020-01-01-fuzz.md", "---\ntitle: Fuzz\ndate: 2020-01-01\nsummary: A page.\n---\n" + markdown);

            var report = site.BuildAsync(new Uri("https://owner.github.io/base/")).GetAwaiter().GetResult();

            Assert.All(report.Diagnostics, d => Assert.True(d.Location.Path.Length > 0 && (d.Location.Line >= 1 || d.Severity != Severity.Error), d.ToString()));
            if (report.Succeeded)
            {
                Assert.True(File.Exists(Path.Combine(site.Output, "commentaries", "fuzz", "index.html")), "a site was built without the commentary");
            }
            else
            {
                Assert.False(Directory.Exists(site.Output) && Directory.EnumerateFileSystemEntries(site.Output).Any(), "a failed build wrote a site");
            }
        }, iter: 60, threads: 1));

        Assert.Equal(60, runs);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"60 builds took {clock.Elapsed}");
    }
}
