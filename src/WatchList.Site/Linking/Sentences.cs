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

    /// <param name="target">What the mention names: when the mention is written as one of its names, it takes that name's string.</param>
    public static MentionContext Around(ReadOnlySpan<char> paragraph, int start, int length, LinkTarget? target = null)
    {
        var from = SentenceStart(paragraph, start);
        var to = SentenceEnd(paragraph, start + length);
        // Cut and trimmed as spans: each side becomes one string, made once.
        var before = paragraph[from..start];
        var after = paragraph[(start + length)..to];
        string beforeText;
        if (before.Length > MaxSide)
        {
            // From the first word that starts within the last MaxSide characters.
            var space = before[(before.Length - MaxSide)..].IndexOf(' ');
            beforeText = string.Concat("… ", before[(space < 0 ? 0 : space + before.Length - MaxSide + 1)..]);
        }
        else
        {
            beforeText = before.TrimStart().ToString();
        }
        string afterText;
        if (after.Length > MaxSide)
        {
            var cut = after[..(MaxSide + 1)].LastIndexOf(' ');
            afterText = string.Concat(after[..(cut > 0 ? cut : MaxSide)], " …");
        }
        else
        {
            afterText = after.TrimEnd().ToString();
        }
        var mention = paragraph.Slice(start, length);
        return new MentionContext(beforeText, target?.NameWrittenAs(mention) ?? mention.ToString(), afterText);
    }

    private static int SentenceStart(ReadOnlySpan<char> text, int position)
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

    private static int SentenceEnd(ReadOnlySpan<char> text, int position)
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
    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int i)
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
        var word = text.Slice(wordStart, i - wordStart).TrimStart("(\"“'");
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
