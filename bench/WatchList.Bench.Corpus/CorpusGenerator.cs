using System.Globalization;
using System.Text;

namespace WatchList.Bench.Corpus;

/// <summary>How big a generated corpus is.</summary>
public sealed record CorpusSize(int Commentaries, int Terms, int Actors)
{
    public override string ToString() => $"{Commentaries} commentaries, {Terms} terms, {Actors} actors";
}

/// <summary>
/// The shape of a generated commentary: how long it is, how densely it names terms and actors, and how much front
/// matter it carries. <see cref="Default"/> is the shape every earlier result used.
/// </summary>
/// <param name="Paragraphs">Paragraphs per commentary (a heading before every third).</param>
/// <param name="Sentences">Sentences per plain paragraph.</param>
/// <param name="MinWords">Fewest filler words in a sentence.</param>
/// <param name="MaxWords">Most filler words in a sentence.</param>
/// <param name="MentionRate">The share of sentences that name terms and actors, from 0 to 1.</param>
/// <param name="Mentions">How many terms and how many actors a naming sentence names.</param>
/// <param name="SummaryWords">Words in a commentary's summary.</param>
/// <param name="ListedActors">Most actors listed in a commentary's front matter.</param>
public sealed record CorpusShape(
    int Paragraphs, int Sentences, int MinWords, int MaxWords, double MentionRate, int Mentions, int SummaryWords, int ListedActors)
{
    public static readonly CorpusShape Default = new(12, 5, 12, 23, 0.5, 1, 24, 2);

    public override string ToString() =>
        $"{Paragraphs} paragraphs of {Sentences} sentences, {MinWords}-{MaxWords} words a sentence, " +
        $"{MentionRate:0.##} of sentences naming {Mentions} term(s) and {Mentions} actor(s), " +
        $"{SummaryWords}-word summaries, up to {ListedActors} listed actors";
}

/// <summary>A generated glossary term or actor: the names prose may mention it by.</summary>
/// <param name="Kind"><c>term</c>, or the actor's kind: <c>state</c>, <c>organisation</c>, <c>person</c>.</param>
public sealed record Entry(string Id, string Title, IReadOnlyList<string> Aliases, string Kind, string? Affiliation);

/// <summary>One file of a corpus: its path below the input folder (forward slashes) and its text.</summary>
public sealed record GeneratedFile(string Path, string Text);

/// <summary>A generated WatchList input folder, held in memory.</summary>
public sealed record Corpus(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Entry> Terms, IReadOnlyList<Entry> Actors)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IEnumerable<GeneratedFile> Commentaries => Files.Where(f => f.Path.StartsWith("commentaries/", StringComparison.Ordinal));

    /// <summary>Writes the corpus into a folder, replacing the content folders already there.</summary>
    /// <returns>How many files were written.</returns>
    public int WriteTo(string folder)
    {
        foreach (var sub in new[] { "commentaries", "glossary", "actors" })
        {
            var path = System.IO.Path.Combine(folder, sub);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            Directory.CreateDirectory(path);
        }
        foreach (var file in Files)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, file.Path), file.Text, Utf8);
        }
        return Files.Count;
    }
}

/// <summary>
/// Writes a WatchList input folder of invented commentaries, glossary terms and actors. One seeded
/// <see cref="Random"/> drives every choice in a fixed order, so the same seed and size give the same bytes.
/// </summary>
public sealed class CorpusGenerator(CorpusSize size, int seed, CorpusShape? shape = null)
{
    private const int WrapColumn = 72;

    private readonly CorpusShape _shape = shape ?? CorpusShape.Default;

