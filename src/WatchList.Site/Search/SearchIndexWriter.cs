using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WatchList.Site.Search;

/// <summary>One page a search can find, with what the pipeline knows of it.</summary>
/// <param name="Kind">What it is, as shown: a commentary's type ("Q&amp;A"), "Glossary term" or "Actor".</param>
/// <param name="Date">A commentary's date, as yyyy-MM-dd; empty for the glossary and the actors.</param>
/// <param name="Filters">The filter values it is found under, as "name:value" ("type:q-a", "year:2019", "actor:north-korea").</param>
public sealed record SearchDocument(string Title, string Kind, string Date, string Link, string Summary, string Text, IReadOnlyList<string> Filters);

/// <summary>A file of the search index: where it goes below the site, and its bytes.</summary>
public sealed record SearchFile(string Path, byte[] Bytes);

/// <summary>
/// The search index, split so that a query fetches only what it needs: a small entry file
/// (<c>index.json</c>: the number of pages and the first word of each shard), the shards
/// (<c>s/N.bin</c>: words in order, each with its postings), a file per filter value (<c>f/name-value.bin</c>)
/// and the records of the pages (title, kind, date, address and summary) in chunks of <see cref="RecordsPerFile"/>
/// consecutive pages (<c>r/K.json</c>, an array of the records of pages K × size to K × size + size − 1), fetched only
/// for the results shown: a file per page would cost a site of 10,000 pages 10,000 files to create. No text is stored for excerpts: they come from the result's own page, which the
/// site has anyway and the reader's browser keeps for when the result is followed.
/// </summary>
/// <remarks>
/// Postings are the pages holding a word, in page order, with a weight (how often the word stands in the
/// body, plus 3 for each time in the summary and 10 in the title). A sparse list is varint pairs: the gap
/// from the previous page and the weight. A word on more than one page in eight is cheaper as a dense
/// list: two bits a page, 0 for absent, 1 to 3 for a weight of 1, 2 to 4, or 5 and more. Pages are
/// numbered newest commentary first, so ties go to the newer one.
/// </remarks>
public static class SearchIndexWriter
{
    public const int Version = 3;
    public const int TitleWeight = 10;
    public const int SummaryWeight = 3;

    /// <summary>
    /// How many consecutive pages share a record file. Pages are numbered newest commentary first, so results
    /// that come together (a filter's newest, a recent story) tend to share a chunk; 16 records are about
    /// 2.5 KB gzip-compressed, so the ten results shown cost at most about 25 KB of records.
    /// </summary>
    public const int RecordsPerFile = 16;

    /// <summary>About how many bytes a shard holds before the next one starts.</summary>
    public const int ShardBytes = 6 * 1024;

