using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;

namespace WatchList.Site.Linking;

/// <summary>
/// Finds every alias of every target in one pass over a text (Aho–Corasick), so the cost depends on the
/// length of the text, not on how many aliases there are. Matches respect word boundaries and each
/// alias's case rule; <see cref="FindLeftmostLongest"/> keeps the longest at each leftmost position.
/// A mention can only start where a word does, so the automaton starts and falls back only there:
/// inside a word it reads on without trying names, however many the glossary has.
/// </summary>
public sealed class AliasAutomaton
{
    /// <summary>What a matched name does: links as a full name, links only after the full name, or blocks.</summary>
    public enum PatternKind
    {
        /// <summary>A title or alias: links wherever it stands.</summary>
        Name,
        /// <summary>A short name: links only after the full name has appeared earlier in the page.</summary>
        Short,
        /// <summary>A never_link phrase: covers its text and links nowhere.</summary>
        Never,
    }

    /// <summary>One alias as matched: its case-preserved normalised form and what it stands for.</summary>
    public sealed record Pattern(string Text, bool CaseSensitive, int Target, PatternKind Kind = PatternKind.Name);

    public readonly record struct Match(int Start, int Length, int Pattern);

    private const int NoNode = -1;
    private const int RootTableSize = 128;
    // A node with more edges than this has a table of its ASCII transitions, like the root's.
    private const int MostEdgesSearched = 8;

    private static readonly SearchValues<char> AsciiWordCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private readonly ImmutableArray<Pattern> _patterns;
    // The ASCII transitions of the root (where most of the text is read) and of every node with many edges: one
    // array access. A node's row starts at _asciiRow[node] in _asciiTable, or the node has none (-1).
    private readonly int[] _asciiRow;
    private readonly int[] _asciiTable;
    // Every other transition, node by node (compressed rows): the edges of node n are
    // _edgeChars[_edgeStart[n].._edgeStart[n + 1]], sorted, leading to _edgeTargets at the same places.
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[][] _outputs;

    private AliasAutomaton(ImmutableArray<Pattern> patterns, int[] asciiRow, int[] asciiTable, int[] edgeStart, char[] edgeChars, int[] edgeTargets,
        int[] fail, int[][] outputs)
    {
        _patterns = patterns;
        _asciiRow = asciiRow;
        _asciiTable = asciiTable;
        _edgeStart = edgeStart;
        _edgeChars = edgeChars;
        _edgeTargets = edgeTargets;
        _fail = fail;
        _outputs = outputs;
    }

    public ImmutableArray<Pattern> Patterns => _patterns;

