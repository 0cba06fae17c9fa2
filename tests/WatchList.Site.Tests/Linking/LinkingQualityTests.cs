using System.Globalization;
using System.Text;
using WatchList.Site.Linking;
using Xunit.Abstractions;

namespace WatchList.Site.Tests.Linking;

/// <summary>
/// How well the linker does on commentaries nobody tuned the glossary for: three pieces of realistic prose
/// (Gold/*.md), each with the list of every mention that must link and to which entry, and of every trap
/// that must not (Gold/*.gold.tsv), linked with the real glossary and actors of input/ and
/// <c>link_mentions: all</c>. Precision is the share of links made that are right; recall the share of
/// mentions that should link and do.
/// </summary>
public class LinkingQualityTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.99;
    private const double MinimumRecall = 0.95;
    private static readonly string Gold = Path.Combine(TestSite.RepositoryRoot, "tests", "WatchList.Site.Tests", "Linking", "Gold");

    /// <summary>One row of a gold list: the words at a place, and the entry they link to (null: a trap, no link).</summary>
    private sealed record Expected(int Line, int Column, string Text, string? Entry, string Note);

    [Fact]
    public async Task Untuned_commentaries_link_with_at_least_99_percent_precision_and_95_percent_recall()
    {
        using var site = TestSite.WithRealEntries();
        LinkEverything(site);
        var pieces = Directory.GetFiles(Gold, "*.md").Order(StringComparer.Ordinal).ToList();
        Assert.True(pieces.Count >= 3, "at least three gold commentaries");
        var files = pieces.Select(p =>
        {
            var copy = Path.Combine(site.Input, "commentaries", Path.GetFileName(p));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(p, copy);
            return copy;
        }).ToList();

        var report = await MentionAudit.ListAsync(new BuildOptions(site.Input, site.Output, site.Theme), files);

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        int right = 0, made = 0, wanted = 0, traps = 0;
        var problems = new StringBuilder();
        foreach (var piece in pieces)
        {
            var name = Path.GetFileName(piece);
            var expected = ReadGold(Path.ChangeExtension(piece, ".gold.tsv"));
            AssertGoldMatchesText(piece, expected);
            var links = report.Links.Where(l => Path.GetFileName(l.Location.Path) == name).ToList();
            var should = expected.Where(e => e.Entry is not null).ToDictionary(e => (e.Line, e.Column));
            var good = links.Count(l => should.TryGetValue((l.Location.Line, l.Location.Column), out var e) && e.Entry == l.Target.Key && e.Text == l.Text);
            foreach (var link in links.Where(l => !(should.TryGetValue((l.Location.Line, l.Location.Column), out var e) && e.Entry == l.Target.Key && e.Text == l.Text)))
            {
                var trap = expected.FirstOrDefault(e => e.Line == link.Location.Line && e.Column == link.Location.Column && e.Entry is null);
                problems.AppendLine(CultureInfo.InvariantCulture,
                    $"wrong link  {name}\t{link.Location.Line}\t{link.Location.Column}\t{link.Text}\t{link.Target.Key}\t{(trap is null ? "" : "trap: " + trap.Note)}");
            }
            var madeAt = links.Select(l => (l.Location.Line, l.Location.Column, l.Text, l.Target.Key)).ToHashSet();
            foreach (var missed in should.Values.Where(e => !madeAt.Contains((e.Line, e.Column, e.Text, e.Entry!))))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"missed      {name}\t{missed.Line}\t{missed.Column}\t{missed.Text}\t{missed.Entry}");
            }
            output.WriteLine($"{name}: {links.Count} links, {good} right, {should.Count} wanted, {expected.Count(e => e.Entry is null)} traps");
            right += good;
            made += links.Count;
            wanted += should.Count;
            traps += expected.Count(e => e.Entry is null);
        }
        var precision = made == 0 ? 0 : (double)right / made;
        var recall = wanted == 0 ? 0 : (double)right / wanted;
        output.WriteLine(FormattableString.Invariant($"precision {precision:F3} ({right}/{made}), recall {recall:F3} ({right}/{wanted}), {traps} traps"));
        output.WriteLine(problems.ToString());

        Assert.True(precision >= MinimumPrecision && recall >= MinimumRecall,
            $"precision {precision:F3} ({right}/{made}), recall {recall:F3} ({right}/{wanted})\n{problems}");
    }

    private static void LinkEverything(TestSite site)
    {
        var settings = Path.Combine(site.Input, "site.yml");
        var lines = File.ReadAllLines(settings).Where(l => !l.StartsWith("link_mentions:", StringComparison.Ordinal));
        File.WriteAllLines(settings, [.. lines, "link_mentions: all"]);
    }

    private static List<Expected> ReadGold(string path) =>
        [.. File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new Expected(int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture), c[2],
                c[3] == "-" ? null : c[3], c.Length > 4 ? c[4] : ""))];

    /// <summary>Every row names words that stand at its line and column (a line break inside them counts as a space).</summary>
    private static void AssertGoldMatchesText(string piece, List<Expected> expected)
    {
        var lines = File.ReadAllLines(piece);
        foreach (var row in expected)
        {
            var at = lines[row.Line - 1][(row.Column - 1)..];
            for (var next = row.Line; at.Length < row.Text.Length && next < lines.Length; next++)
            {
                at += " " + lines[next].TrimStart();
            }
            Assert.True(at.StartsWith(row.Text, StringComparison.Ordinal),
                $"{Path.GetFileName(piece)}:{row.Line}:{row.Column}: the gold list says '{row.Text}', the text has '{at[..Math.Min(at.Length, row.Text.Length + 10)]}'");
        }
        Assert.Equal(expected.Count, expected.DistinctBy(e => (e.Line, e.Column)).Count());
    }
}
