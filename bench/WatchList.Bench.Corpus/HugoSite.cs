using System.Text;

namespace WatchList.Bench.Corpus;

/// <summary>
/// Writes a Hugo site holding the same Markdown as a WatchList input folder, for a side-by-side build:
/// commentaries byte for byte, glossary terms as pages, actors as the pages of an <c>actors</c> taxonomy
/// taken from the commentaries' front matter. No glossary linking and no backlinks: less work than ours.
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
        params:
          author: WatchList benchmark

        """;

    private const string BaseOf = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ .Title }} · {{ site.Title }}</title></head>
        <body>
        <header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <a href="{{ "/glossary/" | relURL }}">Glossary</a> <a href="{{ "/actors/" | relURL }}">Actors</a></header>
        <main>{{ block "main" . }}{{ end }}</main>
        <footer>{{ site.Params.author }}</footer>
        </body>
        </html>

        """;

    private const string Single = """
        {{ define "main" }}<article>
        <h1>{{ .Title }}</h1>
        {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
        {{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.authors }} · {{ delimit . ", " " and " }}{{ end }}</p>{{ end }}
        {{ .Content }}
        {{ with .GetTerms "actors" }}<h2>Actors in this commentary</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
        </article>{{ end }}

        """;

    private const string List = """
        {{ define "main" }}<h1>{{ .Title }}</h1>
        {{ .Content }}
        <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}: {{ . }}{{ end }}</li>{{ end }}</ul>
        {{ end }}

        """;

    private const string Home = """
        {{ define "main" }}<h1>{{ site.Title }}</h1>
        <ul>{{ range (where site.RegularPages "Section" "commentaries").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
        {{ end }}

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
        WriteText(Path.Combine(folder, "layouts", "index.html"), Home);

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
