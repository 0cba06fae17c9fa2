using System.Collections.Frozen;

namespace WatchList.Site.Linking;

/// <summary>
/// Tells when a matched name is only part of a longer proper name that is no entry's: "Washington" in
/// "Washington Post", "Seoul" in "Seoul National University", "China" in "South China Sea", "Japan" in
/// "Sea of Japan", "Kim" in "Kim Yo-jong". Such a match is not linked. Read on the run's normalised text
/// (one space between words, line breaks included), for each match only: no pattern per mention.
/// </summary>
/// <remarks>
/// A match is joined to a longer name when a capitalised word follows it after one space, or when a
/// capitalised word that does not start the sentence (or "Sea of", "Bank of": a capitalised word then
/// "of") stands right before it. It is not joined when that neighbour is itself a matched name
/// ("Special Representative for North Korea Stephen Biegun"), a title ("US President Donald Trump",
/// "Secretary of State Mike Pompeo"), a day or a month.
/// </remarks>
public static class ProperNames
{
    /// <summary>Capitalised words that stand beside a name without making a longer name of it.</summary>
    private static readonly FrozenSet<string> NotPartOfAName = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "President", "Presidents", "Prime", "Minister", "Ministers", "Secretary", "Foreign", "Defence", "Defense", "Vice",
        "Chairman", "Chairwoman", "Leader", "Supreme", "Special", "Envoy", "Ambassador", "General", "Gen", "Representative",
        "Adviser", "Advisor", "Senator", "State", "Director", "Deputy", "Premier", "Spokesperson", "Spokesman",
        "Spokeswoman", "Commander", "Chief", "Mr", "Mrs", "Ms", "Dr", "I",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPartOfANameBySpan =
        NotPartOfAName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="text">The normalised text the matches were found in.</param>
    /// <param name="matches">The chosen matches of the text, in order.</param>
    /// <param name="index">The match to judge.</param>
    public static bool IsPartOfLongerName(ReadOnlySpan<char> text, IReadOnlyList<AliasAutomaton.Match> matches, int index)
    {
        var match = matches[index];
        var end = match.Start + match.Length;
        return JoinedAfter(text, end, matches, index) || JoinedBefore(text, match.Start, matches, index);
    }

    private static bool JoinedAfter(ReadOnlySpan<char> text, int end, IReadOnlyList<AliasAutomaton.Match> matches, int index)
    {
        if (!char.IsUpper(text[WordStart(text, end)]) || end + 1 >= text.Length || text[end] != ' ' || !char.IsUpper(text[end + 1]))
        {
            return false;
        }
        if (index + 1 < matches.Count && matches[index + 1].Start == end + 1)
        {
            return false;
        }
        // The capitalised words that follow: a title among them ("National Security Adviser") makes them no name.
        var at = end + 1;
        while (true)
        {
            var wordEnd = WordEnd(text, at);
            if (NotPartOfANameBySpan.Contains(text[at..wordEnd]))
            {
                return false;
            }
            if (wordEnd + 1 >= text.Length || text[wordEnd] != ' ' || !char.IsUpper(text[wordEnd + 1]))
            {
                return true;
            }
            at = wordEnd + 1;
        }
    }

    private static bool JoinedBefore(ReadOnlySpan<char> text, int start, IReadOnlyList<AliasAutomaton.Match> matches, int index)
    {
        if (start < 2 || text[start - 1] != ' ' || !char.IsUpper(text[start]))
        {
            return false;
        }
        var wordEnd = start - 1;
        var wordStart = WordStart(text, wordEnd);
        var word = text[wordStart..wordEnd];
        if (word.SequenceEqual("of") && wordStart >= 2 && text[wordStart - 1] == ' ')
        {
            // "Sea of Japan", "Bank of Korea".
            wordEnd = wordStart - 1;
            wordStart = WordStart(text, wordEnd);
            word = text[wordStart..wordEnd];
        }
        // A word ending in a full stop ends a sentence ("Yongbyon. Yongbyon is") or is a title ("Mr.", "Gen.").
        return word.Length > 0 && char.IsUpper(word[0]) && word[^1] != '.' && !NotPartOfANameBySpan.Contains(word)
            && !StartsSentence(text, wordStart)
            && !(index > 0 && matches[index - 1].Start + matches[index - 1].Length == wordEnd);
    }

    /// <summary>Whether the word at <paramref name="start"/> is the first of its sentence (or of the run of text).</summary>
    private static bool StartsSentence(ReadOnlySpan<char> text, int start)
    {
        var at = start;
        // Opening quotes and brackets belong to the sentence start.
        while (at > 0 && text[at - 1] is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[')
        {
            at--;
        }
        if (at == 0 || (at == 1 && text[0] == ' '))
        {
            return true;
        }
        if (text[at - 1] is '\u2014' or '\u2013')
        {
            return true;
        }
        if (text[at - 1] != ' ')
        {
            return false;
        }
        var before = at - 2;
        // Closing quotes and brackets after a full stop: ...said." Then
        while (before > 0 && text[before] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']')
        {
            before--;
        }
        return text[before] is '.' or '!' or '?' or ':' or ';' or '\u2014' or '\u2013';
    }

    /// <summary>Where the word that ends at <paramref name="end"/> (exclusive) starts; hyphens and full stops inside names count.</summary>
    private static int WordStart(ReadOnlySpan<char> text, int end)
    {
        var at = end;
        while (at > 0 && (AliasAutomaton.IsWordCharacter(text[at - 1]) || (text[at - 1] is '-' or '.' && at - 1 > 0 && AliasAutomaton.IsWordCharacter(text[at - 2]))))
        {
            at--;
        }
        return at == end && end > 0 ? end - 1 : at;
    }

    /// <summary>Where the word that starts at <paramref name="start"/> ends (exclusive).</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var at = start;
        while (at < text.Length && (AliasAutomaton.IsWordCharacter(text[at]) || (text[at] == '-' && at + 1 < text.Length && AliasAutomaton.IsWordCharacter(text[at + 1]))))
        {
            at++;
        }
        return at;
    }
}
