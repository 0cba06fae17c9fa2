using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using WatchList.Site;
using WatchList.Site.Reading;

namespace WatchList.Testing;

/// <summary>
/// A site for tests in its own temporary folder: input (small and written by the test, or copied from the
/// real <c>input/</c>), a copy of the real theme, and an output folder whose parent holds nothing else, so
/// leftovers of a build are visible. Deleted on dispose.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string GoodCommentary = "commentaries/2019-04-26-getting-back-to-the-table.md";

    private TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "watchlist-test-" + Guid.NewGuid().ToString("N"));
        Input = Path.Combine(Root, "input");
        Theme = Path.Combine(Root, "theme");
        OutputParent = Path.Combine(Root, "published");
        Output = Path.Combine(OutputParent, "_site");
        Directory.CreateDirectory(Input);
        CopyFolder(Path.Combine(RepositoryRoot, "theme"), Theme);
    }

    public string Root { get; }
    public string Input { get; }
    public string Theme { get; }
    public string Output { get; }
    public string OutputParent { get; }

    /// <summary>The folder holding Site.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// A commentary titled Talks, of 2019-05-01, with <paramref name="body"/> as its body, which starts on the file's
    /// line 6 (tests of located errors count on it).
    /// </summary>
    public static string TalksCommentary(string body) => $"""
        ---
        title: Talks
        date: 2019-05-01
        summary: Both sides talk.
        ---
        {body}
        """;

    /// <summary>An input folder with nothing in it.</summary>
    public static TestSite Empty() => new();

    /// <summary>Settings and one commentary, to which a test adds the entries it is about.</summary>
    public static TestSite Minimal()
    {
        var site = new TestSite();
        site.Write("site.yml", """
            title: Linking Test Site
            base_url: https://example.org/
            """);
        site.Write("commentaries/2019-04-26-back-to-the-table.md", """
            ---
            title: "Back to the Table"
            date: 2019-04-26
            summary: "Talks after the Hanoi summit."
            ---
            Inspectors never returned to Yongbyon.
            """);
        return site;
    }

    /// <summary>A copy of the real <c>input/</c> folder of the repository.</summary>
    public static TestSite CopyOfRealInput()
    {
        var site = new TestSite();
        CopyFolder(Path.Combine(RepositoryRoot, "input"), site.Input);
        return site;
    }

    /// <summary>The real glossary, actors and settings of <c>input/</c>, and no commentary.</summary>
    public static TestSite WithRealEntries()
    {
        var site = new TestSite();
        var input = Path.Combine(RepositoryRoot, "input");
        CopyFolder(Path.Combine(input, "glossary"), Path.Combine(site.Input, "glossary"));
        CopyFolder(Path.Combine(input, "actors"), Path.Combine(site.Input, "actors"));
        File.Copy(Path.Combine(input, "site.yml"), Path.Combine(site.Input, "site.yml"));
        return site;
    }

    /// <summary>A valid site: settings, two actors, two glossary terms and two commentaries.</summary>
    public static TestSite WithGoodContent()
    {
        var site = new TestSite();
        site.Write("site.yml", """
            title: Test Watch List
            description: Commentaries for tests.
            base_url: https://example.org/
            language: en
            author: Test Publisher
            """);
        site.Write("actors/north-korea.md", """
            ---
            title: North Korea
            aliases: [Pyongyang]
            kind: state
            summary: The Democratic People's Republic of Korea.
            ---
            A state on the Korean peninsula.
            """);
        site.Write("actors/kim-jong-un.md", """
            ---
            title: Kim Jong-un
            kind: person
            affiliation: north-korea
            summary: Leader of North Korea.
            ---
            The leader.
            """);
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            related: [six-party-talks]
            ---
            The nuclear complex.
            """);
        site.Write("glossary/six-party-talks.md", """
            ---
            title: Six-Party Talks
            summary: Talks between six states on North Korea's nuclear programme.
            ---
            The talks.
            """);
        site.Write(GoodCommentary, """
            ---
            title: "North Korea: Getting Back to the Table"
            date: 2019-04-26
            summary: "A failed summit in Hanoi has resulted in a diplomatic stalemate."
            type: Commentary
            authors: [Jane Doe]
            actors: [north-korea]
            ---
            The tensions between Washington and Pyongyang have **abated**.
            """);
        site.Write("commentaries/2019-02-25-all-eyes-on-the-summit.md", """
            ---
            title: "All Eyes on the Summit"
            date: 2019-02-25
            summary: "Both leaders enter their second summit under pressure."
            type: "Q&A"
            ---
            ## What has happened since Singapore?

            Several positive developments.
            """);
        return site;
    }

    public BuildOptions Options(Uri? baseUrl = null) => new(Input, Output, Theme, baseUrl);

    public Task<BuildReport> BuildAsync(Uri? baseUrl = null, CancellationToken cancellationToken = default) =>
        SiteBuilder.BuildAsync(Options(baseUrl), cancellationToken);

    /// <summary>Builds the site as it is, which must succeed, and returns what is then in the output folder.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> BuildGoodOutputAsync()
    {
        var report = await BuildAsync();
        Assert.True(report.Succeeded, "the good site should build: " + string.Join("\n", report.Diagnostics));
        var snapshot = SnapshotOutput();
        Assert.Contains("index.html", snapshot.Keys);
        return snapshot;
    }

    /// <summary>Every file below the output folder: its relative path and its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> SnapshotOutput() =>
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f).Replace('\\', '/'), File.ReadAllBytes);

    public void AssertOutputUnchanged(IReadOnlyDictionary<string, byte[]> before)
    {
        var after = SnapshotOutput();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
    }

    /// <summary>Nothing beside the output folder: no temporary build folder left behind.</summary>
    public void AssertNoBuildLeftovers()
    {
        var beside = Directory.EnumerateFileSystemEntries(OutputParent).Select(Path.GetFileName).ToList();
        Assert.True(beside.All(n => n == "_site"), "left beside the output: " + string.Join(", ", beside));
    }

    public string PathOf(string relative) => Path.Combine(Input, relative);

    /// <summary>How messages show an input file (relative to the working folder when inside it).</summary>
    public string Shown(string relative) => DisplayPath.For(PathOf(relative));

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public string ReadOutput(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool OutputExists(string relative) => File.Exists(Path.Combine(Output, relative));

    /// <summary>A built page, parsed as a browser would.</summary>
    public IHtmlDocument Page(string relative) => new HtmlParser().ParseDocument(ReadOutput(relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
