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

    public static string From(ReadOnlySpan<byte> html)
    {
        var text = Encoding.UTF8.GetString(html);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('<', position);
            if (open < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }
            builder.Append(text, position, open - position);
            var close = text.IndexOf('>', open);
            if (close < 0)
            {
                break;
            }
            // Block tags separate words; inline tags (a mention's link) sit inside them.
            if (!Inline.Contains(TagName(text.AsSpan(open + 1, close - open - 1))))
            {
                builder.Append(' ');
            }
            position = close + 1;
        }
        return Collapse(WebUtility.HtmlDecode(builder.ToString()));
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        var end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }
        return tag[..end].ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }
}
