using WatchList.Site.Linking;

namespace WatchList.Site.Tests.Linking;

/// <summary>
/// Every alias of every entry is matched by one automaton in one pass over the text. Timing is not
/// tested; instead the automaton is built over thousands of aliases that overlap as prefixes and
/// suffixes of each other, and must still find exactly the leftmost-longest whole-word matches.
/// </summary>
public class AliasAutomatonTests
{
    private static (AliasAutomaton Automaton, List<string> Aliases) Build(IEnumerable<string> aliases)
    {
        var list = aliases.ToList();
        var automaton = AliasAutomaton.Build(list.Select((a, i) => new AliasAutomaton.Pattern(a, CaseSensitive: false, Target: i)));
        return (automaton, list);
    }

    private static List<string> Found(AliasAutomaton automaton, List<string> aliases, string text) =>
        [.. automaton.FindLeftmostLongest(text).Select(m =>
        {
            // What was matched in the text is exactly the alias the match names.
            Assert.Equal(aliases[automaton.Patterns[m.Pattern].Target], text.Substring(m.Start, m.Length), ignoreCase: true);
            return text.Substring(m.Start, m.Length);
        })];

    /// <summary>5,000 generated aliases, many of them prefixes of others ("Entry 12", "Entry 123", "Entry 12 Annex").</summary>
    private static IEnumerable<string> Generated()
    {
        for (var i = 0; i < 2500; i++)
        {
            yield return $"Entry {i}";
            yield return $"Entry {i} Annex";
        }
    }

    [Fact]
    public void One_automaton_over_thousands_of_aliases_finds_the_leftmost_longest_whole_word_matches()
    {
        string[] classic = ["he", "she", "his", "hers", "North Korea", "North Korean", "Korean War", "Korea"];
        var (automaton, aliases) = Build(Generated().Concat(classic));

        Assert.Equal(5000 + classic.Length, automaton.Patterns.Length);

        Assert.Equal(
            ["Entry 12 Annex", "Entry 123", "Entry 2499 Annex", "Entry 7"],
            Found(automaton, aliases, "See Entry 12 Annex, then Entry 123 and Entry 2499 Annex; Entry 7 too, but not Entry 25000 or Entry."));

        // The classic Aho–Corasick set: each word is matched whole, none inside another ("ushers" holds she, he and hers).
        Assert.Equal(["she", "his", "hers", "he"], Found(automaton, aliases, "ushers: she sells his hers, he said"));

        // Leftmost wins over a longer match starting later; the longest wins at the same start.
        Assert.Equal(["North Korean", "Korea"], Found(automaton, aliases, "The North Korean War memorial in South Korea."));
    }

    [Fact]
    public void An_automaton_matches_an_alias_after_a_failed_longer_one()
    {
        // "Entry 12 Ann" fails at "e"; the failure links must fall back to "Entry 12" and carry on.
        var (automaton, aliases) = Build(Generated());

        Assert.Equal(["Entry 12", "Entry 13 Annex"], Found(automaton, aliases, "Entry 12 Anne met Entry 13 Annex."));
    }
}
