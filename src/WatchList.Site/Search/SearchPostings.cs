using System.Runtime.InteropServices;

namespace WatchList.Site.Search;

/// <summary>
/// The postings of every word of the search index (the pages holding it, with a weight), and each word's postings
/// encoded as the shards store them. A preview keeps one between builds: a save changes the words of the pages
/// saved, so only their words are taken out and put back, and only those words are encoded again. A one-off
/// build counts its pages once (<see cref="Count"/>). Not safe for use by two builds at once (a session builds one at a time).
/// </summary>
public sealed class SearchPostings
{
    // Per page (in index order) the words it was last counted with; compared by reference, as the counts of an
    // unchanged page are the same object from one build to the next.
    private Dictionary<string, int>[] _pages = [];

    // Per word: pairs of page and weight, in page order.
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    // A one-off build's postings, never joined: per word, its pairs in each run of pages holding it, runs in page order.
    private readonly Dictionary<string, List<List<int>>> _runs = new(StringComparer.Ordinal);

    // Per word: its postings as the shards store them, for the current number of pages; missing when changed.
    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);

    private string[]? _sortedWords;

    // False for a one-off build, which asks for each word's encoding once and holds no page's counts.
    private readonly bool _kept;

    /// <summary>Postings kept for later builds of a session: each page's counts and each word's encoding are kept too.</summary>
    public SearchPostings()
        : this(kept: true)
    {
    }

    private SearchPostings(bool kept) => _kept = kept;

    /// <summary>How many pages the postings number.</summary>
    public int Pages { get; private set; }

    /// <summary>
    /// The postings of <paramref name="pages"/> pages counted once, for a build that keeps none: <c>count(i, counts)</c>
    /// hands page <c>i</c>'s words to <c>counts</c>.
    /// </summary>
    /// <remarks>
    /// The pages are cut into runs of consecutive pages, a few per core, each counted on a thread of its own straight
    /// into postings of its own: no page's counts are ever a dictionary of their own, and a word is looked up once
    /// where it stands. A word's postings are its runs' pairs one after the other, never copied into one list.
    /// </remarks>
    public static SearchPostings Count(int pages, Action<int, IWordCounts> count)
    {
        var postings = new SearchPostings(kept: false);
        postings.Reset(pages);
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
        return postings;
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

    /// <summary>
    /// Brings the postings up to date with the words of <paramref name="pages"/> pages, page <c>i</c> holding
    /// <c>words(i)</c>, counted on several threads.
    /// </summary>
    public void Update(int pages, Func<int, Dictionary<string, int>> words)
    {
        if (!_kept)
        {
            throw new InvalidOperationException("Postings counted once are not brought up to date; count them again.");
        }
        var counts = new Dictionary<string, int>[pages];
        Parallel.For(0, pages, i => counts[i] = words(i));
        Update(counts);
    }

    /// <summary>Brings kept postings up to date with the words of every page, page <c>i</c> holding <c>words[i]</c>.</summary>
    private void Update(Dictionary<string, int>[] words)
    {
        if (words.Length != _pages.Length)
        {
            // Page numbers moved, and dense postings are as long as the number of pages: everything is made again.
            Reset(words.Length);
            for (var page = 0; page < words.Length; page++)
            {
                Add(page, words[page]);
            }
            _pages = words;
            return;
        }
        for (var page = 0; page < words.Length; page++)
        {
            if (ReferenceEquals(words[page], _pages[page]))
            {
                continue;
            }
            var before = _pages[page];
            var now = words[page];
            foreach (var word in before.Keys)
            {
                if (!now.ContainsKey(word))
                {
                    Remove(word, page);
                }
            }
            foreach (var (word, weight) in now)
            {
                if (!before.TryGetValue(word, out var was))
                {
                    Insert(word, page, weight);
                }
                else if (was != weight)
                {
                    var list = _postings[word];
                    list[Find(list, page) + 1] = weight;
                    _encoded.Remove(word);
                }
            }
            _pages[page] = now;
        }
    }

    private void Reset(int pages)
    {
        _postings.Clear();
        _runs.Clear();
        _encoded.Clear();
        _sortedWords = null;
        _pages = [];
        Pages = pages;
    }

    /// <summary>Adds a page after every page added so far.</summary>
    private void Add(int page, Dictionary<string, int> words)
    {
        foreach (var (word, weight) in words)
        {
            var list = PostingsOf(word);
            list.Add(page);
            list.Add(weight);
        }
    }

    /// <summary>The postings of a word, new and empty (and the words to be sorted again) when it had none.</summary>
    private List<int> PostingsOf(string word)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, word, out var known);
        if (!known)
        {
            list = [];
            _sortedWords = null;
        }
        return list!;
    }

    /// <summary>Every word in ordinal order.</summary>
    public string[] SortedWords()
    {
        if (_sortedWords is null)
        {
            _sortedWords = _kept ? [.. _postings.Keys] : [.. _runs.Keys];
            Array.Sort(_sortedWords, StringComparer.Ordinal);
        }
        return _sortedWords;
    }

    /// <summary>
    /// The postings of every word, in the order of <see cref="SortedWords"/>, encoded by <paramref name="encode"/> from
    /// their pairs (in one list or in several, one after the other): kept postings only when they changed since last
    /// asked, a one-off build's on several threads.
    /// </summary>
    public byte[][] Encoded(Func<IReadOnlyList<List<int>>, int, byte[]> encode)
    {
        var words = SortedWords();
        var encoded = new byte[words.Length][];
        if (!_kept)
        {
            Parallel.For(0, words.Length, i => encoded[i] = encode(_runs[words[i]], Pages));
            return encoded;
        }
        for (var i = 0; i < words.Length; i++)
        {
            ref var bytes = ref CollectionsMarshal.GetValueRefOrAddDefault(_encoded, words[i], out _);
            encoded[i] = bytes ??= encode([_postings[words[i]]], Pages);
        }
        return encoded;
    }

    private void Remove(string word, int page)
    {
        var list = _postings[word];
        var at = Find(list, page);
        list.RemoveRange(at, 2);
        _encoded.Remove(word);
        if (list.Count == 0)
        {
            _postings.Remove(word);
            _sortedWords = null;
        }
    }

    private void Insert(string word, int page, int weight)
    {
        var list = PostingsOf(word);
        list.InsertRange(Find(list, page), [page, weight]);
        _encoded.Remove(word);
    }

    /// <summary>Where <paramref name="page"/>'s pair is, or would go, in a list of pairs in page order.</summary>
    private static int Find(List<int> pairs, int page)
    {
        int low = 0, high = pairs.Count / 2;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (pairs[middle * 2] < page)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low * 2;
    }
}
