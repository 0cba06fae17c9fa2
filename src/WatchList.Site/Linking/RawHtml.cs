namespace WatchList.Site.Linking;

/// <summary>Follows raw HTML tags written inline, so the text between an opening and closing tag is left alone.</summary>
public static class RawHtml
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>+1 for an opening tag, -1 for a closing one, 0 for comments, void and self-closing tags.</summary>
    public static int DepthChange(string tag)
    {
        if (tag.Length < 3 || tag[0] != '<' || tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal))
        {
            return 0;
        }
        if (tag[1] == '/')
        {
            return -1;
        }
        if (tag.EndsWith("/>", StringComparison.Ordinal))
        {
            return 0;
        }
        var name = new string(tag.AsSpan(1).TrimEnd('>').ToString().TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return Void.Contains(name) ? 0 : 1;
    }

    /// <summary>
    /// How many links raw HTML opens (+) or closes (-) in a piece of HTML. A browser carries an <c>&lt;a&gt;</c>
    /// left open into the blocks that follow, so the linker counts them across the whole page.
    /// </summary>
    public static int AnchorChange(ReadOnlySpan<char> html)
    {
        var change = 0;
        for (var at = 0; at + 1 < html.Length; at++)
        {
            if (html[at] != '<')
            {
                continue;
            }
            var closing = html[at + 1] == '/';
            var name = at + (closing ? 2 : 1);
            if (name < html.Length && html[name] is 'a' or 'A' && (name + 1 == html.Length || html[name + 1] is ' ' or '>' or '\t' or '\n' or '\r' or '/'))
            {
                change += closing ? -1 : 1;
            }
        }
        return change;
    }
}
