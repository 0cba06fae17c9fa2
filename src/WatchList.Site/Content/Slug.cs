using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace WatchList.Site.Content;

/// <summary>URL names of commentaries, terms and actors: lowercase letters, digits and hyphens.</summary>
public static partial class Slug
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsValid(string slug) => slug.Length > 0 && !slug.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>
    /// The slug a file name gives: without its extension and a leading YYYY-MM-DD- date; for a page kept in a
    /// folder with its files (<c>2019-04-26-slug/index.md</c>), the folder's name.
    /// </summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name == "index" && Path.GetFileName(Path.GetDirectoryName(path)) is { Length: > 0 } folder)
        {
            name = folder;
        }
        return DatePrefix().Replace(name, "");
    }

    /// <summary>A valid slug close to an invalid one, offered to the editor (never applied silently).</summary>
    public static string Suggest(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex DatePrefix();
}
