using System.Globalization;
using WatchList.Bench.Corpus;

const string Usage = """
    usage: watchlist-bench-corpus generate --out DIR --commentaries N --terms G --actors A [--seed S] [SHAPE...]
           watchlist-bench-corpus hugo --from INPUT_DIR --out DIR [--commentaries-only]
    the shape of a commentary (defaults in brackets):
      --paragraphs N        paragraphs per commentary [12]
      --sentences N         sentences per plain paragraph [5]
      --words MIN-MAX       filler words per sentence [12-23]
      --mention-rate R      share of sentences naming terms and actors, 0 to 1 [0.5]
      --mentions N          terms and actors a naming sentence names, each [1]
      --summary-words N     words in a commentary's summary [24]
      --listed-actors N     most actors listed in a commentary's front matter [2]
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--commentaries-only")
    {
        flags.Add(args[i]);
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i]] = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"watchlist-bench-corpus: unexpected '{args[i]}'\n{Usage}");
        return 2;
    }
}

string Required(string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");

int Count(string name, int fallback) =>
    options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) is var n && n > 0 ? n
        : throw new ArgumentException($"{name} must be at least 1") : fallback;

CorpusShape Shape()
{
    var fallback = CorpusShape.Default;
    var (min, max) = (fallback.MinWords, fallback.MaxWords);
    if (options.TryGetValue("--words", out var words))
    {
        var range = words.Split('-');
        (min, max) = (int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[^1], CultureInfo.InvariantCulture));
        if (min < 2 || max < min)
        {
            throw new ArgumentException("--words takes MIN-MAX with 2 <= MIN <= MAX, such as 12-23");
        }
    }
    var rate = options.TryGetValue("--mention-rate", out var r) ? double.Parse(r, CultureInfo.InvariantCulture) : fallback.MentionRate;
    if (rate is < 0 or > 1)
    {
        throw new ArgumentException("--mention-rate is a share from 0 to 1, such as 0.5");
    }
    return new CorpusShape(Count("--paragraphs", fallback.Paragraphs), Count("--sentences", fallback.Sentences), min, max, rate,
        Count("--mentions", fallback.Mentions), Count("--summary-words", fallback.SummaryWords), Count("--listed-actors", fallback.ListedActors));
}

try
{
    switch (args[0])
    {
        case "generate":
            var size = new CorpusSize(
                int.Parse(Required("--commentaries")),
                int.Parse(Required("--terms")),
                int.Parse(Required("--actors")));
            var seed = options.TryGetValue("--seed", out var s) ? int.Parse(s) : 20190426;
            var shape = Shape();
            var written = new CorpusGenerator(size, seed, shape).Generate().WriteTo(Required("--out"));
            Console.WriteLine($"wrote {written} files into {Required("--out")} ({size}, seed {seed}; {shape})");
            return 0;
        case "hugo":
            var pages = HugoSite.Write(Required("--from"), Required("--out"), flags.Contains("--commentaries-only"));
            Console.WriteLine($"wrote a Hugo site of {pages} pages into {Required("--out")}");
            return 0;
        default:
            Console.Error.WriteLine($"watchlist-bench-corpus: unknown command '{args[0]}'\n{Usage}");
            return 2;
    }
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"watchlist-bench-corpus: {e.Message}\n{Usage}");
    return 2;
}
