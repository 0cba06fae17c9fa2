using System.Net;
using System.Text;

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
    /// Without a branch per character: where a word ends is in no pattern the processor can predict. Each
    /// character is written, white space as a space, and the write position moves on unless it was white space
    /// after white space (or at the start).
    /// </remarks>
    private static int Collapse(Span<char> text)
    {
        var written = 0;
        var afterSpace = 1;
        foreach (var c in text)
        {
            var space = c < 128 ? AsciiSpace[c] : char.IsWhiteSpace(c) ? 1 : 0;
            text[written] = space != 0 ? ' ' : c;
            written += 1 - (space & afterSpace);
            afterSpace = space;
        }
        return written > 0 && text[written - 1] == ' ' ? written - 1 : written;
    }

    /// <summary>1 for the ASCII characters <see cref="char.IsWhiteSpace(char)"/> calls white space (tab to carriage return, space).</summary>
    private static ReadOnlySpan<byte> AsciiSpace =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