    private readonly Random _random = new(seed);
    // Invented words, and the names claimed by terms and actors: no name may belong to two entries.
    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Generates the whole corpus; call once per generator.</summary>
    public Corpus Generate()
    {
        _words.UnionWith(Vocabulary.Filler);

        var terms = Enumerable.Range(0, size.Terms).Select(_ => NewTerm()).ToList();
        var actors = NewActors();
        var files = new List<GeneratedFile>(1 + terms.Count + actors.Count + size.Commentaries);

        files.Add(new GeneratedFile("site.yml", """
            title: Generated Watch List
            description: A generated corpus for measuring how fast the site is built.
            base_url: https://example.org/watchlist/
            language: en
            author: WatchList benchmark

            """));

        foreach (var term in terms)
        {
            var text = new StringBuilder();
            text.Append("---\n");
            text.Append("title: ").Append(Quoted(term.Title)).Append('\n');
            text.Append("aliases: [").AppendJoin(", ", term.Aliases.Select(Quoted)).Append("]\n");
            text.Append("summary: ").Append(Quoted(Sentence(14, [], []))).Append('\n');
            text.Append("---\n");
            Paragraphs(text, 2, terms, actors);
            files.Add(new GeneratedFile($"glossary/{term.Id}.md", text.ToString()));
        }

        foreach (var actor in actors)
        {
            var text = new StringBuilder();
            text.Append("---\n");
            text.Append("title: ").Append(Quoted(actor.Title)).Append('\n');
            text.Append("aliases: [").AppendJoin(", ", actor.Aliases.Select(Quoted)).Append("]\n");
            text.Append("kind: ").Append(actor.Kind).Append('\n');
            if (actor.Affiliation is not null)
            {
                text.Append("affiliation: ").Append(actor.Affiliation).Append('\n');
            }
            text.Append("summary: ").Append(Quoted(Sentence(14, [], []))).Append('\n');
            text.Append("---\n");
            Paragraphs(text, 2, terms, actors);
            files.Add(new GeneratedFile($"actors/{actor.Id}.md", text.ToString()));
        }

        var start = new DateOnly(2000, 1, 1);
        for (var i = 0; i < size.Commentaries; i++)
        {
            var date = start.AddDays(_random.Next(25 * 365));
            var focusTerms = Pick(terms, Math.Min(10, terms.Count));
            var focusActors = Pick(actors, Math.Min(5, actors.Count));
            var slug = $"{Proper().ToLowerInvariant()}-{Vocabulary.Headings[_random.Next(Vocabulary.Headings.Length)].ToLowerInvariant().Replace(' ', '-')}-{i + 1:D5}";
            var lead = focusActors.Count > 0 ? focusActors[0].Title : "The Region";
            var topic = focusTerms.Count > 0 ? focusTerms[0].Title : "Diplomacy";
            var text = new StringBuilder();
            text.Append("---\n");
            text.Append("title: ").Append(Quoted($"{lead} and the {topic}: {Capitalised(Sentence(5, [], []).TrimEnd('.'))}")).Append('\n');
            text.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            text.Append("summary: ").Append(Quoted(Sentence(_shape.SummaryWords, Names(focusTerms, 1), Names(focusActors, 1)))).Append('\n');
            text.Append("type: ").Append(Quoted(Vocabulary.Types[_random.Next(Vocabulary.Types.Length)])).Append('\n');
            text.Append("series: ").Append(Quoted($"Watch List {date.Year}, {(date.Month <= 6 ? "First" : "Second")} Update")).Append('\n');
            text.Append("authors: [").AppendJoin(", ", Pick(Vocabulary.Authors, 1 + _random.Next(2)).Select(Quoted)).Append("]\n");
            text.Append("source: https://example.org/commentaries/").Append(slug).Append('\n');
            text.Append("publisher: International Crisis Group\n");
            text.Append("actors: [").AppendJoin(", ", focusActors.Take(1 + _random.Next(_shape.ListedActors)).Select(a => a.Id)).Append("]\n");
            text.Append("---\n");
            Commentary(text, focusTerms, focusActors);
            files.Add(new GeneratedFile($"commentaries/{date:yyyy-MM-dd}-{slug}.md", text.ToString()));
        }
        return new Corpus(files, terms, actors);
    }

    private void Commentary(StringBuilder text, IReadOnlyList<Entry> terms, IReadOnlyList<Entry> actors)
    {
        for (var p = 0; p < _shape.Paragraphs; p++)
        {
            if (p % 3 == 0 && p > 0)
            {
                text.Append("\n## ").Append(Vocabulary.Headings[_random.Next(Vocabulary.Headings.Length)]).Append('\n');
            }
            text.Append('\n');
            switch (p)
            {
                case 4:
                    for (var item = 0; item < 3; item++)
                    {
                        Wrapped(text, Sentences(2, terms, actors), "- ", "  ");
                    }
                    break;
                case 8:
                    Wrapped(text, Sentences(3, terms, actors), "> ", "> ");
                    break;
                default:
                    Wrapped(text, Sentences(_shape.Sentences, terms, actors), "", "");
                    break;
            }
        }
    }

