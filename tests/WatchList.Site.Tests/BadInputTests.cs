using System.Globalization;
using System.Text;
using WatchList.Pipeline;
using WatchList.Site;

namespace WatchList.Site.Tests;

/// <summary>
/// Each bad input of the content model: one message in the compiler format naming the file (and the
/// line and column where there is one), a failed build, and the site already in the output untouched.
/// A bad file is a row of one table; what breaks a build another way has a test of its own.
/// </summary>
public class BadInputTests
{
    private const string NewCommentary = "commentaries/2019-05-01-talks.md";

    /// <summary>Builds a good site, breaks it, builds again: returns the one error, after checking nothing was published.</summary>
    private static async Task<Diagnostic> SingleErrorAfterBreaking(TestSite site, Action<TestSite> breakIt)
    {
        var before = await site.BuildGoodOutputAsync();
        breakIt(site);

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.FilesWritten);
        var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", report.Diagnostics));
        site.AssertOutputUnchanged(before);
        site.AssertNoBuildLeftovers();
        return errors[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string shownPath, int line, int column)
    {
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(new SourceLocation(shownPath, line, column), diagnostic.Location);
        Assert.StartsWith($"{shownPath}:{line}:{column}: error: ", diagnostic.ToString());
    }

    /// <summary>
    /// One broken file: the file written (relative to the input folder) and its bytes, where the one error is
    /// (<c>file:line:column</c>), and a fragment of its message and of its hint.
    /// </summary>
    public sealed record BadFile(string File, byte[] Content, string At, string Message, string Hint)
    {
        public BadFile(string file, string text, string at, string message, string hint)
            : this(file, Encoding.UTF8.GetBytes(text), at, message, hint)
        {
        }
    }

    /// <summary>Every bad file of the content model, by the name its test case shows.</summary>
    private static readonly IReadOnlyDictionary<string, BadFile> BadFiles = DescribeBadFiles();

    public static TheoryData<string> BadFileCases() => new(BadFiles.Keys);

    [Theory]
    [MemberData(nameof(BadFileCases))]
    public async Task A_bad_file_is_one_located_error_and_the_published_site_is_untouched(string badFile)
    {
        var bad = BadFiles[badFile];
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.WriteBytes(bad.File, bad.Content));

