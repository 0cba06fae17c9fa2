namespace WatchList.Site.Linking;

/// <summary>Cuts the sentence around a mention out of a paragraph, for "keyword in context" excerpts.</summary>
public static class Sentences
{
    private const int MaxSide = 160;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mt", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Capt", "Sen", "Rep", "Gov", "Jr", "Sr", "No", "vs", "e.g", "i.e", "etc",
    };

    // Looked up by span: telling a sentence's end from an abbreviation's allocates nothing.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationsBySpan =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

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
        var word = text.AsSpan(wordStart, i - wordStart).TrimStart("(\"“'");
        // "U.S." and "Gen." end words, not sentences.
        return !IsInitials(word) && !AbbreviationsBySpan.Contains(word);
    }

    /// <summary>Single capitals between dots, such as "U.S" (the last dot is not part of the word).</summary>
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }
        foreach (var part in word.Split('.'))
        {
            if (part.End.Value - part.Start.Value != 1 || !char.IsUpper(word[part.Start]))
            {
                return false;
            }
        }
        return true;
    }
}
