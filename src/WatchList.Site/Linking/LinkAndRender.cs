using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Checks;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Output;

namespace WatchList.Site.Linking;

/// <summary>
/// Process module: parses each page's Markdown, links its mentions, records them for backlinks,
/// and renders the HTML, all in one pass per document.
/// </summary>
public sealed class LinkAndRender(MarkdownRenderer renderer, string linkerPipeline, string sitePipeline) : IModule
{
    public static readonly MetadataKey<ImmutableArray<TargetMentions>> Mentions = new("mentions");

    /// <summary>The links and images the editor wrote in the body, for the whole-site link check.</summary>
    public static readonly MetadataKey<ImmutableArray<WrittenLink>> Links = new("written-links");

    /// <summary>Checks the images of each body, gives them their sizes and plans copies of large photos; none in module tests.</summary>
    public Media.SiteImages? Images { get; init; }

    /// <summary>What linking and rendering one body produces.</summary>
    private sealed record Rendered(ImmutableArray<TargetMentions> Mentions, Outline Outline, RenderedHtml Html, ImmutableArray<WrittenLink> Links,
        ImmutableArray<Media.ResizedImage> Resized);

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var linkerDocument = context.OutputsOf(linkerPipeline).Single();
        var linker = linkerDocument.Get(BuildLinker.Key);
        var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
        var cacheContext = $"{linkerDocument.Get(BuildLinker.FingerprintKey)}|{settings.BaseUrl.AbsoluteUri}|{settings.LinkPolicy}";
        // A preview renders a body with images again when an image file changed: their sizes are in the page.
        var imageStamp = cache is null || Images is null ? "" : Images.Stamp();
        // Mentions reused from an earlier build point at that build's targets: swap in this build's, which are equal but for identity.
        var targets = cache is null ? null : linker.Targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return ValueTask.FromResult(context.MapParallel(inputs, document =>
        {
            // Decoded once here when it was held compactly: rendering reads the text several times.
            var body = BodyOf(document)?.Expanded() ?? throw new InvalidOperationException($"'{document.Source}' has no Markdown body to link.");
            var automatic = !document.TryGet(SiteKeys.Commentary, out var commentary) || commentary.Autolink;
            var options = new LinkOptions(settings.LinkPolicy, settings.Link, automatic, Self(linker, document));
            Rendered Render(DiagnosticBag diagnostics)
            {
                var resized = ImmutableArray<Media.ResizedImage>.Empty;
                var page = RenderBody(renderer, linker, body, options, settings,
                    tree => resized = Images?.Prepare(tree, body, document.Source, document.Destination, settings, diagnostics) ?? []);
                diagnostics.AddRange(page.Result.Diagnostics);
                return new Rendered(page.Result.Mentions, page.Outline, new RenderedHtml(page.Html), page.Links, resized);
            }
            var rendered = cache is null
                ? Render(context.Diagnostics)
                // The body is compared as it is: an unchanged file gives the very same string, compared at no cost.
                : cache.Reuse(nameof(LinkAndRender), document, body.Text,
                    $"{cacheContext}|{body.FirstLine}|{automatic}|{options.Self?.Key}|{ImageStamp(body, document, imageStamp)}", context.Diagnostics, Render)!;
            var mentions = targets is null
                ? rendered.Mentions
                : [.. rendered.Mentions.Select(m => ReferenceEquals(m.Target, targets[m.Target.Key]) ? m : m with { Target = targets[m.Target.Key] })];
            // A preview keeps the text: its cache compares it with the next save's, and the parsed commentary stays the same object.
            return (cache is null ? WithoutBodyText(document) : document)
                .With(Mentions, mentions)
                .With(Links, rendered.Links)
                .With(SiteKeys.Outline, rendered.Outline)
                .With(SiteKeys.BodyHtml, rendered.Html)
                .With(Media.SiteImages.Resized, rendered.Resized);
        }));
    }

    /// <summary>One body parsed, linked, put under the base path and rendered as UTF-8 HTML.</summary>
    public sealed record RenderedBody(LinkResult Result, Outline Outline, byte[] Html, ImmutableArray<WrittenLink> Links);

    /// <summary>
    /// Parses, links and renders one body. Markdown nested deeper than Markdig renders (thousands of brackets
    /// or quotes) is an error located at the body, not a crash of the build.
    /// </summary>
    /// <param name="prepareImages">Reads the images of the parsed body (sizes, resized copies) before it is linked.</param>
    public static RenderedBody RenderBody(MarkdownRenderer renderer, MentionLinker linker, MarkdownSource body, LinkOptions options, SiteSettings settings,
        Action<Markdig.Syntax.MarkdownDocument>? prepareImages = null)
    {
        try
        {
            var tree = renderer.Parse(body.Text);
            var links = WrittenLinks.In(body, tree);
            prepareImages?.Invoke(tree);
            var result = linker.Link(tree, body, options);
            SitePaths.Rebase(tree, settings);
            return new RenderedBody(result, Outline.Of(tree, body.Text), renderer.RenderUtf8(tree), links);
        }
        catch (ArgumentException e) when (e.Source == "Markdig")
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(body.Path, body.FirstLine, 1),
                "the Markdown is nested too deeply to be rendered", "break up the long runs of brackets, quotes or list markers"));
        }
    }

    /// <summary>
    /// A commentary whose body is rendered no longer holds its Markdown: everything made from it (HTML, outline,
    /// mentions, written links) is kept, and the text of every commentary would otherwise be held until the site is written.
    /// </summary>
    private static Document WithoutBodyText(Document document) =>
        document.TryGet(SiteKeys.Commentary, out var commentary)
            ? document.With(SiteKeys.Commentary, commentary with { Body = commentary.Body with { Text = "" } })
            : document;

    private static string ImageStamp(MarkdownSource body, Document document, string siteImages) =>
        !body.Text.Contains("![", StringComparison.Ordinal) ? ""
        : Media.SiteImages.BundleFolder(document.Source) is { } bundle ? siteImages + SiteCache.Stamp(bundle)
        : siteImages;

    /// <summary>The Markdown body of a commentary, term or actor; null for any other document.</summary>
    public static MarkdownSource? BodyOf(Document document) =>
        document.TryGet(SiteKeys.Commentary, out var commentary) ? commentary.Body
        : document.TryGet(SiteKeys.Term, out var term) ? term.Body
        : document.TryGet(SiteKeys.Actor, out var actor) ? actor.Body
        : null;

    private static LinkTarget? Self(MentionLinker linker, Document document) =>
        document.TryGet(SiteKeys.Term, out var term) ? linker.TargetOf(TargetKind.Term, term.Id)
        : document.TryGet(SiteKeys.Actor, out var actor) ? linker.TargetOf(TargetKind.Actor, actor.Id)
        : null;
}
