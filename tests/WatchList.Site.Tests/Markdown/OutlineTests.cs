using CsCheck;
using WatchList.Site.Markdown;

namespace WatchList.Site.Tests.Markdown;

/// <summary>A page's reading time comes from the words of its Markdown, counted as a reader counts them.</summary>
public class OutlineTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static int Words(string markdown) => Outline.Of(Renderer.Parse(markdown), markdown).Words;

    [Fact]
    public void Words_joined_by_an_apostrophe_or_a_hyphen_count_once()
    {
        Assert.Equal(8, Words("Pyongyang's offer to Kim Yo-jong, and Seoul’s reply."));
        Assert.Equal(4, Words("## 2019: Hanoi — talks fail"));
    }

    [Fact]
    public void Letters_beyond_ASCII_are_words_and_punctuation_is_not()
    {
        Assert.Equal(3, Words("Pyŏngyang 평양 Kaesŏng … — “ ”"));
    }

    [Fact]
    public void Any_text_counts_as_many_words_as_runs_of_letters_and_digits_that_apostrophes_and_hyphens_join()
    {
        Gen.OneOf("a", "Z", "9", "é", "평", "'", "’", "-", " ", "\n", ".", "—", "*", "_", "\u0301", "٣")
            .Array[0, 40].Select(string.Concat)
            .Sample(text => Assert.Equal(Definition(text), Words(text)), iter: 2000);
    }

    /// <summary>The definition, a character at a time.</summary>
    private static int Definition(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWord = char.IsLetterOrDigit(c);
            words += isWord && !inWord ? 1 : 0;
            inWord = isWord || (inWord && (c == '\'' || c == '’' || c == '-'));
        }
        return words;
    }
}
