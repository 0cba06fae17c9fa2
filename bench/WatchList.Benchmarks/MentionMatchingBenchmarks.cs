using System.Text;
using BenchmarkDotNet.Attributes;
using WatchList.Site.Linking;

namespace WatchList.Benchmarks;

/// <summary>
/// Mention matching alone: one automaton over every name of every term and actor, run over the text of a
/// commentary. Its cost must not depend on how many terms the glossary has.
/// </summary>
public class MentionMatchingBenchmarks
{
    private const int Commentaries = 20;
    private AliasAutomaton _automaton = null!;
    private string[] _texts = [];

    [Params(200, 2000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpora.Generate(Commentaries, Terms);
        var targets = Corpora.Targets(corpus);
        // The patterns the build makes: normalised names, exact for acronyms and case-sensitive entries.
        _automaton = AliasAutomaton.Build(targets.SelectMany((target, t) => MentionLinker.NamesOf(target).Select(name =>
        {
            var normalized = AliasAutomaton.Normalize(name);
            return new AliasAutomaton.Pattern(normalized, target.CaseSensitive || AliasAutomaton.IsAllCapitals(normalized), t);
        })).DistinctBy(p => (p.Text, p.Target)));
        _texts = [.. Corpora.Bodies(corpus).Select(body => Normalized(body.Text))];
    }

    [Benchmark(OperationsPerInvoke = Commentaries, Description = "find the mentions in a commentary")]
    public int FindLeftmostLongest()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += _automaton.FindLeftmostLongest(text).Count;
        }
        return found;
    }

    /// <summary>The text as the linker hands it to the automaton: normalised, whitespace runs collapsed.</summary>
    private static string Normalized(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        foreach (var raw in markdown)
        {
            var c = AliasAutomaton.Normalize(raw);
            if (c != ' ' || text.Length == 0 || text[^1] != ' ')
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
