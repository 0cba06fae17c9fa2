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

    [Fact]
    public void A_text_body_and_a_compact_body_are_equal_exactly_when_their_texts_are()
    {
        const string Path = "input/commentaries/x.md";
        var text = Gen.OneOf(Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 60], Gen.Const("Kim Jong Un 🇰🇵 met 𠀀 in Hanoi"));
        Gen.Select(text, text, Gen.Int[0, 2]).Sample((body, other, pick) =>
        {
            // The same text, the same length with its last character changed, or another text.
            var candidate = pick switch
            {
                0 => body,
                1 when body.Length > 0 => body[..^1] + (body[^1] == 'a' ? 'b' : 'a'),
                _ => other,
            };
            var compact = MarkdownSource.Compact(Path, body, 1);
            var plain = new MarkdownSource(Path, candidate, 1);
            Assert.Equal(candidate == body, compact.Equals(plain));
            Assert.Equal(candidate == body, plain.Equals(compact));
            // A rendered commentary's body is emptied, and compared with the body it had.
            Assert.Equal(body.Length == 0, compact.Equals(compact with { Text = "" }));
        }, iter: 5_000);
    }
}
