using System.Runtime.InteropServices;

namespace WatchList.Site.Search;

/// <summary>
/// The postings of a one-off build, its pages counted once (<see cref="Count"/>) and each word's encoded once.
/// </summary>
/// <remarks>
/// The pages are cut into runs of consecutive pages, a few per core, each counted on a thread of its own straight
/// into postings of its own: no page's counts are ever a dictionary of their own, and a word is looked up once
/// where it stands. A word's postings are its runs' pairs one after the other, never copied into one list.
/// </remarks>
public sealed class CountedPostings : IPostings
{
    // Per word: its pairs in each run of pages holding it, runs in page order.
    private readonly Dictionary<string, List<List<int>>> _runs = new(StringComparer.Ordinal);

    // Every word in ordinal order, sorted once the pages are counted.
    private string[] _sortedWords = [];

    private CountedPostings(int pages) => Pages = pages;

    public int Pages { get; }

    /// <summary>The postings of <paramref name="pages"/> pages: <c>count(i, counts)</c> hands page <c>i</c>'s words to <c>counts</c>.</summary>
    public static CountedPostings Count(int pages, Action<int, IWordCounts> count)
    {
        var postings = new CountedPostings(pages);
        var runs = new RunPostings[Math.Min(pages, Environment.ProcessorCount * 4)];
        Parallel.For(0, runs.Length, run =>
        {
            var counts = new RunPostings();
            for (var page = (int)((long)pages * run / runs.Length); page < (int)((long)pages * (run + 1) / runs.Length); page++)
            {
                counts.Page = page;
                count(page, counts);
            }
            runs[run] = counts;
        });
        foreach (var run in runs)
        {
            foreach (var (word, pairs) in run.Postings)
            {
                (CollectionsMarshal.GetValueRefOrAddDefault(postings._runs, word, out _) ??= []).Add(pairs);
            }
        }
        postings._sortedWords = [.. postings._runs.Keys];
        Array.Sort(postings._sortedWords, StringComparer.Ordinal);
        return postings;
    }

    public string[] SortedWords() => _sortedWords;

    /// <summary>Every word's postings encoded, on several threads.</summary>
    public byte[][] Encoded(Func<IReadOnlyList<List<int>>, int, byte[]> encode)
    {
        var words = SortedWords();
        var encoded = new byte[words.Length][];
        Parallel.For(0, words.Length, i => encoded[i] = encode(_runs[words[i]], Pages));
        return encoded;
    }

    /// <summary>The postings of a run of consecutive pages, counted one page after the other.</summary>
    private sealed class RunPostings : IWordCounts
    {
        public readonly Dictionary<string, List<int>> Postings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public RunPostings() => _lookup = Postings.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The page whose words are being counted.</summary>
        public int Page;

        public void Add(ReadOnlySpan<char> word, int weight)
        {
            ref var pairs = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, word, out _);
            pairs ??= [];
            if (pairs.Count > 0 && pairs[^2] == Page)
            {
                pairs[^1] += weight;
            }
            else
            {
                pairs.Add(Page);
                pairs.Add(weight);
            }
        }
    }
}