    private void Paragraphs(StringBuilder text, int count, IReadOnlyList<Entry> terms, IReadOnlyList<Entry> actors)
    {
        for (var p = 0; p < count; p++)
        {
            if (p > 0)
            {
                text.Append('\n');
            }
            Wrapped(text, Sentences(4, Pick(terms, Math.Min(3, terms.Count)), Pick(actors, Math.Min(2, actors.Count))), "", "");
        }
    }

    /// <summary>Sentences of which a share (the shape's mention rate) names terms and actors.</summary>
    private string Sentences(int count, IReadOnlyList<Entry> terms, IReadOnlyList<Entry> actors)
    {
        var sentences = new List<string>(count);
        // One draw out of 1,000 decides, so a rate of one half takes the same draws as the coin toss it replaced.
        var threshold = (int)Math.Round(_shape.MentionRate * 1000);
        for (var s = 0; s < count; s++)
        {
            var mentions = _random.Next(1000) < threshold;
            sentences.Add(Sentence(_shape.MinWords + _random.Next(_shape.MaxWords - _shape.MinWords + 1),
                mentions ? Names(terms, _shape.Mentions) : [], mentions ? Names(actors, _shape.Mentions) : []));
        }
        return string.Join(' ', sentences);
    }

    private string Sentence(int words, IReadOnlyList<string> terms, IReadOnlyList<string> actors)
    {
        var parts = new List<string>(words + terms.Count + actors.Count);
        for (var w = 0; w < words; w++)
        {
            parts.Add(Vocabulary.Filler[_random.Next(Vocabulary.Filler.Length)]);
        }
        foreach (var term in terms)
        {
            parts.Insert(_random.Next(1, parts.Count), term);
        }
        foreach (var actor in actors)
        {
            // A possessive now and then: "Kesaria’s" is still a mention of Kesaria.
            var roll = _random.Next(8);
            parts.Insert(_random.Next(parts.Count + 1), roll == 0 ? actor + "’s" : roll == 1 ? actor + "'s" : actor);
        }
        parts[0] = Capitalised(parts[0]);
        // Some inline markup, as real prose has: emphasis, a link, a code span.
        var markup = _random.Next(30);
        var at = 1 + _random.Next(parts.Count - 1);
        if (markup < 3 && IsFiller(parts[at]))
        {
            parts[at] = $"*{parts[at]}*";
        }
        else if (markup == 3 && IsFiller(parts[at]))
        {
            parts[at] = $"[{parts[at]}](https://example.org/notes/{_random.Next(1000)})";
        }
        else if (markup == 4 && IsFiller(parts[at]))
        {
            parts[at] = $"`{parts[at]}`";
        }
        return string.Join(' ', parts) + (_random.Next(12) == 0 ? "?" : ".");
    }

    private static bool IsFiller(string word) => word.Length > 0 && char.IsAsciiLetterLower(word[0]);

