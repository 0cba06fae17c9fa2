using System.Collections.Immutable;
using WatchList.Bench.Corpus;
using WatchList.Site.Content;
using WatchList.Site.FrontMatter;
using WatchList.Site.Linking;

/// <summary>The generated corpora the benchmarks read, and the link targets of their glossary and actors.</summary>
public static class Corpora
{
    public const int Seed = 20190426;

    public static Corpus Generate(int commentaries, int terms, int actors = 40) =>
        new CorpusGenerator(new CorpusSize(commentaries, terms, actors), Seed).Generate();

    /// <summary>Every term and actor as mentions link to them, with the case rules the build uses.</summary>
    public static ImmutableArray<LinkTarget> Targets(Corpus corpus) =>
        [.. corpus.Terms.Select(t => Target(TargetKind.Term, "glossary", t, caseSensitive: false)),
         .. corpus.Actors.Select(a => Target(TargetKind.Actor, "actors", a, caseSensitive: true))];

    /// <summary>The Markdown bodies of the commentaries, without their front matter.</summary>
    public static MarkdownSource[] Bodies(Corpus corpus) =>
        [.. corpus.Commentaries.Select(file =>
        {
            var split = FrontMatterSplitter.Split(file.Path, file.Text);
            return new MarkdownSource(file.Path, split.Body, split.BodyLine);
        })];

    /// <summary>The folder holding Site.sln, found upwards from the benchmark's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    private static LinkTarget Target(TargetKind kind, string folder, Entry entry, bool caseSensitive) => new(
        kind, entry.Id, entry.Title, $"/{folder}/{entry.Id}/", entry.Title + " explained.", $"input/{folder}/{entry.Id}.md",
        [.. entry.Aliases], caseSensitive);
}
