using System.Collections.Immutable;
using System.Text;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Markdown;

namespace WatchList.Site.Linking;

/// <summary>
/// Process module: parses each page's Markdown, links its mentions, records them for backlinks,
/// and renders the HTML, all in one pass per document.
/// </summary>
public sealed class LinkAndRender(MarkdownRenderer renderer, string linkerPipeline, string sitePipeline) : IModule
{
    public static readonly MetadataKey<ImmutableArray<TargetMentions>> Mentions = new("mentions");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
        var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
        return ValueTask.FromResult(context.MapParallel(inputs, document =>
        {
            var body = BodyOf(document);
            var automatic = !document.TryGet(SiteKeys.Commentary, out var commentary) || commentary.Autolink;
            var options = new LinkOptions(settings.LinkPolicy, settings.Link, automatic, Self(linker, document));
            var tree = renderer.Parse(body.Text);
            var result = linker.Link(tree, body, options);
            SitePaths.Rebase(tree, settings);
            context.Diagnostics.AddRange(result.Diagnostics);
            var html = renderer.Render(tree);
            return document
                .With(Mentions, result.Mentions)
                .With(SiteKeys.Outline, Outline.Of(tree, body.Text))
                .With(SiteKeys.BodyHtml, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(html));
        }));
    }

    public static MarkdownSource BodyOf(Document document) =>
        document.TryGet(SiteKeys.Commentary, out var commentary) ? commentary.Body
        : document.TryGet(SiteKeys.Term, out var term) ? term.Body
        : document.Get(SiteKeys.Actor).Body;

    private static LinkTarget? Self(MentionLinker linker, Document document) =>
        document.TryGet(SiteKeys.Term, out var term) ? linker.Targets.FirstOrDefault(t => t.Kind == TargetKind.Term && t.Id == term.Id)
        : document.TryGet(SiteKeys.Actor, out var actor) ? linker.Targets.FirstOrDefault(t => t.Kind == TargetKind.Actor && t.Id == actor.Id)
        : null;
}
