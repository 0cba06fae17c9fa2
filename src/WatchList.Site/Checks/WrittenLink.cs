using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Checks;

/// <summary>A link or image an editor wrote in Markdown, and where its address is written.</summary>
public sealed record WrittenLink(string Url, bool IsImage, SourceLocation Location);

/// <summary>Finds the links and images written in a page's Markdown, with the line and column of each address.</summary>
public static class WrittenLinks
{
    /// <summary>
    /// Every Markdown link and image of a body, from its parsed tree before anything (the mention linker) added links
    /// to it; reference links are reported at their definition.
    /// </summary>
    public static ImmutableArray<WrittenLink> In(MarkdownSource source, MarkdownDocument tree)
    {
        if (!MayHoldLinks(source.Text))
        {
            return [];
        }
        var lines = new LineStarts(source.Text);
        var links = ImmutableArray.CreateBuilder<WrittenLink>();
        foreach (var link in tree.Descendants<LinkInline>())
        {
            if (link.IsAutoLink || link.Url is null)
            {
                continue;
            }
            var (line, column) = link.Reference is { } definition
                ? lines.At(definition.UrlSpan.IsEmpty ? definition.Span.Start : definition.UrlSpan.Start)
                : link.UrlSpan.IsEmpty ? (link.Line, link.Column) : lines.At(link.UrlSpan.Start);
            links.Add(new WrittenLink(link.Url, link.IsImage, new SourceLocation(source.Path, source.FirstLine + line, column + 1)));
        }
        return links.ToImmutable();
    }

    /// <summary>
    /// Whether a body may hold a link into the site: a reference definition ("]:"), or an inline link or image
    /// ("](") whose address is not a web or mail address. Bodies without one are not parsed a second time.
    /// </summary>
    private static bool MayHoldLinks(string text)
    {
        if (text.Contains("]:", StringComparison.Ordinal))
        {
            return true;
        }
        for (var at = text.IndexOf("](", StringComparison.Ordinal); at >= 0; at = text.IndexOf("](", at + 2, StringComparison.Ordinal))
        {
            var address = text.AsSpan(at + 2);
            if (!address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) &&
                !address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
                !address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Turns offsets in a text into 0-based lines and columns.</summary>
    private sealed class LineStarts
    {
        private readonly List<int> _starts = [0];

        public LineStarts(string text)
        {
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        public (int Line, int Column) At(int offset)
        {
            var line = _starts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }
            return (line, offset - _starts[line]);
        }
    }
}
