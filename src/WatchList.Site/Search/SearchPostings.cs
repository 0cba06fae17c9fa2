using System.Runtime.InteropServices;

namespace WatchList.Site.Search;

/// <summary>
/// The postings of every word of the search index (the pages holding it, with a weight), and each word's postings
/// encoded as the shards store them, kept by a preview between builds: a save changes the words of the pages
/// saved, so only their words are taken out and put back, and only those words are encoded again. A one-off
/// build counts its pages once instead (<see cref="CountedPostings"/>). Not safe for use by two builds at once (a
/// session builds one at a time).
/// </summary>
public sealed class SearchPostings : IPostings
{
    // Per page (in index order) the words it was last counted with; compared by reference, as the counts of an
    // unchanged page are the same object from one build to the next.
    private Dictionary<string, int>[] _pages = [];

    // Per word: pairs of page and weight, in page order.
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    // Per word: its postings as the shards store them, for the current number of pages; missing when changed.
    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);

    private string[]? _sortedWords;

    /// <summary>How many pages the postings number.</summary>
    public int Pages { get; private set; }

    /// <summary>
    /// Brings the postings up to date with the words of <paramref name="pages"/> pages, page <c>i</c> holding
    /// <c>words(i)</c>, counted on several threads.
    /// </summary>
    public void Update(int pages, Func<int, Dictionary<string, int>> words)
    {
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
            _sortedWords = [.. _postings.Keys];
            Array.Sort(_sortedWords, StringComparer.Ordinal);
        }
        return _sortedWords;
    }

    /// <summary>The postings of every word, in the order of <see cref="SortedWords"/>, encoded only when they changed since last asked.</summary>
    public byte[][] Encoded(Func<IReadOnlyList<List<int>>, int, byte[]> encode)
    {
        var words = SortedWords();
        var encoded = new byte[words.Length][];
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
