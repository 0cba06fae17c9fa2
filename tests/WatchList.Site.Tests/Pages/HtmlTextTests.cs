using System.Net;
using System.Text;
using CsCheck;
using WatchList.Site.Pages;

namespace WatchList.Site.Tests.Pages;

/// <summary>The words the search index keeps of a page: what a reader's search matches against.</summary>
public class HtmlTextTests
{
    private static string Words(string html)
    {
        var utf8 = Encoding.UTF8.GetBytes(html);
        var buffer = new char[utf8.Length];
        return new string(buffer, 0, HtmlText.Extract(utf8, buffer));
    }

    [Fact]
    public void Block_tags_separate_words_and_inline_tags_do_not()
    {
        Assert.Equal("Talks in Hanoi. Sanctions stay.",
            Words("<h2>Talks</h2><p>in <a href=\"/t/hanoi/\">Han</a><strong>oi</strong>.</p><p>Sanctions stay.</p>"));
    }

    [Fact]
    public void Character_references_are_decoded()
    {
        Assert.Equal("Q&A: \"Kim's\" <offer> 5 – 6 😀", Words("<p>Q&amp;A: &quot;Kim&#39;s&quot; &lt;offer&gt; 5 &ndash; 6 &#x1F600;</p>"));
    }

    [Fact]
    public void What_only_looks_like_a_reference_is_kept_as_written()
    {
        Assert.Equal("AT&T &amp; &nosuch; & a", Words("<p>AT&T &amp;amp; &nosuch; &amp; a</p>"));
        Assert.Equal("a & b &lt c;", Words("a & b &lt c;"));
    }

    [Fact]
    public void White_space_runs_become_one_space_with_none_at_the_ends()
    {
        Assert.Equal("North Korea and the US", Words("\n<p>  North\u00a0Korea\n\tand </p>\n<ul><li>the US</li></ul>\n"));
    }

    [Fact]
    public void A_tag_left_open_ends_the_text()
    {
        Assert.Equal("Yongbyon", Words("<p>Yongbyon <a href=\"x"));
    }

    [Fact]
    public void Any_text_without_tags_reads_as_decoded_with_white_space_collapsed()
    {
        Gen.OneOf("a", "Kim", "é", "&", ";", "&amp;", "&lt;", "&#39;", "&#32;", "&nbsp;", "&nosuch;", "&#x1F600;", " ", "  ", "\t", "\n",
                "\u00A0", "\u2003", "\u3000", "\u200B", ".")
            .Array[0, 30].Select(string.Concat)
            .Sample(text => Assert.Equal(string.Join(' ', WebUtility.HtmlDecode(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                Words(text)), iter: 2000);
    }
}
