using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Templates;
using WatchList.Site.Templates.Handlebars;

namespace WatchList.Site.Tests.Templates;

/// <summary>The theme's template language: what a designer writes and what the page shows.</summary>
public sealed class HandlebarsTests : IDisposable
{
    private readonly string _theme = Path.Combine(Path.GetTempPath(), "watchlist-theme-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_theme))
        {
            Directory.Delete(_theme, recursive: true);
        }
    }

    private static string Render(string template, object? data, Dictionary<string, string>? partials = null)
    {
        var parsed = (partials ?? []).ToImmutableDictionary(p => p.Key, p => Parser.Parse(p.Value));
        var helpers = new Dictionary<string, Helper> { ["shout"] = args => args[0]?.ToString()?.ToUpperInvariant() };
        var writer = new StringWriter();
        new Renderer(parsed, helpers).Render(Parser.Parse(template), data, writer);
        return writer.ToString();
    }

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Values_are_html_escaped_and_triple_braces_are_not()
    {
        var data = Data(("title", "Q&A <b>\"x\"</b>"), ("body", "<p>Text</p>"));
        Assert.Equal("Q&amp;A &lt;b&gt;&quot;x&quot;&lt;/b&gt; <p>Text</p>", Render("{{title}} {{{body}}}", data));
    }

    [Fact]
    public void Nested_names_are_looked_up_and_missing_ones_render_nothing()
    {
        var data = Data(("site", Data(("title", "Watch List"))));
        Assert.Equal("Watch List||", Render("{{site.title}}|{{site.missing}}|{{nothing.at.all}}", data));
    }

    [Fact]
    public void A_path_into_text_or_a_list_finds_nothing()
    {
        var data = Data(("title", "Yongbyon"), ("items", new List<object> { "a" }));
        Assert.Equal("[][]", Render("[{{title.Length}}][{{items.Count}}]", data));
    }

    [Fact]
    public void If_and_unless_follow_handlebars_truth()
    {
        var template = "{{#if v}}yes{{else}}no{{/if}}";
        Assert.Equal("yes", Render(template, Data(("v", "text"))));
        Assert.Equal("no", Render(template, Data(("v", ""))));
        Assert.Equal("no", Render(template, Data(("v", 0))));
        Assert.Equal("no", Render(template, Data(("v", new List<object>()))));
        Assert.Equal("no", Render(template, Data()));
        Assert.Equal("shown", Render("{{#unless v}}shown{{/unless}}", Data(("v", false))));
    }

    [Fact]
    public void Each_renders_every_item_and_reaches_the_enclosing_context_with_dots()
    {
        var data = Data(("base", "/w/"), ("items", new List<object> { Data(("name", "a")), Data(("name", "b")) }));
        Assert.Equal("/w/a;/w/b;", Render("{{#each items}}{{../base}}{{name}};{{/each}}", data));
        Assert.Equal("none", Render("{{#each items}}x{{else}}none{{/each}}", Data(("items", new List<object>()))));
    }

    [Fact]
    public void With_changes_the_context_and_this_is_the_current_value()
    {
        var data = Data(("page", Data(("title", "T"))), ("tags", new List<object> { "x", "y" }));
        Assert.Equal("T x y ", Render("{{#with page}}{{title}}{{/with}} {{#each tags}}{{this}} {{/each}}", data));
    }

    [Fact]
    public void Helpers_take_literal_and_looked_up_arguments()
    {
        Assert.Equal("HELLO KOREA", Render("{{shout \"hello\"}} {{shout place}}", Data(("place", "korea"))));
    }

    [Fact]
    public void A_partial_block_places_its_content_where_the_layout_says()
    {
        var partials = new Dictionary<string, string> { ["layout"] = "<main>{{> @partial-block }}</main>", ["name"] = "[{{name}}]" };
        Assert.Equal("<main>Hi [Kim]</main>", Render("{{#> layout}}Hi {{> name}}{{/layout}}", Data(("name", "Kim")), partials));
    }

    [Fact]
    public void A_block_tag_alone_on_its_line_leaves_no_blank_line()
    {
        var template = "<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n";
        Assert.Equal("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", Render(template, Data(("items", new List<object> { "a", "b" }))));
    }

    [Theory]
    [InlineData("line\n  {{#if x}}never closed", 2, 3, "never closed")]
    [InlineData("{{#if x}}a{{/each}}", 1, 11, "closes 'if'")]
    [InlineData("a\n{{/if}}", 2, 1, "never opened")]
    [InlineData("{{#loop items}}{{/loop}}", 1, 1, "unknown block '#loop'")]
    [InlineData("ok\n\n  {{title", 3, 3, "never closed")]
    public void A_template_mistake_is_reported_at_its_line_and_column(string template, int line, int column, string message)
    {
        var error = Assert.Throws<TemplateException>(() => Parser.Parse(template));
        Assert.Equal(new TemplatePosition(line, column), error.Position);
        Assert.Contains(message, error.Message);
    }

    private Theme LoadTheme(string page, params (string Name, string Text)[] partials)
    {
        Directory.CreateDirectory(Path.Combine(_theme, "templates"));
        Directory.CreateDirectory(Path.Combine(_theme, "partials"));
        File.WriteAllText(Path.Combine(_theme, "templates", "page.hbs"), page);
        foreach (var (name, text) in partials)
        {
            File.WriteAllText(Path.Combine(_theme, "partials", name + ".hbs"), text);
        }
        return Theme.Load(_theme, new SiteSettings("Site", "", new Uri("https://example.github.io/repo/"), "en", ""));
    }

    [Fact]
    public void The_theme_helpers_put_links_under_the_base_path()
    {
        var theme = LoadTheme("{{url \"/glossary/\"}} {{absolute_url \"/feed.xml\"}} {{plural n \"term\" \"terms\"}} {{plural one \"term\" \"terms\"}}");
        var writer = new StringWriter();
        theme.Render("page", writer, Data(("n", 3), ("one", 1)));
        Assert.Equal("/repo/glossary/ https://example.github.io/repo/feed.xml 3 terms 1 term", writer.ToString());
    }

    [Fact]
    public void An_unknown_helper_is_reported_when_the_theme_loads_with_file_line_and_column()
    {
        var error = Assert.Throws<DiagnosticException>(() => LoadTheme("<p>\n  {{uppercase title}}</p>"));
        Assert.EndsWith("templates/page.hbs", error.Diagnostic.Location.Path);
        Assert.Equal((2, 3), (error.Diagnostic.Location.Line, error.Diagnostic.Location.Column));
        Assert.Contains("unknown helper 'uppercase'", error.Diagnostic.Message);
        Assert.Contains("absolute_url, plural, url", error.Diagnostic.Hint);
    }

    [Fact]
    public void A_missing_partial_is_reported_when_the_theme_loads()
    {
        var error = Assert.Throws<DiagnosticException>(() => LoadTheme("{{#> layout}}x{{/layout}}", ("footer", "f")));
        Assert.Contains("there is no partial 'layout'", error.Diagnostic.Message);
        Assert.Equal(1, error.Diagnostic.Location.Line);
    }
}
