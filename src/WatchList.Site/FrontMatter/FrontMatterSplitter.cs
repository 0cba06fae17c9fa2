using WatchList.Pipeline;

namespace WatchList.Site.FrontMatter;

/// <summary>A Markdown file cut in two: the YAML between the opening and closing <c>---</c>, and the body.</summary>
/// <param name="Yaml">The front matter text; its first line is line 2 of the file.</param>
/// <param name="Text">The whole file, in which the body starts at <paramref name="BodyStart"/>.</param>
/// <param name="BodyLine">The file line on which the body starts.</param>
public sealed record SplitFile(string Yaml, string Text, int BodyStart, int BodyLine)
{
    /// <summary>The body as a string of its own (the file's own string when it has no front matter).</summary>
    public string Body => Text[BodyStart..];

    /// <summary>The body where it stands in the file, for a reader that keeps a copy of its own.</summary>
    public ReadOnlySpan<char> BodySpan => Text.AsSpan(BodyStart);
}

public static class FrontMatterSplitter
{
    /// <summary>Whether the first line opens front matter ('---').</summary>
    public static bool StartsWithFrontMatter(string text) =>
        text.AsSpan(0, LineEnd(text, 0, out _)).TrimEnd().SequenceEqual("---");

    public static SplitFile Split(string path, string text)
    {
        LineEnd(text, 0, out var next);
        if (!StartsWithFrontMatter(text))
        {
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(path, 1, 1),
                "the file does not start with front matter",
                "begin it with a line '---', the YAML keys (title, date, ...), then a closing '---'"));
        }
        var line = 2;
        var yamlStart = next;
        var position = next;
        while (position < text.Length)
        {
            var end = LineEnd(text, position, out next);
            var content = text.AsSpan(position, end - position).TrimEnd();
            if (content.SequenceEqual("---") || content.SequenceEqual("..."))
            {
                return new SplitFile(text[yamlStart..position], text, next, line + 1);
            }
            position = next;
            line++;
        }
        throw new DiagnosticException(Diagnostic.Error(
            new SourceLocation(path, 1, 1),
            "the front matter is never closed",
            "add a line '---' after the last YAML key"));
    }

    private static int LineEnd(string text, int start, out int next)
    {
        var index = text.IndexOf('\n', start);
        if (index < 0)
        {
            next = text.Length;
            return text.Length;
        }
        next = index + 1;
        return index > start && text[index - 1] == '\r' ? index - 1 : index;
    }
}
