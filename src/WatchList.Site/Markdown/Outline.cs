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
    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWord = char.IsLetterOrDigit(c);
            if (isWord && !inWord)
            {
                words++;
            }
            inWord = isWord || (inWord && c is '\'' or '’' or '-');
        }
        return words;
    }
}
