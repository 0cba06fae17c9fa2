using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace WatchList.Site.Search;

/// <summary>
/// How text becomes the words the search index keys on, the same way in the build and in the reader's
/// browser (theme/assets/search.js): letters and digits folded to lowercase without diacritics,
/// apostrophes dropped inside a word ("Korea's" is "koreas"), anything else a separator, then a light
/// English stemmer that takes plural endings off ("sanctions" and "sanction" are one word).
/// </summary>
public static class SearchWords
{
    /// <summary>The longest word kept; longer runs of letters are cut (no reader types them).</summary>
    public const int MaxLength = 40;

    /// <summary>Hands each stemmed word of <paramref name="text"/> to <paramref name="counts"/> with <paramref name="weight"/>.</summary>
    public static void Count<TCounts>(ReadOnlySpan<char> text, TCounts counts, int weight) where TCounts : IWordCounts
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = 0;
        var plain = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c < 128)
            {
                // ASCII, nearly all of the text, by a table: a letter or digit lowercased, an apostrophe, or a separator.
                var folded = AsciiFolded[c];
                if (folded > Apostrophe)
                {
                    if (length < MaxLength)
                    {
                        buffer[length++] = (char)folded;
                    }
                    continue;
                }
                if (folded == Apostrophe && length > 0)
                {
                    // An apostrophe joins: "Korea's" and "don't" stay one word.
                    continue;
                }
            }
            else if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                if (length < MaxLength)
                {
                    buffer[length++] = c;
                    plain = false;
                }
                continue;
            }
            else if (c is '\u2019' or '\u2018' && length > 0)
            {
                continue;
            }
            if (length > 0)
            {
                ReadOnlySpan<char> word = plain ? buffer[..length] : Fold(buffer[..length].ToString());
                word = Stem(word, buffer);
                if (word.Length > 0)
                {
                    counts.Add(word, weight);
                }
                length = 0;
                plain = true;
            }
        }
    }

    private const byte Apostrophe = 1;

    /// <summary>Each ASCII character as a word holds it: a letter or digit in lowercase, <see cref="Apostrophe"/>, or 0 for a separator.</summary>
    private static ReadOnlySpan<byte> AsciiFolded =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, Apostrophe, 0, 0, 0, 0, 0, 0, 0, 0,
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];

    /// <summary>The stemmed words of <paramref name="text"/>, each once, with how often it stands there.</summary>
    public static Dictionary<string, int> Of(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Count(text, new DictionaryCounts(counts, null), 1);
        return counts;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Letters with diacritics (Latin, Greek, Cyrillic, Vietnamese) and the letter each is without them, as
    /// Unicode's canonical decomposition has it. A table rather than string.Normalize: the program runs
    /// with invariant globalization, where Normalize leaves "é" as it is. search.js holds the same table.
    /// </summary>
    public const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳʹΆΈΉΊΌΎΏΐΪΫάέήίΰϊϋόύώϓϔЀЁЃЇЌЍЎЙйѐёѓїќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    /// <inheritdoc cref="Accented"/>
    public const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaÆæGgKkOoOoƷʒjGgNnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyʹΑΕΗΙΟΥΩιΙΥαεηιυιυουωϒϒЕЕГІКИУИиеегікиуѴѵЖжАаАаЕеӘәЖжЗзИиИиОоӨөЭэУуУуУуЧчЫыAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyſAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy";

    private static readonly Dictionary<char, char> WithoutDiacritic = Accented.Zip(Plain).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Lowercase, diacritics off: "Pyongyang" and "Pyŏngyang" are "pyongyang".</summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (!IsMark(c))
            {
                folded.Append(char.ToLowerInvariant(WithoutDiacritic.GetValueOrDefault(c, c)));
            }
        }
        return folded.ToString();
    }

    /// <summary>
    /// Harman's "S" stemmer (1991): "-ies" to "-y" (not "-eies", "-aies"), "-es" to "-e" (not "-aes", "-ees",
    /// "-oes"), else "-s" off (not "-us", "-ss"); words under four letters are left as they are.
    /// </summary>
    public static string Stem(string word) => Stem(word.AsSpan(), new char[word.Length]).ToString();

    /// <summary>The stem of <paramref name="word"/>, written in <paramref name="scratch"/> when it changes.</summary>
    /// <remarks>
    /// Inlined where words are counted: only a word of four letters or more that ends in "s" has a stem of its own,
    /// and most words are left without a call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> scratch) =>
        word.Length < 4 || word[^1] != 's' ? word : StemPlural(word, scratch);

    /// <summary>The stem of a word of four letters or more that ends in "s".</summary>
    private static ReadOnlySpan<char> StemPlural(ReadOnlySpan<char> word, Span<char> scratch)
    {
        if (word.EndsWith("ies") && !word.EndsWith("eies") && !word.EndsWith("aies"))
        {
            word[..^3].CopyTo(scratch);
            scratch[word.Length - 3] = 'y';
            return scratch[..(word.Length - 2)];
        }
        if (word.EndsWith("es") && !word.EndsWith("aes") && !word.EndsWith("ees") && !word.EndsWith("oes"))
        {
            return word[..^1];
        }
        return word.EndsWith("us") || word.EndsWith("ss") ? word : word[..^1];
    }
}

/// <summary>Where <see cref="SearchWords.Count{TCounts}"/> puts the words it finds.</summary>
public interface IWordCounts
{
    /// <summary>Adds <paramref name="weight"/> to the count of <paramref name="word"/>, which lives only during the call.</summary>
    void Add(ReadOnlySpan<char> word, int weight);
}

/// <summary>A page's words and their counts, in a dictionary; a word new to it takes its string from the vocabulary.</summary>
public readonly struct DictionaryCounts(Dictionary<string, int> counts, SearchVocabulary? vocabulary) : IWordCounts
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(ReadOnlySpan<char> word, int weight)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_lookup, word);
        if (Unsafe.IsNullRef(ref count))
        {
            counts.Add(vocabulary is null ? word.ToString() : vocabulary.Of(word), weight);
        }
        else
        {
            count += weight;
        }
    }
}

/// <summary>
/// One string per word for all the pages of a build: a page's counts then hold no strings of their own (at
/// 10,000 commentaries, six million strings fewer). Safe to use from many threads.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);

    /// <summary>The vocabulary's string for <paramref name="word"/>, added when it is new.</summary>
    public string Of(ReadOnlySpan<char> word)
    {
        if (_words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var known))
        {
            return known;
        }
        var added = word.ToString();
        return _words.GetOrAdd(added, added);
    }
}
