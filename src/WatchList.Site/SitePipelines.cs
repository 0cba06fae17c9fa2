using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Output;
using WatchList.Site.Reading;
using WatchList.Site.Templates;

namespace WatchList.Site;

/// <summary>What one build reads, where it writes, and with which theme.</summary>
public sealed record BuildOptions(string InputFolder, string OutputFolder, string ThemeFolder, Uri? BaseUrl = null);

/// <summary>The recipe of the site: its pipelines, each a short list of modules.</summary>
public static class SitePipelines
{
    public const string Site = "site";
    public const string Theme = "theme";
    public const string Assets = "assets";
    public const string Glossary = "glossary";
    public const string Actors = "actors";
    public const string Commentaries = "commentaries";
    public const string Home = "home";

    /// <param name="outputFolder">Where pages are written: the build's temporary folder.</param>
    public static ImmutableArray<Pipeline.Pipeline> Create(BuildOptions options, string outputFolder)
    {
        var markdown = new MarkdownRenderer();
        var write = new WriteFiles(outputFolder);
        var input = options.InputFolder;

        return
        [
            new(Site) { Input = [new ReadSiteSettings(input, options.BaseUrl)] },
            new(Theme)
            {
                Dependencies = [Site],
                Process = [new LoadTheme(options.ThemeFolder, Site)],
            },
            new(Assets)
            {
                Input = [new ReadAssets(Path.Combine(options.ThemeFolder, "assets"), "assets")],
                Output = [write],
            },
            new(Glossary)
            {
                Input = [new ReadFiles(Path.Combine(input, "glossary"), "*.md")],
                Process = [new ParseGlossaryTerms(), new RenderMarkdown(markdown)],
            },
            new(Actors)
            {
                Input = [new ReadFiles(Path.Combine(input, "actors"), "*.md")],
                Process = [new ParseActors(), new RenderMarkdown(markdown)],
            },
            new(Commentaries)
            {
                Dependencies = [Site, Actors, Glossary],
                Input = [new ReadFiles(Path.Combine(input, "commentaries"), "*.md")],
                Process =
                [
                    new RequireSome("commentaries", Path.Combine(input, "commentaries"), "add a Markdown file per commentary"),
                    new ParseCommentaries(Actors),
                    new RejectDuplicateSlugs(),
                    new RenderMarkdown(markdown),
                ],
                Output = [new RenderPage(Theme, "commentary", CommentaryPage), write],
            },
            new(Home)
            {
                Dependencies = [Commentaries],
                Process = [new CreatePage("index.html")],
                Output = [new RenderPage(Theme, "home", HomePage), write],
            },
        ];
    }

    private static SiteSettings Settings(PipelineContext context) =>
        context.OutputsOf(Site).Single().Get(SiteKeys.Settings);

    private static object CommentaryPage(Document document, PipelineContext context)
    {
        var commentary = document.Get(SiteKeys.Commentary);
        var page = PageModels.Page(Settings(context), commentary.Title, commentary.Url, commentary.Summary);
        page["commentary"] = PageModels.Commentary(commentary);
        page["body"] = PageModels.Html(document);
        return page;
    }

    private static object HomePage(Document document, PipelineContext context)
    {
        var settings = Settings(context);
        var page = PageModels.Page(settings, settings.Title, "/", settings.Description);
        page["is_home"] = true;
        page["commentaries"] = context.OutputsOf(Commentaries)
            .Select(d => d.Get(SiteKeys.Commentary))
            .OrderByDescending(c => c.Date)
            .ThenBy(c => c.Title, StringComparer.Ordinal)
            .Select(PageModels.Commentary)
            .ToList();
        return page;
    }
}
