using System.Collections.Immutable;
using System.Globalization;

namespace WatchList.Site.Linking;

/// <summary>
/// Finds every alias of every target in one pass over a text (Aho–Corasick), so the cost depends on the
/// length of the text, not on how many aliases there are. Matches respect word boundaries and each
/// alias's case rule; <see cref="FindLeftmostLongest"/> keeps the longest at each leftmost position.
/// </summary>
public sealed class AliasAutomaton
{
    /// <summary>One alias as matched: its case-preserved normalised form and what it stands for.</summary>
    public sealed record Pattern(string Text, bool CaseSensitive, int Target);

    public readonly record struct Match(int Start, int Length, int Pattern);

    private readonly ImmutableArray<Pattern> _patterns;
    private readonly Dictionary<long, int> _transitions;
    private readonly int[] _fail;
    private readonly int[][] _outputs;

    private AliasAutomaton(ImmutableArray<Pattern> patterns, Dictionary<long, int> transitions, int[] fail, int[][] outputs)
    {
        _patterns = patterns;
        _transitions = transitions;
        _fail = fail;
        _outputs = outputs;
    }

    public ImmutableArray<Pattern> Patterns => _patterns;

    public static AliasAutomaton Build(IEnumerable<Pattern> patterns)
    {
        var list = patterns.Where(p => p.Text.Length > 0).ToImmutableArray();
        var transitions = new Dictionary<long, int>();
        var ends = new List<List<int>> { new() };
        for (var p = 0; p < list.Length; p++)
        {
            var node = 0;
            foreach (var c in list[p].Text)
            {
                var key = Key(node, Fold(c));
                if (!transitions.TryGetValue(key, out var next))
                {
                    next = ends.Count;
                    ends.Add([]);
                    transitions[key] = next;
                }
                node = next;
            }
            ends[node].Add(p);
        }

        // Breadth-first: each node's failure link is the longest proper suffix that is also a prefix.
        var children = new List<(int Node, char C, int Child)>[ends.Count];
        foreach (var (key, child) in transitions)
        {
            var parent = (int)(key >> 16);
            (children[parent] ??= []).Add((parent, (char)(key & 0xFFFF), child));
        }
        var fail = new int[ends.Count];
        var outputs = new int[ends.Count][];
        outputs[0] = [.. ends[0]];
        var queue = new Queue<int>();
        foreach (var (_, _, child) in children[0] ?? [])
        {
            fail[child] = 0;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            outputs[node] = [.. ends[node], .. outputs[fail[node]]];
            foreach (var (_, c, child) in children[node] ?? [])
            {
                var f = fail[node];
                while (f != 0 && !transitions.ContainsKey(Key(f, c)))
                {
                    f = fail[f];
                }
                fail[child] = transitions.TryGetValue(Key(f, c), out var target) && target != child ? target : 0;
                queue.Enqueue(child);
            }
        }
        return new AliasAutomaton(list, transitions, fail, outputs);
    }

    /// <summary>
    /// Every whole-word match in <paramref name="text"/> (already normalised with <see cref="Normalize"/>),
    /// then the leftmost-longest ones that do not overlap, in order.
    /// </summary>
    public List<Match> FindLeftmostLongest(ReadOnlySpan<char> text)
    {
        var all = new List<Match>();
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            while (true)
            {
                if (_transitions.TryGetValue(Key(node, c), out var next))
                {
                    node = next;
                    break;
                }
                if (node == 0)
                {
                    break;
                }
                node = _fail[node];
            }
            foreach (var p in _outputs[node])
            {
                var pattern = _patterns[p];
                var start = i - pattern.Text.Length + 1;
                if (IsWholeWord(text, start, pattern.Text.Length) &&
                    (!pattern.CaseSensitive || text.Slice(start, pattern.Text.Length).SequenceEqual(pattern.Text)))
                {
                    all.Add(new Match(start, pattern.Text.Length, p));
                }
            }
        }
        if (all.Count <= 1)
        {
            return all;
        }
        all.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var chosen = new List<Match>();
        var end = 0;
        foreach (var match in all)
        {
            if (match.Start >= end)
            {
                chosen.Add(match);
                end = match.Start + match.Length;
            }
        }
        return chosen;
    }

    /// <summary>
    /// The case-preserving normal form matching works on: typographic apostrophes become ASCII ones and
    /// every whitespace character a plain space (runs of it are collapsed by the caller).
    /// </summary>
    public static char Normalize(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' => '\'',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => c,
    };

    /// <summary>Normalises a whole alias, collapsing whitespace the same way running text is.</summary>
    public static string Normalize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var raw in text.Trim())
        {
            var c = Normalize(raw);
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>An alias written all in capitals (an acronym such as US, EU, DPRK) always matches exactly.</summary>
    public static bool IsAllCapitals(string alias) =>
        alias.Count(char.IsLetter) >= 2 && alias.Where(char.IsLetter).All(char.IsUpper);

    public static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || c == '_' ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>
    /// A match must not touch a letter or digit on either side, even when the alias itself ends in
    /// punctuation: "U.S." is not a mention inside "U.S.S.R.".
    /// </summary>
    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length)
    {
        var end = start + length;
        return (start == 0 || !IsWordCharacter(text[start - 1])) && (end == text.Length || !IsWordCharacter(text[end]));
    }

    private static char Fold(char c) => char.ToLowerInvariant(c);

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
