using System.Text;

namespace WatchList.Bench.Corpus;

/// <summary>
/// Writes a Hugo site holding the same Markdown as a WatchList input folder, for a side-by-side build:
/// commentaries byte for byte, glossary terms as pages, actors as the pages of an <c>actors</c> taxonomy
/// taken from the commentaries' front matter. Hugo does the least it can: three minimal layouts (the page's
/// title and content, a list's links, a commentary's actors), no summaries, dates, navigation or feeds, and no
/// glossary linking or backlinks.
/// </summary>
public static class HugoSite
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const string Config = """
        baseURL: https://example.org/watchlist/
        languageCode: en
        title: Generated Watch List
        disableKinds: [RSS, sitemap, robotsTXT, "404"]
        taxonomies:
          actor: actors

        """;

    private const string BaseOf = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
        <body>{{ block "main" . }}{{ end }}</body></html>

        """;

    private const string Single = """
        {{ define "main" }}<h1>{{ .Title }}</h1>
        {{ .Content }}
        <ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}

        """;

    private const string List = """
        {{ define "main" }}<h1>{{ .Title }}</h1>
        {{ .Content }}
        <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}

        """;

    /// <returns>How many Markdown pages the site holds.</returns>
    public static int Write(string inputFolder, string folder, bool commentariesOnly)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        WriteText(Path.Combine(folder, "config.yaml"), Config);
        WriteText(Path.Combine(folder, "layouts", "_default", "baseof.html"), BaseOf);
        WriteText(Path.Combine(folder, "layouts", "_default", "single.html"), Single);
        WriteText(Path.Combine(folder, "layouts", "_default", "list.html"), List);

        var pages = 0;
        var commentaries = Path.Combine(folder, "content", "commentaries");
        Directory.CreateDirectory(commentaries);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(inputFolder, "commentaries"), "*.md"))
        {
            File.Copy(file, Path.Combine(commentaries, Path.GetFileName(file)));
            pages++;
        }
        if (commentariesOnly)
        {
            return pages;
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(inputFolder, "glossary"), "*.md"))
        {
            WriteText(Path.Combine(folder, "content", "glossary", Path.GetFileName(file)), ForHugo(File.ReadAllText(file)));
            pages++;
        }
        // An actor's file becomes its taxonomy term page, which lists the commentaries naming it.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(inputFolder, "actors"), "*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            WriteText(Path.Combine(folder, "content", "actors", id, "_index.md"), ForHugo(File.ReadAllText(file)));
            pages++;
        }
        return pages;
    }

    /// <summary>
    /// Renames the front matter keys Hugo gives another meaning: <c>aliases</c> (redirect pages in Hugo)
    /// and <c>kind</c>. The Markdown body is unchanged.
    /// </summary>
    private static string ForHugo(string text)
    {
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
        {
            if (lines[i].StartsWith("aliases:", StringComparison.Ordinal))
            {
                lines[i] = "names:" + lines[i]["aliases:".Length..];
            }
            else if (lines[i].StartsWith("kind:", StringComparison.Ordinal))
            {
                lines[i] = "actor_kind:" + lines[i]["kind:".Length..];
            }
        }
        return string.Join('\n', lines);
    }

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }
}
