using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;
using WatchList.Site.Output;
using WatchList.Site.Pages;
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
    public const string Linker = "linker";
    public const string Commentaries = "commentaries";
    public const string Backlinks = "backlinks";
    public const string TermPages = "term-pages";
    public const string ActorPages = "actor-pages";
    public const string GlossaryIndex = "glossary-index";
    public const string ActorIndex = "actor-index";
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
            new(Theme) { Dependencies = [Site], Process = [new LoadTheme(options.ThemeFolder, Site)] },
            new(Assets)
            {
                Input = [new ReadAssets(Path.Combine(options.ThemeFolder, "assets"), "assets")],
                Output = [write],
            },
            new(Glossary)
            {
                Input = [new ReadFiles(Path.Combine(input, "glossary"), "*.md")],
                Process = [new ParseGlossaryTerms()],
            },
            new(Actors)
            {
                Input = [new ReadFiles(Path.Combine(input, "actors"), "*.md")],
                Process = [new ParseActors()],
            },
            new(Linker) { Dependencies = [Glossary, Actors], Process = [new BuildLinker(Glossary, Actors)] },
            new(Commentaries)
            {
                Dependencies = [Site, Actors, Linker],
                Input = [new ReadFiles(Path.Combine(input, "commentaries"), "*.md")],
                Process =
                [
                    new RequireSome("commentaries", Path.Combine(input, "commentaries"), "add a Markdown file per commentary"),
                    new ParseCommentaries(Actors),
                    new RejectDuplicateSlugs(),
                    new LinkAndRender(markdown, Linker, Site),
                ],
                Output = [new RenderPage(Theme, "commentary", CommentaryPage), write],
            },
            new(Backlinks) { Dependencies = [Commentaries, Linker], Process = [new BuildBacklinks(Commentaries, Linker)] },
            new(TermPages)
            {
                Dependencies = [Site, Glossary, Linker],
                Process = [new TakeFrom(Glossary), new LinkAndRender(markdown, Linker, Site)],
                Output = [new RenderPage(Theme, "term", TermPage), write],
            },
            new(ActorPages)
            {
                Dependencies = [Site, Actors, Linker],
                Process = [new TakeFrom(Actors), new LinkAndRender(markdown, Linker, Site)],
                Output = [new RenderPage(Theme, "actor", ActorPage), write],
            },
            new(GlossaryIndex)
            {
                Process = [new CreatePage("glossary/index.html")],
                Output = [new RenderPage(Theme, "glossary", GlossaryIndexPage), write],
            },
            new(ActorIndex)
            {
                Process = [new CreatePage("actors/index.html")],
                Output = [new RenderPage(Theme, "actors", ActorIndexPage), write],
            },
            new(Home)
            {
                Process = [new CreatePage("index.html")],
                Output = [new RenderPage(Theme, "home", HomePage), write],
            },
        ];
    }

    private static SiteSettings Settings(PipelineContext context) =>
        context.OutputsOf(Site).Single().Get(SiteKeys.Settings);

    private static BacklinkIndex BacklinkIndex(PipelineContext context) =>
        context.OutputsOf(Backlinks).Single().Get(BuildBacklinks.Key);

    private static MentionLinker MentionLinker(PipelineContext context) =>
        context.OutputsOf(Linker).Single().Get(BuildLinker.Key);

    private static object CommentaryPage(Document document, PipelineContext context)
    {
        var commentary = document.Get(SiteKeys.Commentary);
        var backlinks = BacklinkIndex(context);
        var mentioned = backlinks.MentionedBy(commentary);
        var page = PageModels.Page(Settings(context), commentary.Title, commentary.Url, commentary.Summary);
        page["commentary"] = PageModels.Commentary(commentary);
        page["body"] = PageModels.Html(document);
        page["definitions"] = EntryModels.Definitions(document.Get(LinkAndRender.Mentions));
        page["terms"] = Sorted(mentioned, TargetKind.Term);
        page["actors"] = Sorted(mentioned, TargetKind.Actor);
        page["related"] = backlinks.RelatedTo(commentary).Select(PageModels.Commentary).ToList();
        return page;
    }

    private static List<Dictionary<string, object?>> Sorted(IEnumerable<TargetMentions> mentions, TargetKind kind) =>
        [.. mentions.Where(m => m.Target.Kind == kind)
            .OrderBy(m => m.Target.Title, StringComparer.OrdinalIgnoreCase)
            .Select(m => EntryModels.Target(m.Target))];

    private static object TermPage(Document document, PipelineContext context)
    {
        var term = document.Get(SiteKeys.Term);
        var target = MentionLinker(context).Targets.First(t => t.Kind == TargetKind.Term && t.Id == term.Id);
        var terms = context.OutputsOf(Glossary).Select(d => d.Get(SiteKeys.Term)).ToList();
        var page = PageModels.Page(Settings(context), term.Title, term.Url, term.Summary);
        page["term"] = EntryModels.TermPage(term, target, BacklinkIndex(context), terms);
        page["body"] = PageModels.Html(document);
        page["definitions"] = EntryModels.Definitions(document.Get(LinkAndRender.Mentions));
        return page;
    }

    private static object ActorPage(Document document, PipelineContext context)
    {
        var actor = document.Get(SiteKeys.Actor);
        var target = MentionLinker(context).Targets.First(t => t.Kind == TargetKind.Actor && t.Id == actor.Id);
        var actors = context.OutputsOf(Actors).Select(d => d.Get(SiteKeys.Actor)).ToList();
        var page = PageModels.Page(Settings(context), actor.Title, actor.Url, actor.Summary ?? actor.Title);
        page["actor"] = EntryModels.ActorPage(actor, target, BacklinkIndex(context), actors);
        page["body"] = PageModels.Html(document);
        page["definitions"] = EntryModels.Definitions(document.Get(LinkAndRender.Mentions));
        return page;
    }

    private static object GlossaryIndexPage(Document document, PipelineContext context)
    {
        var page = PageModels.Page(Settings(context), "Glossary", "/glossary/", "Every term used in the commentaries, explained.");
        page["letters"] = EntryModels.ByLetter(context.OutputsOf(Glossary).Select(d => d.Get(SiteKeys.Term)));
        return page;
    }

    private static object ActorIndexPage(Document document, PipelineContext context)
    {
        var backlinks = BacklinkIndex(context);
        var linker = MentionLinker(context);
        var actors = context.OutputsOf(Actors).Select(d => d.Get(SiteKeys.Actor)).ToList();
        var page = PageModels.Page(Settings(context), "Actors", "/actors/", "The states, organisations and people the commentaries discuss.");
        page["groups"] = new[] { (ActorKind.State, "States"), (ActorKind.Organisation, "Organisations"), (ActorKind.Person, "People") }
            .Select(group => new Dictionary<string, object?>
            {
                ["title"] = group.Item2,
                ["anchor"] = group.Item2.ToLowerInvariant(),
                ["actors"] = actors.Where(a => a.Kind == group.Item1)
                    .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
                    .Select(a =>
                    {
                        var model = EntryModels.Brief(a);
                        var target = linker.Targets.First(t => t.Kind == TargetKind.Actor && t.Id == a.Id);
                        model["count"] = backlinks.MentionsOf(target).Length;
                        return model;
                    })
                    .ToList(),
            })
            .Where(g => ((System.Collections.ICollection)g["actors"]!).Count > 0)
            .ToList();
        return page;
    }

    private static object HomePage(Document document, PipelineContext context)
    {
        var settings = Settings(context);
        var page = PageModels.Page(settings, settings.Title, "/", settings.Description);
        page["is_home"] = true;
        page["commentaries"] = BacklinkIndex(context).Commentaries.Select(PageModels.Commentary).ToList();
        return page;
    }
}