    public static AliasAutomaton Build(IEnumerable<Pattern> patterns)
    {
        var list = patterns.Where(p => p.Text.Length > 0).ToImmutableArray();

        // The trie, each node's children as a linked list while it grows.
        var capacity = 1 + list.Sum(p => p.Text.Length);
        var label = new char[capacity];
        var firstChild = new int[capacity];
        var nextSibling = new int[capacity];
        var ends = new List<int>?[capacity];
        Array.Fill(firstChild, NoNode);
        Array.Fill(nextSibling, NoNode);
        var count = 1;
        var edges = 0;
        for (var p = 0; p < list.Length; p++)
        {
            var node = 0;
            foreach (var raw in list[p].Text)
            {
                var c = Fold(raw);
                var child = firstChild[node];
                while (child != NoNode && label[child] != c)
                {
                    child = nextSibling[child];
                }
                if (child == NoNode)
                {
                    child = count++;
                    label[child] = c;
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                    edges++;
                }
                node = child;
            }
            (ends[node] ??= []).Add(p);
        }

        // Compressed rows of sorted edges, and the ASCII tables of the root and of the nodes with many edges.
        var edgeStart = new int[count + 1];
        var edgeChars = new char[edges];
        var edgeTargets = new int[edges];
        var asciiRow = new int[count];
        var asciiTable = new List<int>();
        var at = 0;
        for (var node = 0; node < count; node++)
        {
            edgeStart[node] = at;
            for (var child = firstChild[node]; child != NoNode; child = nextSibling[child])
            {
                edgeChars[at] = label[child];
                edgeTargets[at] = child;
                at++;
            }
            Array.Sort(edgeChars, edgeTargets, edgeStart[node], at - edgeStart[node]);
            asciiRow[node] = NoNode;
            if (node == 0 || at - edgeStart[node] > MostEdgesSearched)
            {
                asciiRow[node] = asciiTable.Count;
                asciiTable.AddRange(Enumerable.Repeat(NoNode, RootTableSize));
                for (var e = edgeStart[node]; e < at && edgeChars[e] < RootTableSize; e++)
                {
                    asciiTable[asciiRow[node] + edgeChars[e]] = edgeTargets[e];
                }
            }
        }
        edgeStart[count] = at;
        var automaton = new AliasAutomaton(list, asciiRow, [.. asciiTable], edgeStart, edgeChars, edgeTargets, new int[count], new int[count][]);

        // Breadth-first: each node's failure link is the longest proper suffix that starts a word and is also
        // a prefix, and its outputs are its own patterns, then those of its failure link (already done, being
        // shallower). A suffix starting inside a word could never be a whole-word mention.
        var fail = automaton._fail;
        var outputs = automaton._outputs;
        outputs[0] = [.. ends[0] ?? []];
        var queue = new int[count];
        int head = 0, tail = 0;
        for (var e = edgeStart[0]; e < edgeStart[1]; e++)
        {
            queue[tail++] = edgeTargets[e];
        }
        while (head < tail)
        {
            var node = queue[head++];
            var own = ends[node];
            var inherited = outputs[fail[node]];
            outputs[node] = own is null ? inherited : [.. own, .. inherited];
            for (var e = edgeStart[node]; e < edgeStart[node + 1]; e++)
            {
                var c = edgeChars[e];
                var child = edgeTargets[e];
                var f = fail[node];
                while (f != 0 && automaton.Child(f, c) == NoNode)
                {
                    f = fail[f];
                }
                // Back at the root, the suffix made of c alone starts a word only after a character that is not one.
                var target = f != 0 ? automaton.Child(f, c) : IsWordCharacter(label[node]) ? NoNode : automaton.Child(0, c);
                fail[child] = target != NoNode && target != child ? target : 0;
                queue[tail++] = child;
            }
        }
        return automaton;
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
            if (node == 0 && i > 0 && IsAsciiWordCharacter(text[i - 1]) && IsAsciiWordCharacter(text[i]))
            {
                // Inside a word with nothing under way: no mention starts before the word ends, so skip to there.
                var rest = text[i..].IndexOfAnyExcept(AsciiWordCharacters);
                if (rest < 0)
                {
                    break;
                }
                i += rest;
            }
            var c = Fold(text[i]);
            while (true)
            {
                if (node == 0)
                {
                    // A name is only tried from where a word starts.
                    node = i == 0 || !IsWordCharacter(text[i - 1]) ? Math.Max(Child(0, c), 0) : 0;
                    break;
                }
                var next = Child(node, c);
                if (next != NoNode)
                {
                    node = next;
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
        // The chosen ones are kept in place, in order.
        var kept = 0;
        var end = 0;
        for (var m = 0; m < all.Count; m++)
        {
            var match = all[m];
            if (match.Start >= end)
            {
                all[kept++] = match;
                end = match.Start + match.Length;
            }
        }
        all.RemoveRange(kept, all.Count - kept);
        return all;
    }

    /// <summary>The node reached from <paramref name="node"/> by the folded character <paramref name="c"/>, or <see cref="NoNode"/>.</summary>
    private int Child(int node, char c)
    {
        if (c < RootTableSize && _asciiRow[node] is var row and >= 0)
        {
            return _asciiTable[row + c];
        }
        var from = _edgeStart[node];
        var to = _edgeStart[node + 1];
        if (to - from <= MostEdgesSearched)
        {
            for (var e = from; e < to; e++)
            {
                if (_edgeChars[e] == c)
                {
                    return _edgeTargets[e];
                }
            }
            return NoNode;
        }
        // Sorted: halved by hand, without the generic search's comparer.
        var low = from;
        var high = to - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var label = _edgeChars[middle];
            if (label == c)
            {
                return _edgeTargets[middle];
            }
            if (label < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return NoNode;
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

    /// <summary>The characters <see cref="Normalize(char)"/> changes: every one but the plain space it leaves alone.</summary>
    public static readonly SearchValues<char> Normalized = SearchValues.Create("\u2019\u2018\u02BC" + Content.Characters.WhiteSpaceButSpace);

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
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c) || c == '_'
            : char.IsLetterOrDigit(c) ||
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

    private static bool IsAsciiWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static char Fold(char c) => char.ToLowerInvariant(c);
}
