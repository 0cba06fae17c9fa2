using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WatchList.Site.Tests.Linking;

/// <summary>
/// A site in a temporary folder for linking tests: an input folder (empty, or a copy of the real one),
/// a copy of the real theme and an output folder. Deleted on dispose.
/// </summary>
internal sealed class LinkingSite : IDisposable
{
    private LinkingSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "watchlist-linking-" + Guid.NewGuid().ToString("N"));
        Input = Path.Combine(Root, "input");
        Theme = Path.Combine(Root, "theme");
        Output = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Input);
        CopyFolder(Path.Combine(RepositoryRoot, "theme"), Theme);
    }

    public string Root { get; }
    public string Input { get; }
    public string Theme { get; }
    public string Output { get; }

    /// <summary>The folder holding Site.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Settings and one commentary, to which a test adds the entries it is about.</summary>
    public static LinkingSite Minimal()
    {
        var site = new LinkingSite();
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
    public static LinkingSite CopyOfRealInput()
    {
        var site = new LinkingSite();
        CopyFolder(Path.Combine(RepositoryRoot, "input"), site.Input);
        return site;
    }

    /// <summary>The real glossary, actors and settings of <c>input/</c>, and no commentary.</summary>
    public static LinkingSite WithRealEntries()
    {
        var site = new LinkingSite();
        var input = Path.Combine(RepositoryRoot, "input");
        CopyFolder(Path.Combine(input, "glossary"), Path.Combine(site.Input, "glossary"));
        CopyFolder(Path.Combine(input, "actors"), Path.Combine(site.Input, "actors"));
        File.Copy(Path.Combine(input, "site.yml"), Path.Combine(site.Input, "site.yml"));
        return site;
    }

    public Task<BuildReport> BuildAsync(Uri? baseUrl = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(Input, Output, Theme, baseUrl));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A built page, parsed as a browser would.</summary>
    public IHtmlDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, relative)));

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
