namespace WatchList.Site.Search;

/// <summary>
/// What the search index's shards are written from: every word of the pages, each with its postings (the pages
/// holding it, with a weight). A preview keeps its <see cref="SearchPostings"/> between builds; a one-off build
/// counts its pages once (<see cref="CountedPostings"/>).
/// </summary>
public interface IPostings
{
    /// <summary>How many pages the postings number.</summary>
    int Pages { get; }

    /// <summary>Every word in ordinal order.</summary>
    string[] SortedWords();

    /// <summary>
    /// The postings of every word, in the order of <see cref="SortedWords"/>, encoded by <paramref name="encode"/> from
    /// their (page, weight) pairs in page order, given in one list or in several one after the other, and the number
    /// of pages.
    /// </summary>
    byte[][] Encoded(Func<IReadOnlyList<List<int>>, int, byte[]> encode);
}
