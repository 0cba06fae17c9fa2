using WatchList.Pipeline;

namespace WatchList.Site.Tests.Templates;

/// <summary>watchlist check finds what a theme reads that no page has, before readers find the gap.</summary>
public sealed class TemplateVariableTests
{
    private static async Task<List<Diagnostic>> CheckWith(TestSite site) =>
        [.. (await SiteBuilder.CheckAsync(site.Options())).Diagnostics.Where(d => d.Location.Path.Contains("theme", StringComparison.Ordinal))];

    private static void Edit(TestSite site, string file, string from, string to)
    {
        var path = Path.Combine(site.Theme, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public async Task The_default_theme_reads_only_variables_its_pages_have()
    {
        using var site = TestSite.WithGoodContent();
        Assert.Empty(await CheckWith(site));
    }

    [Fact]
    public async Task A_misspelt_variable_is_a_warning_at_its_line_and_column_with_the_right_name()
    {
        using var site = TestSite.WithGoodContent();
        Edit(site, "templates/term.liquid", "<p class=\"lead\">{{ term.summary }}</p>", "<p class=\"lead\">{{ term.sumary }}</p>");

        var warning = Assert.Single(await CheckWith(site));

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("templates/term.liquid", warning.Location.Path);
        Assert.Equal((9, 20), (warning.Location.Line, warning.Location.Column));
        Assert.Contains("'term.sumary' is not a variable of any page", warning.Message);
        Assert.Equal("did you mean 'term.summary'?", warning.Hint);
    }

    [Fact]
    public async Task A_misspelt_field_of_a_loop_item_in_a_partial_is_found_through_render()
    {
        using var site = TestSite.WithGoodContent();
        Edit(site, "partials/commentary-meta.liquid", "{{ commentary.date }}", "{{ commentary.daet }}");

        var warning = Assert.Single(await CheckWith(site));

        Assert.EndsWith("partials/commentary-meta.liquid", warning.Location.Path);
        Assert.Equal("did you mean 'commentary.date'?", warning.Hint);
    }

    [Fact]
    public async Task A_layout_may_test_a_variable_only_some_pages_have()
    {
        using var site = TestSite.WithGoodContent();
        Edit(site, "layouts/default.liquid", "{% if is_home %}", "{% if is_home or reading_minutes %}");
        Edit(site, "layouts/default.liquid", "</footer>", "{{ no_page_has_this }}</footer>");

        var warning = Assert.Single(await CheckWith(site));

        Assert.Contains("'no_page_has_this'", warning.Message);
        Assert.EndsWith("layouts/default.liquid", warning.Location.Path);
    }
}
