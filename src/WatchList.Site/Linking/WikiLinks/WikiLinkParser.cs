using Markdig.Helpers;
using Markdig.Parsers;

namespace WatchList.Site.Linking.WikiLinks;

/// <summary>Parses <c>[[name]]</c> and <c>[[name|label]]</c> on one line; anything else is left to the link parser.</summary>
public sealed class WikiLinkParser : InlineParser
{
    public WikiLinkParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar(1) != '[')
        {
            return false;
        }
        var text = slice.Text;
        var contentStart = slice.Start + 2;
        var close = text.IndexOf("]]", contentStart, slice.End - contentStart + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }
        var content = text.AsSpan(contentStart, close - contentStart);
        if (content.IsEmpty || content.ContainsAny('[', ']') || content.ContainsAny('\n', '\r'))
        {
            return false;
        }
        var bar = content.IndexOf('|');
        var name = (bar < 0 ? content : content[..bar]).Trim().ToString();
        var label = (bar < 0 ? content : content[(bar + 1)..]).Trim().ToString();
        if (name.Length == 0)
        {
            return false;
        }
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Name = name,
            Label = label.Length > 0 ? label : name,
            Span = new Markdig.Syntax.SourceSpan(start, start + (close + 2 - slice.Start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
