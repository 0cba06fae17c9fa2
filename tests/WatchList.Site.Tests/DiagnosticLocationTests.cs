using WatchList.Pipeline;

namespace WatchList.Site.Tests;

/// <summary>
/// Every kind of problem not covered elsewhere carries the file, line and column where the input has them,
/// so editors and CI can jump to it. (BadInputTests, the linking tests and LinkCheckTests cover the rest.)
/// </summary>
public class DiagnosticLocationTests
{
    private const string Talks = "commentaries/2019-05-01-talks.md";

    /// <summary>The one problem of a severity in one file (the test site also warns about entries no commentary mentions).</summary>
    private static async Task<Diagnostic> OnlyProblem(TestSite site, string file, Severity severity)
    {
        var report = await site.BuildAsync();
        var problems = report.Diagnostics.Where(d => d.Severity == severity && d.Location.Path == site.Shown(file)).ToList();
        Assert.True(problems.Count == 1, "expected one, got:\n" + string.Join("\n", report.Diagnostics));
        return problems[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column) =>
        Assert.Equal(new SourceLocation(path, line, column), diagnostic.Location);

    [Fact]
    public async Task A_file_without_front_matter_is_reported_at_its_first_line()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "title: Talks\n\nThe body.\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 1, 1);
        Assert.Equal("the file does not start with front matter", error.Message);
    }

    [Fact]
    public async Task Front_matter_never_closed_is_reported_at_its_opening_line()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\n\nThe body.\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 1, 1);
        Assert.Equal("the front matter is never closed", error.Message);
    }

    [Fact]
    public async Task Front_matter_that_is_a_list_is_reported_where_the_list_starts()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\n- title: Talks\n- date: 2019-05-01\n---\nBody.\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 2, 1);
        Assert.Equal("the front matter must be a list of 'key: value' lines", error.Message);
    }

    [Fact]
    public async Task A_key_given_twice_is_reported_at_the_second_as_broken_yaml()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\ntitle: Talks again\n---\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 5, 1);
        Assert.Equal("the front matter is not valid YAML: Duplicate key title", error.Message);
    }

    [Fact]
    public async Task A_list_item_that_is_not_text_is_reported_at_the_item()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("glossary/yongbyon.md", "---\ntitle: Yongbyon\nsummary: A nuclear site.\naliases: [Nyongbyon, [Yongbyon complex]]\n---\n");

        var error = await OnlyProblem(site, "glossary/yongbyon.md", Severity.Error);

        AssertAt(error, site.Shown("glossary/yongbyon.md"), 4, 22);
        Assert.Equal("every item of 'aliases' must be text", error.Message);
    }

    [Fact]
    public async Task An_unknown_kind_of_actor_is_reported_at_its_value_with_a_suggestion()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("actors/kim-jong-un.md", "---\ntitle: Kim Jong-un\nkind: persn\naffiliation: north-korea\n---\n");

        var error = await OnlyProblem(site, "actors/kim-jong-un.md", Severity.Error);

        AssertAt(error, site.Shown("actors/kim-jong-un.md"), 3, 7);
        Assert.Equal("'kind' is 'persn', which is not a kind of actor", error.Message);
        Assert.Equal("did you mean 'person'?", error.Hint);
    }

    [Fact]
    public async Task A_source_that_is_not_a_web_address_is_reported_at_its_value()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\nsource: www.crisisgroup.org\n---\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 5, 9);
        Assert.Equal("'source' is 'www.crisisgroup.org', which is not a web address", error.Message);
    }

    [Fact]
    public async Task An_unknown_linking_rule_in_site_settings_is_reported_at_its_value()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", "title: Test\nbase_url: https://example.org/\nlink_mentions: every\n");

        var error = await OnlyProblem(site, "site.yml", Severity.Error);

        AssertAt(error, site.Shown("site.yml"), 3, 16);
        Assert.Equal("'link_mentions' is 'every', which is not a linking rule", error.Message);
    }

    [Theory]
    [InlineData("page_size: 0", "'page_size' is '0', which is not a number of commentaries a listing page shows from 1 to 1000")]
    [InlineData("recent_mentions: ten", "'recent_mentions' is 'ten', which is not a number of mentions an entry's page quotes from 1 to 1000")]
    public async Task A_page_size_that_is_not_a_whole_number_from_1_to_1000_is_reported_at_its_value(string line, string message)
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", $"title: Test\nbase_url: https://example.org/\n{line}\n");

        var error = await OnlyProblem(site, "site.yml", Severity.Error);

        AssertAt(error, site.Shown("site.yml"), 3, line.IndexOf(':') + 3);
        Assert.Equal(message, error.Message);
        Assert.False(site.OutputExists("index.html"), "a failed build wrote pages");
    }

    [Fact]
    public async Task A_base_url_that_is_not_absolute_is_reported_at_its_value()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", "title: Test\nbase_url: example.org/watchlist\n");

        var error = await OnlyProblem(site, "site.yml", Severity.Error);

        AssertAt(error, site.Shown("site.yml"), 2, 11);
        Assert.Equal("'base_url' is 'example.org/watchlist', which is not an absolute web address", error.Message);
    }

    [Fact]
    public async Task An_unknown_key_in_site_settings_is_a_warning_at_its_line()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("site.yml", "title: Test\nbase_url: https://example.org/\nlanguge: en\n");

        var warning = await OnlyProblem(site, "site.yml", Severity.Warning);

        AssertAt(warning, site.Shown("site.yml"), 3, 1);
        Assert.Equal("did you mean 'language'?", warning.Hint);
    }

    [Fact]
    public async Task An_explicit_link_that_could_mean_two_entries_is_reported_at_the_link()
    {
        using var site = TestSite.WithGoodContent();
        // A glossary term and an actor that share an id.
        site.Write("glossary/north-korea.md", "---\ntitle: DPRK policy\nsummary: How states deal with the DPRK.\n---\n");
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\nIntro.\n\nOn [[north-korea]] policy.\n");

        var error = await OnlyProblem(site, Talks, Severity.Error);

        AssertAt(error, site.Shown(Talks), 8, 4);
        Assert.StartsWith("[[north-korea]] could mean ", error.Message);
    }

    [Fact]
    public async Task An_explicit_link_inside_raw_html_is_a_warning_at_the_link()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\nSee <span class=\"x\">[[Yongbyon]]</span> today.\n");

        var warning = await OnlyProblem(site, Talks, Severity.Warning);

        AssertAt(warning, site.Shown(Talks), 6, 21);
        Assert.Equal("[[Yongbyon]] is inside raw HTML and is not linked", warning.Message);
    }

    [Fact]
    public async Task An_explicit_link_inside_link_text_is_a_warning_at_the_link()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Talks, "---\ntitle: Talks\ndate: 2019-05-01\nsummary: S.\n---\nRead [the [[Yongbyon]] report](https://example.org/).\n");

        var warning = await OnlyProblem(site, Talks, Severity.Warning);

        AssertAt(warning, site.Shown(Talks), 6, 11);
        Assert.Equal("[[Yongbyon]] is inside a link and is not linked", warning.Message);
    }
}