    /// <summary>Soft-wraps a paragraph the way an editor's wrapping does, so some names cross a line break.</summary>
    private static void Wrapped(StringBuilder text, string paragraph, string firstPrefix, string prefix)
    {
        var line = new StringBuilder(firstPrefix);
        var fresh = true;
        foreach (var word in paragraph.Split(' '))
        {
            if (!fresh && line.Length + 1 + word.Length > WrapColumn)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(prefix);
                fresh = true;
            }
            if (!fresh)
            {
                line.Append(' ');
            }
            line.Append(word);
            fresh = false;
        }
        text.Append(line).Append('\n');
    }

    /// <summary>The names a sentence mentions: <paramref name="count"/> entries, each by its title or one of its aliases.</summary>
    private List<string> Names(IReadOnlyList<Entry> entries, int count)
    {
        var names = new List<string>(count);
        for (var i = 0; i < count && entries.Count > 0; i++)
        {
            var entry = entries[_random.Next(entries.Count)];
            names.Add(_random.Next(3) == 0 || entry.Aliases.Count == 0 ? entry.Title : entry.Aliases[_random.Next(entry.Aliases.Count)]);
        }
        return names;
    }

    private List<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        var chosen = new List<T>(count);
        var used = new HashSet<int>();
        while (chosen.Count < count && used.Count < items.Count)
        {
            var i = _random.Next(items.Count);
            if (used.Add(i))
            {
                chosen.Add(items[i]);
            }
        }
        return chosen;
    }

    private Entry NewTerm()
    {
        var proper = Proper();
        var noun = Vocabulary.TermNouns[_random.Next(Vocabulary.TermNouns.Length)];
        var title = Claim($"{proper} {noun}") ?? Claim($"{proper} {noun} {Proper()}")!;
        var aliases = new List<string>();
        AddAlias(aliases, $"{proper} {Vocabulary.TermSecondNouns[_random.Next(Vocabulary.TermSecondNouns.Length)]}");
        if (_random.Next(2) == 0)
        {
            AddAlias(aliases, proper);
        }
        if (_random.Next(3) == 0)
        {
            AddAlias(aliases, $"{char.ToUpperInvariant(proper[0])}{char.ToUpperInvariant(noun[0])}{char.ToUpperInvariant(proper[^1])}");
        }
        return new Entry(IdOf(title), title, [.. aliases], "term", null);
    }

    private List<Entry> NewActors()
    {
        var states = Math.Max(1, size.Actors * 2 / 5);
        var organisations = size.Actors / 4;
        var actors = new List<Entry>(size.Actors);
        for (var a = 0; a < size.Actors; a++)
        {
            if (a < states)
            {
                var root = Proper();
                var title = ClaimNew(() => root + "ia");
                var aliases = new List<string>();
                AddAlias(aliases, root + "ian");
                AddAlias(aliases, Proper());
                actors.Add(new Entry(IdOf(title), title, [.. aliases], "state", null));
            }
            else if (a < states + organisations)
            {
                var title = ClaimNew(() => $"{Proper()} {Vocabulary.OrganisationNouns[_random.Next(Vocabulary.OrganisationNouns.Length)]}");
                var aliases = new List<string>();
                var words = title.Split(' ');
                AddAlias(aliases, $"{char.ToUpperInvariant(words[0][0])}{char.ToUpperInvariant(words[0][1])}{char.ToUpperInvariant(words[1][0])}");
                actors.Add(new Entry(IdOf(title), title, [.. aliases], "organisation", null));
            }
            else
            {
                var family = Proper();
                var title = ClaimNew(() => $"{Proper()} {family}");
                var aliases = new List<string>();
                AddAlias(aliases, family);
                var state = actors[_random.Next(Math.Min(states, actors.Count))];
                actors.Add(new Entry(IdOf(title), title, [.. aliases], "person", state.Id));
            }
        }
        return actors;
    }

    /// <summary>An invented proper noun no other name uses yet, such as "Velkaro".</summary>
    private string Proper()
    {
        while (true)
        {
            var word = new StringBuilder();
            var syllables = 2 + _random.Next(2);
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Vocabulary.Onsets[_random.Next(Vocabulary.Onsets.Length)]);
                word.Append(Vocabulary.Vowels[_random.Next(Vocabulary.Vowels.Length)]);
                if (s == syllables - 1 || _random.Next(3) == 0)
                {
                    word.Append(Vocabulary.Codas[_random.Next(Vocabulary.Codas.Length)]);
                }
            }
            var name = Capitalised(word.ToString());
            if (_words.Add(name))
            {
                return name;
            }
        }
    }

    private string ClaimNew(Func<string> make)
    {
        while (true)
        {
            if (Claim(make()) is { } name)
            {
                return name;
            }
        }
    }

    private string? Claim(string name) => _taken.Add(name) ? name : null;

    private void AddAlias(List<string> aliases, string alias)
    {
        if (_taken.Add(alias))
        {
            aliases.Add(alias);
        }
    }

    private static string IdOf(string title) => title.ToLowerInvariant().Replace(' ', '-');

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
