using WatchList.Pipeline;
using WatchList.Site.Linking;
using static WatchList.Site.Tests.Linking.Entries;

namespace WatchList.Site.Tests.Linking;

/// <summary>Editors' own links, <c>[[name]]</c> and <c>[[name|label]]</c>, by id, title or alias.</summary>
public class ExplicitLinkTests
{
    [Fact]
    public void Explicit_link_by_title_links_to_the_entry()
    {
        var page = LinkedPage.Link("""
            The site at [[Yongbyon]] was frozen.
            """);

        Assert.Equal([("Yongbyon", LinkedPage.Href(Yongbyon))], page.Links);
        Assert.Empty(page.Result.Diagnostics);
        Assert.DoesNotContain("[[", page.Html);
    }

    [Fact]
    public void Explicit_link_by_id_shows_its_label()
    {
        var page = LinkedPage.Link("""
            Yongbyon was frozen; inspectors left [[yongbyon|the reactor site]] in 2009.
            """);

        // An explicit link is made even though the term was already linked at its first mention.
        Assert.Equal(
            [("Yongbyon", LinkedPage.Href(Yongbyon)), ("the reactor site", LinkedPage.Href(Yongbyon))],
            page.Links);
        Assert.Equal(2, page.MentionsOf(Yongbyon).Count);
        Assert.Empty(page.Result.Diagnostics);
    }

    [Fact]
    public void Explicit_link_by_alias_links_to_the_entry()
    {
        var page = LinkedPage.Link("""
            Also spelt [[Nyongbyon]], and the leader is [[Chairman Kim|him]].
            """);

        Assert.Equal(
            [("Nyongbyon", LinkedPage.Href(Yongbyon)), ("him", LinkedPage.Href(KimJongUn))],
            page.Links);
        Assert.Empty(page.Result.Diagnostics);
    }

    [Fact]
    public void Unknown_explicit_link_is_an_error_at_its_line_and_column_with_a_suggestion()
    {
        var page = LinkedPage.Link("""
            First paragraph.

            See also [[Yongbyun]] here.
            """);

        var error = Assert.Single(page.Result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        // The body starts on file line 5; the link is on its third line, after "See also ".
        Assert.Equal(new SourceLocation(LinkedPage.SourcePath, LinkedPage.FirstLine + 2, 10), error.Location);
        Assert.Equal("input/commentaries/x.md:7:10: error: unknown glossary term or actor 'Yongbyun'; did you mean 'Yongbyon'?", error.ToString());
        Assert.Empty(page.Links);
        Assert.Contains("See also Yongbyun here.", page.Dom.QuerySelectorAll("p")[1].TextContent);
    }

    [Fact]
    public void Explicit_link_inside_a_heading_is_not_linked_and_warns()
    {
        var page = LinkedPage.Link("""
            Intro.

            ## About [[Yongbyon]]
            """);

        Assert.Empty(page.Links);
        Assert.Equal("About Yongbyon", page.Dom.QuerySelector("h2")!.TextContent);
        var warning = Assert.Single(page.Result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation(LinkedPage.SourcePath, LinkedPage.FirstLine + 2, 10), warning.Location);
        Assert.Contains("[[Yongbyon]] is inside a heading", warning.Message);
    }

    [Fact]
    public void Explicit_link_inside_link_text_or_image_alt_keeps_its_words()
    {
        var page = LinkedPage.Link("""
            See [the [[Yongbyon]] report](http://x) and ![[[Kaesong]] from the air](a.png).
            """);

        Assert.Equal([("the Yongbyon report", "http://x")], page.Links);
        Assert.Null(page.Dom.QuerySelector("a a"));
        Assert.Equal("Kaesong from the air", page.Dom.QuerySelector("img")!.GetAttribute("alt"));
    }
}
