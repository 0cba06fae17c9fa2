using System.Text;
using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Markdown;

/// <summary>Renders the Markdown body of each commentary, term or actor to HTML, kept as compact UTF-8.</summary>
public sealed class RenderMarkdown(MarkdownRenderer renderer) : PerDocumentModule
{
    protected override Document? Execute(Document input, PipelineContext context)
    {
        var body = BodyOf(input);
        var html = renderer.Render(renderer.Parse(body.Text));
        return input.With(SiteKeys.BodyHtml, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(html));
    }

    public static MarkdownSource BodyOf(Document document) =>
        document.TryGet(SiteKeys.Commentary, out var commentary) ? commentary.Body
        : document.TryGet(SiteKeys.Term, out var term) ? term.Body
        : document.Get(SiteKeys.Actor).Body;
}
