using WatchList.Bench.Corpus;

// watchlist-bench-corpus generate --out DIR --commentaries N --terms G --actors A [--seed S]
// watchlist-bench-corpus hugo --from INPUT_DIR --out DIR [--commentaries-only]
const string Usage = """
    usage: watchlist-bench-corpus generate --out DIR --commentaries N --terms G --actors A [--seed S]
           watchlist-bench-corpus hugo --from INPUT_DIR --out DIR [--commentaries-only]
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
            var written = new CorpusGenerator(size, seed).Generate().WriteTo(Required("--out"));
            Console.WriteLine($"wrote {written} files into {Required("--out")} ({size}, seed {seed})");
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
