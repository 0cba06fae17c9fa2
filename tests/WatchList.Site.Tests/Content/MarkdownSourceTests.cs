using CsCheck;
using WatchList.Site.Content;

namespace WatchList.Site.Tests.Content;

/// <summary>A one-off build holds each body as UTF-8 until it renders it: the page must be rendered from the very text the editor wrote.</summary>
public class MarkdownSourceTests
{
    [Fact]
    public void A_compact_body_reads_back_as_the_text_it_was_made_from()
    {
        // Source files are strict UTF-8, so their text never holds half of a surrogate pair; whole pairs (emoji, rare Hanja) do occur.
        var text = Gen.OneOf(Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 200], Gen.Const("Kim Jong Un 🇰🇵 met 𠀀 in Hanoi\r\n\t"));
        Gen.Select(text, Gen.Int[1, 500]).Sample((body, line) =>
        {
            var source = MarkdownSource.Compact("input/commentaries/x.md", body, line);
            Assert.Equal(body, source.Text);
            Assert.Equal(new MarkdownSource("input/commentaries/x.md", body, line), source.Expanded());
            Assert.Equal(new MarkdownSource("input/commentaries/x.md", body, line), source);
            Assert.Equal(MarkdownSource.Compact("input/commentaries/x.md", body, line), source);
            Assert.NotEqual(MarkdownSource.Compact("input/commentaries/x.md", body + "!", line), source);
        }, iter: 5_000);
    }
}
