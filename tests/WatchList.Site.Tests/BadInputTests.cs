using System.Text;
using WatchList.Pipeline;
using WatchList.Site;
using WatchList.Testing;

namespace WatchList.Site.Tests;

/// <summary>
/// Each bad input of the content model: one message in the compiler format naming the file (and the
/// line and column where there is one), a failed build, and the site already in the output untouched.
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

    [Fact]
    public async Task Broken_yaml_is_reported_at_its_line_and_column()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            summary: A summit: in Hanoi
            date: 2019-05-01
            ---
            Body.
            """));

        AssertAt(error, site.Shown(NewCommentary), 3, 18);
        Assert.Contains("not valid YAML", error.Message);
        Assert.Contains("quote values that contain ': '", error.Hint);
    }

    [Fact]
    public async Task Broken_yaml_in_site_settings_is_reported_at_its_line_and_column()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("site.yml", """
            title: Test Watch List
            description: Watch: list
            base_url: https://example.org/
            """));

        AssertAt(error, site.Shown("site.yml"), 2, 19);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public async Task An_unclosed_list_in_front_matter_is_reported_as_broken_yaml()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            authors: [Jane Doe
            source: https://www.crisisgroup.org/
            ---
            Body.
            """));

        AssertAt(error, site.Shown(NewCommentary), 5, 10);
        Assert.Equal("the front matter is not valid YAML: this '[' is not closed", error.Message);
        Assert.Contains("close it with ']'", error.Hint);
    }

    [Fact]
    public async Task An_unclosed_list_in_site_settings_is_reported_as_broken_yaml()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("site.yml", """
            title: Test Watch List
            description: [unclosed
            base_url: https://example.org/
            """));

        AssertAt(error, site.Shown("site.yml"), 2, 14);
        Assert.Contains("this '[' is not closed", error.Message);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("date")]
    [InlineData("summary")]
    public async Task A_commentary_without_a_required_key_names_the_key(string key)
    {
        using var site = TestSite.WithGoodContent();
        var lines = new Dictionary<string, string>
        {
            ["title"] = "title: Talks",
            ["date"] = "date: 2019-05-01",
            ["summary"] = "summary: Both sides talk.",
        };
        var frontMatter = string.Join("\n", lines.Where(l => l.Key != key).Select(l => l.Value));

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, $"---\n{frontMatter}\n---\nBody.\n"));

        AssertAt(error, site.Shown(NewCommentary), 1, 1);
        Assert.Equal($"the required key '{key}' is missing", error.Message);
        Assert.Equal($"add a line '{key}: ...' to the front matter", error.Hint);
    }

    [Theory]
    [InlineData("glossary/fissile-material.md", "title", "summary: Material that can sustain a chain reaction.")]
    [InlineData("glossary/fissile-material.md", "summary", "title: Fissile material")]
    [InlineData("actors/moon-jae-in.md", "title", "kind: person\naffiliation: north-korea")]
    [InlineData("actors/moon-jae-in.md", "kind", "title: Moon Jae-in")]
    public async Task A_term_or_actor_without_a_required_key_names_the_key(string file, string key, string frontMatter)
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(file, $"---\n{frontMatter}\n---\nBody.\n"));

        AssertAt(error, site.Shown(file), 1, 1);
        Assert.Equal($"the required key '{key}' is missing", error.Message);
        Assert.Contains($"'{key}: ...'", error.Hint);
    }

    [Fact]
    public async Task A_required_key_left_empty_is_reported_at_its_line()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: \"\"\n---\n"));

        AssertAt(error, site.Shown(NewCommentary), 4, 10);
        Assert.Equal("'summary' is empty", error.Message);
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("2019-00-10")]
    [InlineData("2019-04-00")]
    [InlineData("0000-04-26")]
    [InlineData("2019-4-26")]
    [InlineData("2019-04-26x")]
    [InlineData("2019-٠٤-26")]
    [InlineData("April 2019")]
    [InlineData("26/04/2019")]
    public async Task A_date_that_is_not_a_date_is_reported_at_its_value(string date)
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, $"""
            ---
            title: Talks
            date: {date}
            summary: Both sides talk.
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 3, 7);
        Assert.Equal($"'date' is '{date}', which is not a date", error.Message);
        Assert.Contains("YYYY-MM-DD", error.Hint);
    }

    [Fact]
    public async Task A_title_written_as_a_list_is_a_wrong_type()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: [North Korea, Talks]
            date: 2019-05-01
            summary: Both sides talk.
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 2, 8);
        Assert.Equal("'title' must be text, not a list", error.Message);
        Assert.Contains("title: some text", error.Hint);
    }

    [Fact]
    public async Task Authors_written_as_text_is_a_wrong_type()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            authors: Jane Doe
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 5, 10);
        Assert.Equal("'authors' must be a list, not text", error.Message);
        Assert.Contains("authors: [first, second]", error.Hint);
    }

    [Fact]
    public async Task Draft_written_as_yes_is_a_wrong_type()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            draft: yes
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 5, 8);
        Assert.Equal("'draft' is 'yes', which is neither true nor false", error.Message);
        Assert.Contains("'draft: true'", error.Hint);
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
    public async Task A_slug_key_outside_lowercase_letters_digits_and_hyphens_is_rejected_with_a_valid_suggestion()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            slug: North_Korea
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 5, 7);
        Assert.Equal("the slug 'North_Korea' may hold only lowercase letters, digits and hyphens", error.Message);
        Assert.Equal("write 'slug: north-korea'", error.Hint);
    }

    [Fact]
    public async Task A_commentary_file_name_with_capitals_is_rejected_with_a_valid_suggestion()
    {
        using var site = TestSite.WithGoodContent();
        const string file = "commentaries/2019-05-01-North-Korea Talks.md";

        var error = await SingleErrorAfterBreaking(site, s => s.Write(file, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: Both sides talk.\n---\n"));

        AssertAt(error, site.Shown(file), 1, 1);
        Assert.Contains("'North-Korea Talks'", error.Message);
        Assert.Contains("only lowercase letters, digits and hyphens", error.Message);
        Assert.Contains("'slug: north-korea-talks'", error.Hint);
    }

    [Fact]
    public async Task A_glossary_file_name_with_capitals_is_rejected_with_a_valid_file_name()
    {
        using var site = TestSite.WithGoodContent();
        const string file = "glossary/Fissile_Material.md";

        var error = await SingleErrorAfterBreaking(site, s => s.Write(file, "---\ntitle: Fissile material\nsummary: Bomb fuel.\n---\n"));

        AssertAt(error, site.Shown(file), 1, 1);
        Assert.Contains("'Fissile_Material'", error.Message);
        Assert.Equal("rename the file to 'fissile-material.md'", error.Hint);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_reported_at_the_line_and_column_of_the_bad_byte()
    {
        using var site = TestSite.WithGoodContent();
        var bytes = Encoding.ASCII.GetBytes("---\ntitle: Talks\nsummary: Caf? diplomacy\ndate: 2019-05-01\n---\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;

        var error = await SingleErrorAfterBreaking(site, s => s.WriteBytes(NewCommentary, bytes));

        AssertAt(error, site.Shown(NewCommentary), 3, 13);
        Assert.Contains("not UTF-8", error.Message);
        Assert.Contains("0xE9", error.Message);
        Assert.Equal("save it as UTF-8 in your editor", error.Hint);
    }

    [Fact]
    public async Task Site_settings_that_are_not_UTF8_are_reported_at_the_bad_byte()
    {
        using var site = TestSite.WithGoodContent();
        var bytes = Encoding.ASCII.GetBytes("title: Test\ndescription: Cor?e\nbase_url: https://example.org/\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;

        var error = await SingleErrorAfterBreaking(site, s => s.WriteBytes("site.yml", bytes));

        AssertAt(error, site.Shown("site.yml"), 2, 17);
        Assert.Contains("not UTF-8", error.Message);
    }

    [Fact]
    public async Task An_affiliation_that_names_no_actor_suggests_the_closest()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("actors/kim-jong-un.md", """
            ---
            title: Kim Jong-un
            kind: person
            affiliation: north-kroea
            ---
            """));

        AssertAt(error, site.Shown("actors/kim-jong-un.md"), 4, 14);
        Assert.Equal("'affiliation' names actor 'north-kroea', which does not exist", error.Message);
        Assert.Equal("did you mean 'north-korea'?", error.Hint);
    }

    [Fact]
    public async Task An_affiliation_far_from_every_actor_says_what_to_write()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("actors/kim-jong-un.md", """
            ---
            title: Kim Jong-un
            kind: person
            affiliation: workers-party-of-korea
            ---
            """));

        AssertAt(error, site.Shown("actors/kim-jong-un.md"), 4, 14);
        Assert.Contains("'workers-party-of-korea'", error.Message);
        Assert.Equal("use the file name (without .md) of an existing actor", error.Hint);
    }

    [Fact]
    public async Task A_related_term_far_from_every_term_says_what_to_write()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [plutonium]
            ---
            """));

        AssertAt(error, site.Shown("glossary/yongbyon.md"), 4, 11);
        Assert.Equal("'related' names glossary term 'plutonium', which does not exist", error.Message);
        Assert.Equal("use the id, title or an alias of an existing glossary term", error.Hint);
    }

    [Fact]
    public async Task A_related_id_with_a_typo_is_reported_at_the_item_with_did_you_mean()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [yongbyon, six-party-talk]
            ---
            """));

        AssertAt(error, site.Shown("glossary/yongbyon.md"), 4, 21);
        Assert.Equal("'related' names glossary term 'six-party-talk', which does not exist", error.Message);
        Assert.Equal("did you mean 'six-party-talks'?", error.Hint);
    }

    [Fact]
    public async Task A_commentary_naming_an_unknown_actor_suggests_the_closest()
    {
        using var site = TestSite.WithGoodContent();

        var error = await SingleErrorAfterBreaking(site, s => s.Write(NewCommentary, """
            ---
            title: Talks
            date: 2019-05-01
            summary: Both sides talk.
            actors: [kim-jong-un, north-koera]
            ---
            """));

        AssertAt(error, site.Shown(NewCommentary), 5, 23);
        Assert.Equal("'actors' names actor 'north-koera', which does not exist", error.Message);
        Assert.Equal("did you mean 'north-korea'?", error.Hint);
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
