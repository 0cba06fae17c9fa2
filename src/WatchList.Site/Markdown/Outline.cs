using System.Collections.Immutable;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WatchList.Site.Markdown;

/// <summary>A section heading of a page, for its table of contents.</summary>
public sealed record Heading(int Level, string Text, string Id);

/// <summary>What a page's table of contents and reading time are made from.</summary>
public sealed record Outline(ImmutableArray<Heading> Headings, int Words)
{
    private const int WordsPerMinute = 220;

    /// <summary>Reading time in whole minutes, at least one.</summary>
    public int Minutes => Math.Max(1, (int)Math.Round(Words / (double)WordsPerMinute));

    public static Outline Of(MarkdownDocument document, string markdown)
    {
        var headings = document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new Heading(h.Level, TextOf(h.Inline), h.GetAttributes().Id!))
            .ToImmutableArray();
        return new Outline(headings, CountWords(markdown));
    }

    private static string TextOf(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    /// <summary>Runs of letters and digits, roughly what a reader counts as words.</summary>
    /// <remarks>
    /// Without a branch per character: the start of a word is in no pattern the processor can predict, and the
    /// mispredictions were most of this loop's time (2% of a build's). ASCII is classed by a table.
    /// </remarks>
    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = 0;
        foreach (var c in text)
        {
            var kind = c < 128 ? AsciiKinds[c] : char.IsLetterOrDigit(c) ? Letter : c == '’' ? Joiner : 0;
            var isWord = kind & Letter;
            words += isWord & ~inWord;
            // A word goes on across an apostrophe or a hyphen: "Pyongyang's", "Kim Yo-jong".
            inWord = isWord | (inWord & (kind >> 1));
        }
        return words;
    }

    private const int Letter = 1;
    private const int Joiner = 2;

    /// <summary>The kind of each ASCII character: <see cref="Letter"/> (a letter or digit), <see cref="Joiner"/> (' and -), or 0.</summary>
    private static ReadOnlySpan<byte> AsciiKinds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
        0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        // @ A-Z [ \ ] ^ _
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        // ` a-z { | } ~ DEL
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];
}
