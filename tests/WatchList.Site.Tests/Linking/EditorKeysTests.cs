using WatchList.Pipeline;

namespace WatchList.Site.Tests.Linking;

/// <summary><c>short_names</c> and <c>never_link</c> in a term's or actor's front matter, read and checked like every other key.</summary>
public class EditorKeysTests
{
    private static TestSite SiteWithKim(string extraKeys)
    {
        var site = TestSite.Minimal();
        site.Write("actors/kim-jong-un.md", $"""
            ---
            title: Kim Jong-un
            aliases: [Kim Jong Un]
            {extraKeys}
            kind: person
            ---
            The leader.
            """);
        return site;
    }

    [Fact]
    public async Task Short_names_and_never_link_shape_the_links_of_a_built_page()
    {
        using var site = SiteWithKim("""
            short_names: [Kim]
            never_link: [Kim family]
            """);
        site.Write("site.yml", """
            title: Linking Test Site
            base_url: https://example.org/
            link_mentions: all
            """);
        site.Write("commentaries/2019-05-01-kim.md", """
            ---
            title: "Kim"
            date: 2019-05-01
            summary: "On Kim."
            ---
            Kim waited. Then Kim Jong-un spoke for the Kim family, and Kim left.
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("unknown", StringComparison.OrdinalIgnoreCase));
        var links = site.Page("commentaries/kim/index.html").QuerySelectorAll(".body a.mention").Select(a => a.TextContent);
        Assert.Equal(["Kim Jong-un", "Kim"], links);
    }

    [Fact]
    public async Task Misspelt_short_names_key_is_a_warning_with_a_suggestion()
    {
        using var site = SiteWithKim("short_name: [Kim]");

        var report = await site.BuildAsync();

        var warning = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("short_name", StringComparison.Ordinal));
        Assert.Contains("short_names", warning.ToString());
        Assert.Equal(4, warning.Location.Line);
    }

    [Fact]
    public async Task Short_name_that_is_also_an_alias_is_an_error_at_its_line()
    {
        using var site = SiteWithKim("short_names: [Chairman Kim, Kim Jong Un]");

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("'Kim Jong Un' is both a full name (title or alias) and a short name", error.Message);
        Assert.Equal(4, error.Location.Line);
        Assert.Equal(29, error.Location.Column);
    }

    [Fact]
    public async Task Never_link_phrase_that_is_also_an_alias_is_an_error_at_its_line()
    {
        using var site = SiteWithKim("never_link: [Kim family, Kim Jong Un]");

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded, string.Join("\n", report.Diagnostics));
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("'Kim Jong Un' is both a full name (title or alias) and a never_link phrase", error.Message);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public async Task Short_name_that_is_another_entrys_full_name_is_an_error_naming_that_file()
    {
        using var site = SiteWithKim("short_names: [Yongbyon]");
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            ---
            The complex.
            """);

        var report = await site.BuildAsync();

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("the short name 'Yongbyon' is the full name of", error.Message);
        Assert.Contains("yongbyon.md", error.Message);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public async Task Two_entries_may_share_a_short_name()
    {
        using var site = SiteWithKim("short_names: [Kim]");
        site.Write("actors/kim-yong-chol.md", """
            ---
            title: Kim Yong-chol
            short_names: [Kim]
            kind: person
            ---
            The envoy.
            """);

        var report = await site.BuildAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
    }
}
