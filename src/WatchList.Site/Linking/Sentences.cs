namespace WatchList.Site.Linking;

/// <summary>Cuts the sentence around a mention out of a paragraph, for "keyword in context" excerpts.</summary>
public static class Sentences
{
    private const int MaxSide = 160;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mt", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Capt", "Sen", "Rep", "Gov", "Jr", "Sr", "No", "vs", "e.g", "i.e", "etc",
    };

    public static MentionContext Around(string paragraph, int start, int length)
    {
        var from = SentenceStart(paragraph, start);
        var to = SentenceEnd(paragraph, start + length);
        var before = paragraph[from..start];
        var after = paragraph[(start + length)..to];
        if (before.Length > MaxSide)
        {
            before = "… " + before[(before.IndexOf(' ', before.Length - MaxSide) + 1)..];
        }
        if (after.Length > MaxSide)
        {
            var cut = after.LastIndexOf(' ', MaxSide);
            after = after[..(cut > 0 ? cut : MaxSide)] + " …";
        }
        return new MentionContext(before.TrimStart(), paragraph.Substring(start, length), after.TrimEnd());
    }

    private static int SentenceStart(string text, int position)
    {
        for (var i = position - 1; i > 0; i--)
        {
            if (text[i] == ' ' && IsSentenceEnd(text, i - 1))
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static int SentenceEnd(string text, int position)
    {
        for (var i = position; i < text.Length; i++)
        {
            if (IsSentenceEnd(text, i) && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i + 1;
            }
        }
        return text.Length;
    }

    /// <summary>True at the last character of a sentence: '.', '?' or '!' (maybe followed by a closing quote), not ending an abbreviation.</summary>
    private static bool IsSentenceEnd(string text, int i)
    {
        while (i > 0 && text[i] is '"' or '\'' or '”' or ')')
        {
            i--;
        }
        if (text[i] is '?' or '!')
        {
            return true;
        }
        if (text[i] != '.')
        {
            return false;
        }
        var wordStart = i;
        while (wordStart > 0 && text[wordStart - 1] != ' ')
        {
            wordStart--;
        }
        var word = text[wordStart..i].TrimStart('(', '"', '“', '\'');
        // "U.S." and "Gen." end words, not sentences.
        var initials = word.Length > 0 && word.Split('.').All(part => part.Length == 1 && char.IsUpper(part[0]));
        return !initials && !Abbreviations.Contains(word);
    }
}
