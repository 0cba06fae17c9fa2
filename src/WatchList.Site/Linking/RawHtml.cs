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
}
