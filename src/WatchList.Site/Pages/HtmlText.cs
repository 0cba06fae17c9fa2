using System.Net;
using System.Text;
using WatchList.Site.Content;

namespace WatchList.Site.Pages;

/// <summary>The words of rendered HTML, tags left out, for the search index.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineByName = Inline.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Writes the words of <paramref name="html"/> into <paramref name="words"/>, which must hold at least as
    /// many characters as the HTML has bytes, and returns how many it wrote: tags out (block tags separate
    /// words, inline ones such as a mention's link do not), character references decoded, runs of white space
    /// made one space, none at either end. Nothing is allocated, so the search index can encode a page's words
    /// straight from the buffer.
    /// </summary>
    public static int Extract(ReadOnlySpan<byte> html, Span<char> words)
    {
        var length = Encoding.UTF8.GetChars(html, words);
        length = StripTags(words[..length]);
        length = DecodeReferences(words[..length]);
        return Collapse(words[..length]);
    }

    /// <summary>Leaves out the tags, in place; a block tag becomes a space.</summary>
    private static int StripTags(Span<char> text)
    {
        var written = 0;
        var position = 0;
        while (position < text.Length)
        {
            var open = text[position..].IndexOf('<');
            if (open < 0)
            {
                text[position..].CopyTo(text[written..]);
                written += text.Length - position;
                break;
            }
            open += position;
            text[position..open].CopyTo(text[written..]);
            written += open - position;
            var close = text[open..].IndexOf('>');
            if (close < 0)
            {
                break;
            }
            close += open;
            if (!InlineByName.Contains(TagName(text[(open + 1)..close])))
            {
                text[written++] = ' ';
            }
            position = close + 1;
        }
        return written;
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        var end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }
        return tag[..end];
    }

    /// <summary>
    /// Decodes character references in place, as <see cref="WebUtility.HtmlDecode(string)"/> does (a number
    /// or a name between an ampersand and a semicolon); anything else is left as written.
    /// </summary>
    private static int DecodeReferences(Span<char> text)
    {
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            // The text up to the next ampersand is copied as it is, in one move.
            var ampersand = text[i..].IndexOf('&');
            var plain = ampersand < 0 ? text.Length - i : ampersand;
            text.Slice(i, plain).CopyTo(text[written..]);
            written += plain;
            i += plain;
            if (i == text.Length)
            {
                break;
            }
            // As there: a reference runs to the next semicolon, unless another ampersand comes first.
            var semicolon = text[(i + 1)..].IndexOfAny(';', '&');
            if (semicolon < 0 || text[i + 1 + semicolon] != ';')
            {
                text[written++] = text[i++];
                continue;
            }
            var reference = text.Slice(i, semicolon + 2);
            i += semicolon + 2;
            var decoded = Decode(reference);
            // A reference is never shorter than what it stands for, so writing behind the reading never overtakes it.
            decoded.CopyTo(text[written..]);
            written += decoded.Length;
        }
        return written;
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<char> reference) => reference switch
    {
        "&amp;" => "&",
        "&lt;" => "<",
        "&gt;" => ">",
        "&quot;" => "\"",
        "&#39;" => "'",
        _ => WebUtility.HtmlDecode(reference.ToString()),
    };

    /// <summary>Makes each run of white space one space, in place, with none at either end.</summary>
    /// <remarks>
    /// Text between two places where white space needs mending (a character other than a space, or two in a row)
    /// is moved in one copy: those places are found by vectorised searches, remembered until passed.
    /// </remarks>
    private static int Collapse(Span<char> text)
    {
        var written = 0;
        var i = 0;
        var other = -1;
        var doubled = -1;
        while (true)
        {
            var skipped = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                break;
            }
            if (i > skipped && written > 0)
            {
                text[written++] = ' ';
            }
            if (other < i)
            {
                other = text[i..].IndexOfAny(Characters.OtherWhiteSpace) is var o and >= 0 ? i + o : text.Length;
            }
            if (doubled < i)
            {
                doubled = text[i..].IndexOf("  ") is var d and >= 0 ? i + d : text.Length;
            }
            // Up to the first place to mend; a single space just before it belongs to the run that starts there.
            var end = Math.Min(other, doubled);
            if (end < text.Length && text[end - 1] == ' ')
            {
                end--;
            }
            text[i..end].CopyTo(text[written..]);
            written += end - i;
            i = end;
        }
        return written > 0 && text[written - 1] == ' ' ? written - 1 : written;
    }
}
