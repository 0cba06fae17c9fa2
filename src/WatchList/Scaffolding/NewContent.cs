using System.Text;
using WatchList.Site.Content;

namespace WatchList.Scaffolding;

/// <summary>The kinds of file <c>watchlist new</c> creates.</summary>
public enum ContentKind
{
    Commentary,
    Term,
    Actor,
}

/// <summary>
/// A new content file: where it goes and what it holds (every key an editor fills in, with values
/// that already build), named by a valid slug suggested from the title.
/// </summary>
public sealed record NewContent(string RelativePath, string Text, string Note)
{
    public static readonly string[] ActorKinds = ["state", "organisation", "person"];

    private const string SentenceToWrite = "One sentence, shown when a reader hovers over or tabs to a mention.";

    public static bool TryParseKind(string word, out ContentKind kind)
    {
        (var known, kind) = word switch
        {
            "commentary" => (true, ContentKind.Commentary),
            "term" => (true, ContentKind.Term),
            "actor" => (true, ContentKind.Actor),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The file for a title; null when the title holds no letter or digit a slug can be made of.</summary>
    public static NewContent? For(ContentKind kind, string title, DateOnly today, string actorKind = "person")
    {
        var slug = Slug.Suggest(title);
        if (slug.Length == 0)
        {
            return null;
        }
        return kind switch
        {
            ContentKind.Commentary => new NewContent(
                $"commentaries/{today:yyyy-MM-dd}-{slug}.md",
                FrontMatter(
                    ("title", Quoted(title)),
                    ("date", today.ToString("yyyy-MM-dd")),
                    ("summary", Quoted("One or two sentences, shown under the title and in lists.")),
                    ("type", "Commentary"),
                    ("series", "\"\""),
                    ("authors", "[]"),
                    ("source", "\"\""),
                    ("publisher", "\"\""),
                    ("actors", "[]"),
                    ("draft", "true")) +
                "Write the commentary here, in Markdown. Mentions of glossary terms and actors are linked for you.\n",
                "it is a draft: set 'draft: false' to publish it"),
            ContentKind.Term => new NewContent(
                $"glossary/{slug}.md",
                FrontMatter(
                    ("title", Quoted(title)),
                    ("summary", Quoted(SentenceToWrite)),
                    ("aliases", "[]"),
                    ("related", "[]")) +
                "The full explanation, in Markdown.\n",
                "add the other names the commentaries use to 'aliases'"),
            ContentKind.Actor => new NewContent(
                $"actors/{slug}.md",
                FrontMatter(
                    ("title", Quoted(title)),
                    ("kind", actorKind),
                    ("summary", Quoted(SentenceToWrite)),
                    ("aliases", "[]"),
                    ("affiliation", "\"\"")) +
                "Who they are and where they stand, in Markdown.\n",
                "add the other names the commentaries use to 'aliases'"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string FrontMatter(params (string Key, string Value)[] fields)
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in fields)
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }
        return text.Append("---\n").ToString();
    }

    /// <summary>A YAML double-quoted string, so titles with ': ', '#' or quotes stay text.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
