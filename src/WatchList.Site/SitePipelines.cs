using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Listings;
using WatchList.Site.Markdown;
using WatchList.Site.Media;
using WatchList.Site.Output;
using WatchList.Site.Pages;
using WatchList.Site.Reading;
using WatchList.Site.Search;
using WatchList.Site.Templates;

namespace WatchList.Site;

/// <summary>What one build reads, where it writes, and with which theme.</summary>
public sealed record BuildOptions(string InputFolder, string OutputFolder, string ThemeFolder, Uri? BaseUrl = null)
{
    /// <summary>
    /// Set by a long-running session (the preview) to rebuild only what changed since its last build. The engine
    /// lends it to every module of the run (<see cref="PipelineContext.Service{T}"/>); the recipe never names it.
    /// </summary>
    public Output.SiteCache? Cache { get; init; }

    /// <summary>
    /// The site an earlier build left in the output folder, whose resized photos a build takes instead of resizing
    /// again; none in a preview, which writes into the site it serves.
    /// </summary>
    public string? PreviousSite => Cache is null ? OutputFolder : null;
}

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
    public const string Archive = "archive";
    public const string ArchivePages = "archive-pages";
    public const string MentionPages = "mention-pages";
    public const string Search = "search";
    public const string NotFound = "not-found";
    public const string Feed = "feed";
    public const string Sitemap = "sitemap";
    public const string Definitions = "definitions";
    public const string SearchIndex = "search-index";
    public const string HostFiles = "host-files";
    public const string Changes = "changes";
    public const string Media = "media";
    public const string CitationFiles = "citation-files";
    public const string EntryFeeds = "entry-feeds";
    public const string Redirects = "redirects";

    /// <summary>The pipelines whose documents are pages readers reach by following links (all but the 404 page).</summary>
    public static readonly ImmutableArray<string> LinkedPages =
        [Home, Commentaries, Archive, ArchivePages, Search, GlossaryIndex, TermPages, MentionPages, ActorIndex, ActorPages];

    /// <param name="outputFolder">Where pages are written: the build's temporary folder.</param>
    public static ImmutableArray<Pipeline.Pipeline> Create(BuildOptions options, string outputFolder)
    {
        var markdown = new MarkdownRenderer();
        var write = new WriteFiles(outputFolder);
        var input = options.InputFolder;
        var images = new SiteImages(Path.Combine(input, "static"), Path.Combine(options.ThemeFolder, "assets"), options.PreviousSite);
        Pipeline.Pipeline Page(string name, string destination, string template, Func<Document, PipelineContext, object> model) =>
            new(name)
            {
                Process = [new CreatePage(destination)],
                Output = [new RenderPage(Theme, template, model), write],
            };
        Pipeline.Pipeline File(string name, string destination, Func<Document, PipelineContext, SiteFile> file) =>
            new(name)
            {
                Process = [new CreatePage(destination)],
                Output = [new WriteWith(file), write],
            };

        return
        [
            // What the site is made of.
            new(Site) { Input = [new ReadSiteSettings(input, options.BaseUrl)] },
            new(Theme)
            {
                Dependencies = [Site],
                Input = [new ReadTheme(options.ThemeFolder)],
                Process = [new LoadTheme(Site)],
            },
            new(Assets)
            {
                Input = [new ReadAssets(Path.Combine(options.ThemeFolder, "assets"), "assets")],
                Output = [write],
            },
            // A term or actor with a mistake is still an entry, by the id its file name gives: the commentaries
            // are linked and checked in the same run.
            new(Glossary)
            {
                Input = [new ReadFiles(Path.Combine(input, "glossary"), "*.md")],
                Process = [new ParseGlossaryTerms()],
                ErrorsStopDependents = false,
            },
            new(Actors)
            {
                Input = [new ReadFiles(Path.Combine(input, "actors"), "*.md")],
                Process = [new ParseActors()],
                ErrorsStopDependents = false,
            },

            // Commentaries, linked to the terms and actors they mention.
            new(Linker) { Dependencies = [Glossary, Actors], Process = [new BuildLinker(Glossary, Actors)] },
            new(Commentaries)
            {
                Dependencies = [Site, Actors, Linker],
                Input = [new ReadFiles(Path.Combine(input, "commentaries"), "*.md") { Bundles = true }],
                Process =
                [
                    new RequireSome("commentaries", Path.Combine(input, "commentaries"), "add a Markdown file per commentary"),
                    new ParseCommentaries(Linker),
                    new RejectDuplicateSlugs(),
                    new LinkAndRender(markdown, Linker, Site) { Images = images },
                ],
                Output = [new RenderPage(Theme, "commentary", SitePages.Commentary), write],
            },
            new(Backlinks) { Dependencies = [Commentaries, Linker], Process = [new BuildBacklinks(Commentaries, Linker)] },

            // A page per term and per actor, listing the commentaries that mention it.
            new(TermPages)
            {
                Dependencies = [Site, Glossary, Linker],
                Process = [new TakeFrom(Glossary), new RelateTerms(Linker), new LinkAndRender(markdown, Linker, Site) { Images = images }],
                Output = [new RenderPage(Theme, "term", SitePages.Term), write],
            },
            new(ActorPages)
            {
                Dependencies = [Site, Actors, Linker],
                Process = [new TakeFrom(Actors), new LinkAndRender(markdown, Linker, Site) { Images = images }],
                Output = [new RenderPage(Theme, "actor", SitePages.Actor), write],
            },

            // input/static/ as it is at the root; the files kept beside commentaries; smaller copies of large photos.
            new(Media)
            {
                Dependencies = [Commentaries, TermPages, ActorPages],
                Input = [new ReadAssets(Path.Combine(input, "static"), "")],
                Process = [new PublishMedia(images, [Commentaries, TermPages, ActorPages])],
                Output = [write],
            },

            // Beside each commentary, its reference for reference managers (BibTeX, RIS, CSL-JSON).
            new(CitationFiles)
            {
                Dependencies = [Site, Commentaries],
                Process = [new Citations.CreateCitationFiles(Commentaries)],
                Output = [new WriteWith(Citations.CreateCitationFiles.Write), write],
            },

            // A page at each old address (redirect_from) sending readers on.
            new(Redirects)
            {
                Dependencies = [Site, Commentaries],
                Process = [new CreateRedirects(Commentaries)],
                Output = [new WriteWith(CreateRedirects.Write), write],
            },

            // The older mentions of each term and actor, a page size at a time.
            new(MentionPages)
            {
                Dependencies = [Site, Linker, Backlinks],
                Process = [new CreateMentionPages(Site, Linker, Backlinks)],
                Output = [new RenderPage(Theme, "mentions", SitePages.Mentions), write],
            },

            // Indexes and site-wide pages.
            Page(Home, "index.html", "home", SitePages.Home),
            Page(Archive, "archive/index.html", "archive", SitePages.Archive),
            new(ArchivePages)
            {
                Dependencies = [Site, Backlinks],
                Process = [new CreateArchivePages(Site, Backlinks)],
                Output = [new RenderPage(Theme, "archive-page", SitePages.ArchivePage), write],
            },
            Page(Search, "search/index.html", "search", SitePages.Search),
            Page(GlossaryIndex, "glossary/index.html", "glossary", SitePages.GlossaryIndex),
            Page(ActorIndex, "actors/index.html", "actors", SitePages.ActorIndex),
            Page(NotFound, "404.html", "404", SitePages.NotFound),

            // Files for readers' tools, search engines and GitHub Pages.
            File(Feed, "feed.xml", SiteFiles.Feed),
            File(Sitemap, "sitemap.xml", SiteFiles.Sitemap),
            new(EntryFeeds)
            {
                Dependencies = [Site, TermPages, ActorPages, Backlinks],
                Process = [new FeedPerEntry(TermPages, ActorPages)],
                Output = [new WriteWith(SiteFiles.EntryFeed), write],
            },
            File(Definitions, "definitions.json", SiteFiles.Definitions),
            // The search index, in shards a reader's query fetches only for its own words.
            new(SearchIndex)
            {
                Dependencies = [Site, Commentaries, TermPages, ActorPages],
                Process = [new BuildSearchIndex()],
                Output = [write],
            },
            new(HostFiles)
            {
                Process = [new CreatePage("robots.txt"), new CreatePage(".nojekyll")],
                Output = [new WriteWith(SiteFiles.HostFile), write],
            },
        ];
    }
}
