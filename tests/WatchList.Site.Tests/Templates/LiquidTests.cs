using System.Text;
using System.Text.Json;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Templates;

namespace WatchList.Site.Tests.Templates;

/// <summary>The theme's template language, Liquid: what a designer writes and what the page shows.</summary>
public sealed class LiquidTests : IDisposable
{
    private readonly string _theme = Path.Combine(Path.GetTempPath(), "watchlist-theme-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_theme))
        {
            Directory.Delete(_theme, recursive: true);
        }
    }

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Writes a theme whose page template is <paramref name="page"/>, with the given layouts and partials.</summary>
    private Theme LoadTheme(string page, params (string Path, string Text)[] files)
    {
        Write("templates/page.liquid", page);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
        return Theme.Load(_theme, new SiteSettings("Site", "", new Uri("https://example.github.io/repo/"), "en", ""));
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_theme, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Render(string page, object model, params (string Path, string Text)[] files)
    {
        var writer = new StringWriter();
        LoadTheme(page, files).Render("page", writer, model);
        return writer.ToString();
    }

    private DiagnosticException Mistake(string page, params (string Path, string Text)[] files) =>
        Assert.Throws<DiagnosticException>(() => LoadTheme(page, files));

    [Fact]
    public void Our_filters_put_links_under_the_base_path_and_count_nouns()
    {
        var page = "{{ '/glossary/' | url }} {{ '/feed.xml' | absolute_url }} {{ n | plural: 'term', 'terms' }} {{ one | plural: 'term', 'terms' }}";
        Assert.Equal("/repo/glossary/ https://example.github.io/repo/feed.xml 3 terms 1 term", Render(page, Data(("n", 3), ("one", 1))));
    }

    [Fact]
    public void Liquid_standard_filters_work_on_page_values()
    {
        var page = "{{ title | upcase }} {{ date_iso | date: '%-d %B %Y' }} {{ date_iso | date: '%-d %b %Y' }} {{ items | size }} {{ items | join: ', ' }}";
        Assert.Equal("YONGBYON 26 April 2019 26 Apr 2019 2 a, b",
            Render(page, Data(("title", "Yongbyon"), ("date_iso", "2019-04-26"), ("items", new List<object> { "a", "b" }))));
    }

    [Fact]
    public void Values_are_html_escaped_and_only_raw_is_not()
    {
        var data = Data(("title", "Q&A <b>\"x\"</b> it's"), ("snippet", "<i>kept</i>"));
        Assert.Equal("Q&amp;A &lt;b&gt;&quot;x&quot;&lt;/b&gt; it&#x27;s <i>kept</i>", Render("{{ title }} {{ snippet | raw }}", data));
    }

    [Fact]
    public void The_rendered_body_is_escaped_unless_the_template_marks_it_raw()
    {
        var data = Data(("body", new RenderedHtml(Encoding.UTF8.GetBytes("<p>Café</p>"))));
        Assert.Equal("<p>Café</p>|&lt;p&gt;Café&lt;/p&gt;", Render("{{ body | raw }}|{{ body }}", data));
    }

    [Fact]
    public void Letters_beyond_ascii_are_written_as_they_are()
    {
        Assert.Equal("Kim Jong-un · 1950–53 ’ é 한국", Render("{{ t }}", Data(("t", "Kim Jong-un · 1950–53 ’ é 한국"))));
    }

    [Fact]
    public void The_json_filter_writes_valid_json_that_cannot_close_a_script_element()
    {
        var hostile = "</script><script>alert(1)</script> \"><img src=x onerror=alert(1)>";
        var model = Data(("ld", Data(("@type", "Article"), ("headline", hostile), ("tags", new List<object> { "a", 2 }))));

        var html = Render("<script type=\"application/ld+json\">{{ ld | json }}</script>", model);

        var json = html["<script type=\"application/ld+json\">".Length..^"</script>".Length];
        Assert.DoesNotContain("<", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(hostile, parsed.RootElement.GetProperty("headline").GetString());
        Assert.StartsWith("""{"@type":"Article","headline":""", json);
    }

    [Fact]
    public void A_layout_named_in_the_front_matter_wraps_the_page_at_content()
    {
        var html = Render("---\nlayout: base\n---\n<h1>{{ title }}</h1>\n", Data(("title", "Hi")),
            ("layouts/base.liquid", "<main>{{ content }}</main><title>{{ title }}</title>"));
        Assert.Equal("<main><h1>Hi</h1>\n</main><title>Hi</title>", html);
    }

    [Fact]
    public void Layouts_can_be_wrapped_in_layouts()
    {
        var html = Render("---\nlayout: article\n---\nText", Data(),
            ("layouts/article.liquid", "---\nlayout: base\n---\n<article>{{ content }}</article>"),
            ("layouts/base.liquid", "<body>{{ content }}</body>"));
        Assert.Equal("<body><article>Text</article></body>", html);
    }

    [Fact]
    public void A_partial_gets_what_render_passes_and_include_shares_the_page_variables()
    {
        var model = Data(("people", new List<object> { Data(("name", "Kim")), Data(("name", "Moon")) }), ("site", Data(("title", "W"))));
        var html = Render("{% for person in people %}{% render 'card', person: person %}{% endfor %}|{% include 'footer' %}", model,
            ("partials/card.liquid", "[{{ person.name }}]"),
            ("partials/footer.liquid", "{{ site.title }} {{ people | size }}"));
        Assert.Equal("[Kim][Moon]|W 2", html);
    }

    [Fact]
    public void Empty_lists_and_blank_text_are_tested_as_liquid_does()
    {
        var page = "{% if items != empty %}items{% else %}none{% endif %} {% if author != blank %}by {{ author }}{% else %}anonymous{% endif %} {% if missing %}x{% else %}nil{% endif %}";
        Assert.Equal("none anonymous nil", Render(page, Data(("items", new List<object>()), ("author", ""))));
    }

    [Theory]
    [InlineData("<p>\n  {% if x %}never closed", 2, "not valid Liquid")]
    [InlineData("a\n{% endif %}", 2, "not valid Liquid")]
    [InlineData("ok\n\n  {{ title", 3, "not valid Liquid")]
    [InlineData("ok\n{% loop items %}{% endloop %}", 2, "Unknown tag 'loop'")]
    public void A_syntax_mistake_is_reported_at_its_file_and_line(string page, int line, string message)
    {
        var error = Mistake(page);
        Assert.EndsWith("templates/page.liquid", error.Diagnostic.Location.Path);
        Assert.Equal(line, error.Diagnostic.Location.Line);
        Assert.True(error.Diagnostic.Location.Column > 0);
        Assert.Contains(message, error.Diagnostic.Message);
        Assert.NotNull(error.Diagnostic.Hint);
    }

    [Fact]
    public void Lines_count_from_the_top_of_the_file_front_matter_included()
    {
        var error = Mistake("---\nlayout: base\n---\n<h1>\n{{ title | upcase }\n", ("layouts/base.liquid", "{{ content }}"));
        Assert.Equal(5, error.Diagnostic.Location.Line);
    }

    [Fact]
    public void An_unknown_filter_is_reported_when_the_theme_loads_at_its_line_and_column()
    {
        var error = Mistake("<p>\n  {{ title | upcse }}</p>");
        Assert.EndsWith("templates/page.liquid", error.Diagnostic.Location.Path);
        Assert.Equal((2, 12), (error.Diagnostic.Location.Line, error.Diagnostic.Location.Column));
        Assert.Contains("unknown filter 'upcse'", error.Diagnostic.Message);
        Assert.Equal("did you mean 'upcase'?", error.Diagnostic.Hint);
    }

    [Fact]
    public void An_unknown_filter_with_nothing_close_lists_our_filters()
    {
        var error = Mistake("{{ title | shout_loudly }}");
        Assert.Contains("absolute_url, json, plural, url", error.Diagnostic.Hint);
    }

    [Fact]
    public void An_unknown_filter_in_a_partial_is_reported_in_the_partial()
    {
        var error = Mistake("{% render 'card' %}", ("partials/card.liquid", "\n\n{{ x | nope }}"));
        Assert.EndsWith("partials/card.liquid", error.Diagnostic.Location.Path);
        Assert.Equal(3, error.Diagnostic.Location.Line);
    }

    [Fact]
    public void A_missing_partial_is_reported_when_the_theme_loads()
    {
        var error = Mistake("<ul>\n{% render 'crad', person: p %}", ("partials/card.liquid", "x"));
        Assert.Contains("there is no partial 'crad'", error.Diagnostic.Message);
        Assert.Equal((2, 4), (error.Diagnostic.Location.Line, error.Diagnostic.Location.Column));
        Assert.Equal("did you mean 'card'?", error.Diagnostic.Hint);
    }

    [Fact]
    public void A_missing_layout_is_reported_at_its_front_matter_line()
    {
        var error = Mistake("---\nlayout: defualt\n---\nx", ("layouts/default.liquid", "{{ content }}"));
        Assert.Contains("there is no layout 'defualt'", error.Diagnostic.Message);
        Assert.Equal(2, error.Diagnostic.Location.Line);
        Assert.Equal("did you mean 'default'?", error.Diagnostic.Hint);
    }

    [Fact]
    public void A_front_matter_key_other_than_layout_is_a_mistake()
    {
        var error = Mistake("---\nlayout: base\ntitel: x\n---\n", ("layouts/base.liquid", "{{ content }}"));
        Assert.Equal(3, error.Diagnostic.Location.Line);
        Assert.Contains("'titel'", error.Diagnostic.Message);
    }
}