        var at = bad.At.Split(':');
        Assert.Equal(bad.File, at[0]);
        AssertAt(error, site.Shown(bad.File), int.Parse(at[1], CultureInfo.InvariantCulture), int.Parse(at[2], CultureInfo.InvariantCulture));
        Assert.Contains(bad.Message, error.Message);
        Assert.Contains(bad.Hint, error.Hint);
    }

    private static Dictionary<string, BadFile> DescribeBadFiles()
    {
        var cases = new Dictionary<string, BadFile>
        {
            ["broken YAML in front matter"] = new(NewCommentary, """
                ---
                title: Talks
                summary: A summit: in Hanoi
                date: 2019-05-01
                ---
                Body.
                """, $"{NewCommentary}:3:18", "not valid YAML", "quote values that contain ': '"),
            ["broken YAML in site settings"] = new("site.yml", """
                title: Test Watch List
                description: Watch: list
                base_url: https://example.org/
                """, "site.yml:2:19", "not valid YAML", "quote values that contain ': '"),
            ["an unclosed list in front matter"] = new(NewCommentary, """
                ---
                title: Talks
                date: 2019-05-01
                summary: Both sides talk.
                authors: [Jane Doe
                source: https://www.crisisgroup.org/
                ---
                Body.
                """, $"{NewCommentary}:5:10", "the front matter is not valid YAML: this '[' is not closed", "close it with ']'"),
            ["an unclosed list in site settings"] = new("site.yml", """
                title: Test Watch List
                description: [unclosed
                base_url: https://example.org/
                """, "site.yml:2:14", "this '[' is not closed", "close it with ']'"),
            ["a required key left empty"] = new(NewCommentary, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: \"\"\n---\n",
                $"{NewCommentary}:4:10", "'summary' is empty", "give the summary a value"),
            ["a title written as a list"] = new(NewCommentary, """
                ---
                title: [North Korea, Talks]
                date: 2019-05-01
                summary: Both sides talk.
                ---
                """, $"{NewCommentary}:2:8", "'title' must be text, not a list", "title: some text"),
            ["authors written as text"] = new(NewCommentary, """
                ---
                title: Talks
                date: 2019-05-01
                summary: Both sides talk.
                authors: Jane Doe
                ---
                """, $"{NewCommentary}:5:10", "'authors' must be a list, not text", "authors: [first, second]"),
            ["draft written as yes"] = new(NewCommentary, """
                ---
                title: Talks
                date: 2019-05-01
                summary: Both sides talk.
                draft: yes
                ---
                """, $"{NewCommentary}:5:8", "'draft' is 'yes', which is neither true nor false", "'draft: true'"),
            ["a slug key with capitals and an underscore"] = new(NewCommentary, """
                ---
                title: Talks
                date: 2019-05-01
                summary: Both sides talk.
                slug: North_Korea
                ---
                """, $"{NewCommentary}:5:7", "the slug 'North_Korea' may hold only lowercase letters, digits and hyphens",
                "write 'slug: north-korea'"),
            ["a commentary file name with capitals"] = new("commentaries/2019-05-01-North-Korea Talks.md",
                "---\ntitle: Talks\ndate: 2019-05-01\nsummary: Both sides talk.\n---\n",
                "commentaries/2019-05-01-North-Korea Talks.md:1:1",
                "'North-Korea Talks' may hold only lowercase letters, digits and hyphens", "'slug: north-korea-talks'"),
            ["a glossary file name with capitals"] = new("glossary/Fissile_Material.md",
                "---\ntitle: Fissile material\nsummary: Bomb fuel.\n---\n",
                "glossary/Fissile_Material.md:1:1", "'Fissile_Material'", "rename the file to 'fissile-material.md'"),
            ["a commentary that is not UTF-8"] = new(NewCommentary,
                Encoding.Latin1.GetBytes("---\ntitle: Talks\nsummary: Café diplomacy\ndate: 2019-05-01\n---\n"),
                $"{NewCommentary}:3:13", "the file is not UTF-8 (byte 0xE9", "save it as UTF-8 in your editor"),
            ["site settings that are not UTF-8"] = new("site.yml",
                Encoding.Latin1.GetBytes("title: Test\ndescription: Corée\nbase_url: https://example.org/\n"),
                "site.yml:2:17", "the file is not UTF-8 (byte 0xE9", "save it as UTF-8 in your editor"),
            ["an affiliation that names no actor, close to one"] = new("actors/kim-jong-un.md", """
                ---
                title: Kim Jong-un
                kind: person
                affiliation: north-kroea
                ---
                """, "actors/kim-jong-un.md:4:14", "'affiliation' names actor 'north-kroea', which does not exist",
                "did you mean 'north-korea'?"),
            ["an affiliation far from every actor"] = new("actors/kim-jong-un.md", """
                ---
                title: Kim Jong-un
                kind: person
                affiliation: workers-party-of-korea
                ---
                """, "actors/kim-jong-un.md:4:14", "'workers-party-of-korea'", "use the file name (without .md) of an existing actor"),
            ["a related term far from every term"] = new("glossary/yongbyon.md", """
                ---
                title: Yongbyon
                summary: North Korea's main nuclear research centre.
                related: [plutonium]
                ---
                """, "glossary/yongbyon.md:4:11", "'related' names glossary term 'plutonium', which does not exist",
                "use the id, title or an alias of an existing glossary term"),
            ["a related term with a typo, at the item"] = new("glossary/yongbyon.md", """
                ---
                title: Yongbyon
                summary: North Korea's main nuclear research centre.
                related: [yongbyon, six-party-talk]
                ---
                """, "glossary/yongbyon.md:4:21", "'related' names glossary term 'six-party-talk', which does not exist",
                "did you mean 'six-party-talks'?"),
            ["a commentary naming an unknown actor, close to one"] = new(NewCommentary, """
                ---
                title: Talks
                date: 2019-05-01
                summary: Both sides talk.
                actors: [kim-jong-un, north-koera]
                ---
                """, $"{NewCommentary}:5:23", "'actors' names actor 'north-koera', which does not exist", "did you mean 'north-korea'?"),
        };

        var commentaryKeys = new Dictionary<string, string>
        {
            ["title"] = "title: Talks",
            ["date"] = "date: 2019-05-01",
            ["summary"] = "summary: Both sides talk.",
        };
        foreach (var key in commentaryKeys.Keys)
        {
            var frontMatter = string.Join("\n", commentaryKeys.Where(l => l.Key != key).Select(l => l.Value));
            cases[$"a commentary without '{key}'"] = new(NewCommentary, $"---\n{frontMatter}\n---\nBody.\n",
                $"{NewCommentary}:1:1", $"the required key '{key}' is missing", $"add a line '{key}: ...' to the front matter");
        }

        foreach (var (file, key, frontMatter) in new[]
        {
            ("glossary/fissile-material.md", "title", "summary: Material that can sustain a chain reaction."),
            ("glossary/fissile-material.md", "summary", "title: Fissile material"),
            ("actors/moon-jae-in.md", "title", "kind: person\naffiliation: north-korea"),
            ("actors/moon-jae-in.md", "kind", "title: Moon Jae-in"),
        })
        {
            cases[$"{(file.StartsWith("glossary/", StringComparison.Ordinal) ? "a glossary term" : "an actor")} without '{key}'"] =
                new(file, $"---\n{frontMatter}\n---\nBody.\n", $"{file}:1:1", $"the required key '{key}' is missing", $"'{key}: ...'");
        }

        foreach (var date in new[]
        {
            "2019-02-30", "2019-13-01", "2019-00-10", "2019-04-00", "0000-04-26",
            "2019-4-26", "2019-04-26x", "2019-٠٤-26", "April 2019", "26/04/2019",
        })
        {
            cases[$"a date that is not a date: {date}"] = new(NewCommentary,
                $"---\ntitle: Talks\ndate: {date}\nsummary: Both sides talk.\n---\n",
                $"{NewCommentary}:3:7", $"'date' is '{date}', which is not a date", "YYYY-MM-DD");
        }

        return cases;
    }

    [Fact]
    public async Task An_unknown_key_is_a_warning_with_did_you_mean_and_the_build_succeeds()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("actors/moon-jae-in.md", """
            ---
            title: Moon Jae-in
            kind: person
            sumary: President of South Korea.
            ---
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        var warning = Assert.Single(report.Diagnostics, d => d.Message.Contains("sumary"));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation(site.Shown("actors/moon-jae-in.md"), 4, 1), warning.Location);
        Assert.Equal("unknown key 'sumary' is ignored", warning.Message);
        Assert.Equal("did you mean 'summary'?", warning.Hint);
        Assert.True(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task A_misspelt_required_key_is_an_error_and_a_did_you_mean_warning()
    {
        using var site = TestSite.WithGoodContent();
        var before = await site.BuildGoodOutputAsync();
        site.Write(NewCommentary, "---\ntitle: Talks\ndate: 2019-05-01\nsumary: Both sides talk.\n---\n");

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        var shown = site.Shown(NewCommentary);
        Assert.Equal(
            [$"{shown}:1:1: error: the required key 'summary' is missing; add a line 'summary: ...' to the front matter",
             $"{shown}:4:1: warning: unknown key 'sumary' is ignored; did you mean 'summary'?"],
            report.Diagnostics.Where(d => d.Location.Path == shown).Select(d => d.ToString()));
        Assert.Equal(1, report.Errors);
        site.AssertOutputUnchanged(before);
    }

    [Fact]
    public async Task Two_commentaries_with_the_same_slug_are_both_named()
    {
        using var site = TestSite.WithGoodContent();
        const string second = "commentaries/2019-06-01-getting-back-to-the-table.md";

        var error = await SingleErrorAfterBreaking(site, s => s.Write(second, """
            ---
            title: Back Again
            date: 2019-06-01
            summary: Another look.
            ---
            """));

        var both = new[] { site.Shown(TestSite.GoodCommentary), site.Shown(second) };
        Assert.Contains("'getting-back-to-the-table'", error.Message);
        Assert.Contains(error.Location.Path, both);
        Assert.Contains(both.Single(p => p != error.Location.Path), error.Message);
        Assert.Contains("slug", error.Hint);
    }

    [Fact]
    public async Task A_slug_key_equal_to_another_files_slug_is_a_duplicate()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            slug: all-eyes-on-the-summit
            ---
            """));

        var both = new[] { site.Shown("commentaries/2019-02-25-all-eyes-on-the-summit.md"), site.Shown(NewCommentary) };
        Assert.Contains("'all-eyes-on-the-summit'", error.Message);
        Assert.Contains(error.Location.Path, both);
        Assert.Contains(both.Single(p => p != error.Location.Path), error.Message);
    }

    [Fact]
    public async Task An_empty_input_folder_is_one_error_naming_the_folder()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s =>
        {
            Directory.Delete(s.Input, recursive: true);
            Directory.CreateDirectory(s.Input);
        });

        Assert.Equal(new SourceLocation(Reading.DisplayPath.For(site.Input) + "/"), error.Location);
        Assert.Equal("the input folder is empty or missing", error.Message);
        Assert.Contains("site.yml", error.Hint);
    }

    [Fact]
    public async Task An_input_folder_without_commentaries_is_one_error_naming_the_folder()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => Directory.Delete(s.PathOf("commentaries"), recursive: true));

        Assert.Equal(Reading.DisplayPath.For(site.PathOf("commentaries")) + "/", error.Location.Path);
        Assert.Equal("there are no commentaries", error.Message);
    }

    [Fact]
    public async Task A_missing_site_settings_file_is_one_error_naming_it()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Delete("site.yml"));

        Assert.Equal(site.Shown("site.yml"), error.Location.Path);
        Assert.Equal("the site settings file is missing", error.Message);
    }

    [Fact]
    public async Task Every_broken_file_is_reported_in_one_build()
    {
        using var site = TestSite.WithGoodContent();
        var before = await site.BuildGoodOutputAsync();
        site.Write("commentaries/2019-05-01-a.md", "---\ntitle: A\ndate: 2019-02-30\nsummary: S.\n---\n");
        site.Write("commentaries/2019-05-02-b.md", "---\ntitle: [B]\ndate: 2019-05-02\nsummary: S.\n---\n");

        var report = await site.BuildAsync();

        Assert.Equal(
            [$"{site.Shown("commentaries/2019-05-01-a.md")}:3", $"{site.Shown("commentaries/2019-05-02-b.md")}:2"],
            report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Location.Path}:{d.Location.Line}"));
        site.AssertOutputUnchanged(before);
    }
}
