using System.Text;
using System.Text.Json;
using CsCheck;
using WatchList.Site.Search;

namespace WatchList.Site.Tests.Search;

/// <summary>The search index as a reader's browser reads it: which words it keys on and where their pages are.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void Words_fold_case_and_diacritics_and_lose_plural_endings()
    {
        var words = SearchWords.Of("Pyŏngyang's SANCTIONS, policies; status détente Đổi Mới classes");

        Assert.Equal(["pyongyang", "sanction", "policy", "status", "detente", "đoi", "moi", "classe"], words.Keys);
    }

    [Fact]
    public void Words_are_runs_of_letters_and_digits_that_apostrophes_join()
    {
        Gen.OneOf("Korea", "DON", "t", "s", "x9", "42", "_", "-", " ", "'", "’", "‘", ".", "\n", "@", "[", "`", "{", "~", new string('q', 45))
            .Array[0, 16].Select(string.Concat)
            .Sample(text => Assert.Equal(Definition(text), SearchWords.Of(text).OrderBy(w => w.Key, StringComparer.Ordinal)), iter: 2000);

        // A word starts with a letter or digit and runs on across apostrophes, which it loses; lowercase, at most 40 letters, stemmed.
        static IEnumerable<KeyValuePair<string, int>> Definition(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z0-9][A-Za-z0-9'’‘]*")
                .Select(m => new string([.. m.Value.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant())
                .Select(word => SearchWords.Stem(word.Length > SearchWords.MaxLength ? word[..SearchWords.MaxLength] : word))
                .GroupBy(word => word).Select(g => KeyValuePair.Create(g.Key, g.Count()))
                .OrderBy(w => w.Key, StringComparer.Ordinal);
    }

    [Fact]
    public void The_browser_folds_with_the_same_table_as_the_build()
    {
        var script = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "search.js"));

        Assert.Contains($"const accented = '{SearchWords.Accented}';", script, StringComparison.Ordinal);
        Assert.Contains($"const plain = '{SearchWords.Plain}';", script, StringComparison.Ordinal);
    }

    /// <summary>A page's text from a small vocabulary, so that edits add, drop and reweigh words other pages share.</summary>
    private static readonly Gen<string> Text = Gen.OneOf("sanctions", "freeze", "talks", "Yongbyon", "reactor", "the", "summit", "envoy",
        "inspectors", "Kaesong", "liaison", "office").Array[0, 12].Select(words => string.Join(' ', words));

    [Fact]
    public void Postings_kept_between_builds_give_after_any_edits_the_index_a_fresh_build_writes()
    {
        // Pages, then rounds of edits (page, new text); a round may also add or remove a page at the end.
        var cases = Gen.Select(Text.Array[1, 40], Gen.Select(Gen.Int[0, 39], Text).Array[1, 6].Array[1, 5], Gen.Int[-1, 1].Array[5]);
        cases.Sample((texts, rounds, growth) =>
        {
            var pages = texts.Select((text, i) => Page(i, text)).ToList();
            var kept = new SearchPostings();
            // The same counts object for an unchanged page, as a preview's cache gives: only changed pages are counted again.
            // The writer counts pages on several threads.
            var counts = new System.Collections.Concurrent.ConcurrentDictionary<SearchDocument, Dictionary<string, int>>(ReferenceEqualityComparer.Instance);
            Dictionary<string, int> Words(int i) => counts.GetOrAdd(pages[i], page => SearchIndexWriter.WordsOf(page));
            kept.Update(pages.Count, Words);
            SearchIndexWriter.Write(pages, kept);
            for (var round = 0; round < rounds.Length; round++)
            {
                foreach (var (page, text) in rounds[round])
                {
                    if (page < pages.Count)
                    {
                        pages[page] = Page(page, text);
                    }
                }
                if (growth[round] > 0)
                {
                    pages.Add(Page(pages.Count, "an added page"));
                }
                else if (growth[round] < 0 && pages.Count > 1)
                {
                    pages.RemoveAt(pages.Count - 1);
                }
                kept.Update(pages.Count, Words);
                var updated = SearchIndexWriter.Write(pages, kept);
                var fresh = SearchIndexWriter.Write(pages);
                Assert.Equal(fresh.Select(f => f.Path), updated.Select(f => f.Path));
                Assert.All(fresh.Zip(updated), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
            }
        }, iter: 300);
    }

    private static SearchDocument Page(int i, string text, params string[] filters) =>
        new($"Page {i}", "Commentary", "2019-04-26", $"/commentaries/page-{i}/", "A summary.", text, filters);

    [Fact]
    public void Every_word_is_in_the_shard_the_entry_file_names_with_its_pages_and_weights()
    {
        // 400 pages: "common" on every one, "rare<i>" on one each, "sanctions" twice on every tenth.
        var pages = Enumerable.Range(0, 400)
            .Select(i => Page(i, $"common rare{i} filler{i % 37}" + (i % 10 == 0 ? " sanctions sanction" : "")))
            .ToList();
        pages[5] = pages[5] with { Title = "Yongbyon" };

        var files = SearchIndexWriter.Write(pages).ToDictionary(f => f.Path, f => f.Bytes);

        var entry = JsonDocument.Parse(files["index.json"]).RootElement;
        Assert.Equal(400, entry.GetProperty("pages").GetInt32());
        var starts = entry.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.True(starts.Count > 1, "a site of 400 pages has more than one shard");
        Dictionary<int, int> Postings(string word)
        {
            var shard = starts.FindLastIndex(s => string.CompareOrdinal(s, word) <= 0);
            return ReadShard(files[$"s/{shard}.bin"], 400)[word];
        }

        Assert.Equal(Enumerable.Range(0, 400), Postings("common").Keys.Order());
        Assert.Equal([(123, 1)], Postings("rare123").Select(p => (p.Key, p.Value)));
        var sanction = Postings("sanction");
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 10), sanction.Keys.Order());
        Assert.All(sanction.Values, weight => Assert.Equal(2, weight));
        // The title counts ten times a word of the text.
        Assert.Equal([(5, 10)], Postings("yongbyon").Select(p => (p.Key, p.Value)));
        Assert.All(files.Values, bytes => Assert.True(bytes.Length < 2_000_000));
    }

    [Fact]
    public void A_filter_file_lists_the_pages_filed_under_its_value_and_records_hold_no_page_text()
    {
        var pages = Enumerable.Range(0, 100).Select(i => Page(i, "Some long text of the page body.", "type:commentary", i % 3 == 0 ? "actor:north-korea" : "actor:china")).ToList();

        var files = SearchIndexWriter.Write(pages).ToDictionary(f => f.Path, f => f.Bytes);

        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 3 == 0), ReadFilter(files["f/actor-north-korea.bin"], 100));
        Assert.Equal(Enumerable.Range(0, 100), ReadFilter(files["f/type-commentary.bin"], 100));
        var record = Record(files, 3);
        Assert.Equal("Page 3", record.GetProperty("t").GetString());
        Assert.Equal("/commentaries/page-3/", record.GetProperty("u").GetString());
        Assert.Equal(["t", "k", "d", "u", "s"], record.EnumerateObject().Select(p => p.Name));
        Assert.All(files.Where(f => f.Key.StartsWith("r/", StringComparison.Ordinal)),
            f => Assert.DoesNotContain("long text", Encoding.UTF8.GetString(f.Value), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(SearchIndexWriter.RecordsPerFile)]
    [InlineData(SearchIndexWriter.RecordsPerFile + 1)]
    [InlineData(1000)]
    public void A_site_of_n_pages_has_one_record_file_per_chunk_of_pages_each_page_found_where_the_browser_looks(int count)
    {
        var pages = Enumerable.Range(0, count).Select(i => Page(i, "text", "type:commentary")).ToList();

        var files = SearchIndexWriter.Write(pages).ToDictionary(f => f.Path, f => f.Bytes);

        var size = JsonDocument.Parse(files["index.json"]).RootElement.GetProperty("records").GetInt32();
        Assert.Equal(SearchIndexWriter.RecordsPerFile, size);
        var chunks = (count + size - 1) / size;
        Assert.Equal(Enumerable.Range(0, chunks).Select(k => $"r/{k}.json").Order(StringComparer.Ordinal),
            files.Keys.Where(p => p.StartsWith("r/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal($"Page {i}", Record(files, i).GetProperty("t").GetString()));
    }

    /// <summary>A page's record as search.js finds it: in the chunk of its number, at its place in the chunk.</summary>
    private static JsonElement Record(Dictionary<string, byte[]> files, int page)
    {
        var size = JsonDocument.Parse(files["index.json"]).RootElement.GetProperty("records").GetInt32();
        return JsonDocument.Parse(files[$"r/{page / size}.json"]).RootElement[page % size];
    }

    /// <summary>A shard as search.js reads it: word by word, each with its pages and weights (dense levels 1, 3 and 8).</summary>
    private static Dictionary<string, Dictionary<int, int>> ReadShard(byte[] bytes, int pages)
    {
        var words = new Dictionary<string, Dictionary<int, int>>();
        var at = 0;
        var previous = "";
        while (at < bytes.Length)
        {
            var shared = Varint(bytes, ref at);
            var length = Varint(bytes, ref at);
            var word = previous[..shared] + Encoding.UTF8.GetString(bytes, at, length);
            at += length;
            var header = Varint(bytes, ref at);
            var end = at + header / 2;
            var postings = new Dictionary<int, int>();
            if (header % 2 == 1)
            {
                int[] levels = [0, 1, 3, 8];
                for (var page = 0; page < pages; page++)
                {
                    var level = (bytes[at + page / 4] >> (page % 4 * 2)) & 3;
                    if (level > 0)
                    {
                        postings[page] = levels[level];
                    }
                }
            }
            else
            {
                var page = -1;
                for (var i = at; i < end;)
                {
                    page += Varint(bytes, ref i) + 1;
                    postings[page] = Varint(bytes, ref i);
                }
            }
            words[word] = postings;
            at = end;
            previous = word;
        }
        return words;
    }

    private static List<int> ReadFilter(byte[] bytes, int pages)
    {
        if (bytes[0] == 1)
        {
            return [.. Enumerable.Range(0, pages).Where(page => (bytes[1 + page / 8] & (1 << (page % 8))) != 0)];
        }
        var found = new List<int>();
        var at = 1;
        var last = -1;
        while (at < bytes.Length)
        {
            found.Add(last += Varint(bytes, ref at) + 1);
        }
        return found;
    }

    private static int Varint(byte[] bytes, ref int at)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[at++];
            value |= (b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }
}
