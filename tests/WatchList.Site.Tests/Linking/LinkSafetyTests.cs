using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Inputs the fuzzing found: raw links left open and Markdown nested too deeply.</summary>
public class LinkSafetyTests
{
    [Theory]
    [InlineData("Talks with <a href=\"https://example.org/\">Pyongyang\n\nNorth Korea spoke again.", 1)]
    [InlineData("# Notes on <a href=\"https://example.org/\">Yongbyon\n\nNorth Korea spoke again.", 1)]
    [InlineData("<div><a href=\"https://example.org/\">\n\nNorth Korea spoke again.", 1)]
    // Found by the fuzzing: the open <a> stood inside emphasis, a lone bracket's text or a link's text that the
    // linker does not walk (after a <span> left open, or as a link cannot hold a link).
    [InlineData("<span>Talks with *Kim <a href=\"https://example.org/\">Pyongyang*\n\nNorth Korea spoke again.", 1)]
    [InlineData("<span>Talks with [Kim <a href=\"https://example.org/\">Pyongyang\n\nNorth Korea spoke again.", 1)]
    [InlineData("Talks with [Kim <a href=\"https://example.org/\">Pyongyang](https://example.org/)\n\nNorth Korea spoke again.", 1)]
    // A closing tag before the opening one closes nothing: the link stays open, in a heading as in a paragraph.
    [InlineData("# Notes</a> on <a href=\"https://example.org/\">Yongbyon\n\nNorth Korea spoke again.", 1)]
    public void Raw_link_left_open_stops_automatic_links_after_it_with_a_warning(string markdown, int line)
    {
        var page = LinkedPage.Link(markdown, LinkPolicy.All);

        // A browser would carry the open <a> into the paragraphs after it: a mention there would be a link in a link.
        Assert.Empty(page.Mentions);
        var warning = Assert.Single(page.Result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(LinkedPage.FirstLine + line - 1, warning.Location.Line);
        Assert.Contains("<a> tag is not closed", warning.Message);
    }

    [Fact]
    public void Raw_link_closed_in_its_paragraph_leaves_the_rest_linked()
    {
        var page = LinkedPage.Link("See <a href=\"https://example.org/\">Pyongyang</a> now.\n\nNorth Korea spoke again.", LinkPolicy.All);

        Assert.Equal(["North Korea"], page.LinkedTexts);
        Assert.Empty(page.Result.Diagnostics);
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_an_error_at_the_body_not_a_crash()
    {
        var body = new MarkdownSource("input/commentaries/x.md", string.Concat(Enumerable.Repeat("[a", 5000)) + " Yongbyon", 5);
        var settings = new SiteSettings("t", "", new Uri("https://example.org/"), "en", "");

        var error = Assert.Throws<DiagnosticException>(() =>
            LinkAndRender.RenderBody(new MarkdownRenderer(), new MentionLinker([Yongbyon]), body, new LinkOptions(LinkPolicy.All, settings.Link), settings));

        Assert.Equal("input/commentaries/x.md:5:1: error: the Markdown is nested too deeply to be rendered; break up the long runs of brackets, quotes or list markers",
            error.Diagnostic.ToString());
    }
}