    // Fetched by script, never put in a page: characters such as "’" or "&" need no escaping.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="postings">
    /// The postings of the documents' words; by default counted from each document's <see cref="SearchDocument.Text"/>.
    /// </param>
    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchDocument> documents, IPostings? postings = null)
    {
        postings ??= CountedPostings.Count(documents.Count, (i, counts) => CountWords(documents[i], documents[i].Text, counts));
        if (postings.Pages != documents.Count)
        {
            throw new ArgumentException($"The postings number {postings.Pages} pages, not {documents.Count}.", nameof(postings));
        }

        // The filters and the records are made while the shards are, on other threads.
        var filters = Task.Run(() => FilterFiles(documents));
        var records = Task.Run(() => RecordFiles(documents));
        var (files, shardStarts) = Shards(postings);
        files.AddRange(filters.GetAwaiter().GetResult());
        files.AddRange(records.GetAwaiter().GetResult());

        // The entry file names a stamp of everything else, so a reader's browser never mixes two builds.
        var stamp = files.Aggregate(0UL, (hash, f) => Output.Fingerprint.Combine(hash ^ Output.Fingerprint.OfBytes(f.Bytes), f.Path));
        var entry = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(entry, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("stamp", stamp.ToString("x16"));
            json.WriteNumber("pages", documents.Count);
            json.WriteNumber("records", RecordsPerFile);
            json.WriteStartArray("shards");
            foreach (var start in shardStarts)
            {
                json.WriteStringValue(start);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        files.Add(new SearchFile("index.json", entry.WrittenSpan.ToArray()));
        return files;
    }

    /// <summary>The shards: every word in order with its postings, a new shard when one is full; and each shard's first word.</summary>
    private static (List<SearchFile> Files, List<string> Starts) Shards(IPostings postings)
    {
        var files = new List<SearchFile>();
        var shardStarts = new List<string>();
        var shard = new ArrayBufferWriter<byte>(ShardBytes * 2);
        var previous = "";
        var words = postings.SortedWords();
        var encoded = postings.Encoded(EncodePostings);
        for (var i = 0; i < words.Length; i++)
        {
            var term = words[i];
            if (shard.WrittenCount == 0)
            {
                shardStarts.Add(term);
                previous = "";
            }
            var shared = SharedPrefix(previous, term);
            var suffix = Encoding.UTF8.GetBytes(term[shared..]);
            Varint(shard, shared);
            Varint(shard, suffix.Length);
            shard.Write(suffix);
            shard.Write(encoded[i]);
            previous = term;
            if (shard.WrittenCount >= ShardBytes)
            {
                files.Add(new SearchFile($"s/{shardStarts.Count - 1}.bin", shard.WrittenSpan.ToArray()));
                shard.Clear();
            }
        }
        if (shard.WrittenCount > 0)
        {
            files.Add(new SearchFile($"s/{shardStarts.Count - 1}.bin", shard.WrittenSpan.ToArray()));
        }
        return (files, shardStarts);
    }

    /// <summary>A file per filter value: the pages under it.</summary>
    private static List<SearchFile> FilterFiles(IReadOnlyList<SearchDocument> documents)
    {
        var files = new List<SearchFile>();
        foreach (var filter in documents
            .SelectMany((d, id) => d.Filters.Select(f => (Filter: f, Id: id)))
            .GroupBy(x => x.Filter, StringComparer.Ordinal))
        {
            files.Add(new SearchFile($"f/{filter.Key.Replace(':', '-')}.bin", FilterPostings([.. filter.Select(x => x.Id).Distinct().Order()], documents.Count)));
        }
        return files;
    }

    /// <summary>The pages' records, <see cref="RecordsPerFile"/> to a file.</summary>
    private static List<SearchFile> RecordFiles(IReadOnlyList<SearchDocument> documents)
    {
        var files = new List<SearchFile>();
        for (var chunk = 0; chunk * RecordsPerFile < documents.Count; chunk++)
        {
            files.Add(new SearchFile($"r/{chunk}.json", Records(documents, chunk * RecordsPerFile, Math.Min(documents.Count, (chunk + 1) * RecordsPerFile))));
        }
        return files;
    }

    /// <summary>The words of a page with their weights: title, summary and text.</summary>
    public static Dictionary<string, int> WordsOf(SearchDocument document)
    {
        // About one distinct word in twelve characters of a commentary's text: sized once rather than grown.
        var counts = new Dictionary<string, int>(Math.Min(document.Text.Length / 12, 4096), StringComparer.Ordinal);
        CountWords(document, document.Text, new DictionaryCounts(counts, null));
        return counts;
    }

    /// <summary>Hands the words of a page to <paramref name="counts"/>, each with its weight: title, summary, then text.</summary>
    public static void CountWords<TCounts>(SearchDocument document, ReadOnlySpan<char> text, TCounts counts) where TCounts : IWordCounts
    {
        SearchWords.Count(document.Title, counts, TitleWeight);
        SearchWords.Count(document.Summary, counts, SummaryWeight);
        SearchWords.Count(text, counts, 1);
    }

    /// <summary>Pairs of page and weight, sparse or dense, after a varint of (byte length × 2 + dense).</summary>
    /// <param name="runs">The pairs, in page order, in one list or in several one after the other.</param>
    private static byte[] EncodePostings(IReadOnlyList<List<int>> runs, int pages)
    {
        var output = new ArrayBufferWriter<byte>(16);
        var count = 0;
        foreach (var pairs in runs)
        {
            count += pairs.Count / 2;
        }
        if (count * 8 > pages)
        {
            var dense = new byte[(pages + 3) / 4];
            foreach (var pairs in runs)
            {
                for (var i = 0; i < pairs.Count; i += 2)
                {
                    var weight = pairs[i + 1];
                    var level = weight >= 5 ? 3 : weight >= 2 ? 2 : 1;
                    dense[pairs[i] >> 2] |= (byte)(level << ((pairs[i] & 3) * 2));
                }
            }
            Varint(output, dense.Length * 2 + 1);
            output.Write(dense);
            return output.WrittenSpan.ToArray();
        }
        var sparse = new ArrayBufferWriter<byte>(count * 3);
        var last = -1;
        foreach (var pairs in runs)
        {
            for (var i = 0; i < pairs.Count; i += 2)
            {
                Varint(sparse, pairs[i] - last - 1);
                Varint(sparse, pairs[i + 1]);
                last = pairs[i];
            }
        }
        Varint(output, sparse.WrittenCount * 2);
        output.Write(sparse.WrittenSpan);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The pages under one filter value: a first byte 0 then varint gaps, or 1 then a bit a page.</summary>
    private static byte[] FilterPostings(IReadOnlyList<int> ids, int pages)
    {
        var sparse = new ArrayBufferWriter<byte>();
        sparse.Write([(byte)0]);
        var last = -1;
        foreach (var id in ids)
        {
            Varint(sparse, id - last - 1);
            last = id;
        }
        var denseLength = 1 + (pages + 7) / 8;
        if (sparse.WrittenCount <= denseLength)
        {
            return sparse.WrittenSpan.ToArray();
        }
        var dense = new byte[denseLength];
        dense[0] = 1;
        foreach (var id in ids)
        {
            dense[1 + (id >> 3)] |= (byte)(1 << (id & 7));
        }
        return dense;
    }

    /// <summary>The records of pages <paramref name="from"/> to <paramref name="to"/> (exclusive), as a JSON array.</summary>
    private static byte[] Records(IReadOnlyList<SearchDocument> documents, int from, int to)
    {
        var output = new ArrayBufferWriter<byte>(512 * (to - from));
        using (var json = new Utf8JsonWriter(output, JsonOptions))
        {
            json.WriteStartArray();
            for (var id = from; id < to; id++)
            {
                Record(json, documents[id]);
            }
            json.WriteEndArray();
        }
        return output.WrittenSpan.ToArray();
    }

    private static void Record(Utf8JsonWriter json, SearchDocument document)
    {
        json.WriteStartObject();
        json.WriteString("t", document.Title);
        json.WriteString("k", document.Kind);
        if (document.Date.Length > 0)
        {
            json.WriteString("d", document.Date);
        }
        json.WriteString("u", document.Link);
        json.WriteString("s", document.Summary);
        json.WriteEndObject();
    }

    private static int SharedPrefix(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }
        // Never split a surrogate pair: the rest is written as UTF-8 on its own.
        return i > 0 && char.IsHighSurrogate(a[i - 1]) ? i - 1 : i;
    }

    private static void Varint(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(5);
        var n = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[n++] = (byte)v;
        output.Advance(n);
    }
}
