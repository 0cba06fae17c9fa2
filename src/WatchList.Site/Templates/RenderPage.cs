using WatchList.Pipeline;

namespace WatchList.Site.Templates;

/// <summary>
/// Output module: gives each document content that renders a theme template when written,
/// so a page goes from template to disk without being held in memory.
/// </summary>
public sealed class RenderPage(string themePipeline, string template, Func<Document, PipelineContext, object> model)
    : PerDocumentModule
{
    protected override Document? Execute(Document input, PipelineContext context)
    {
        var theme = context.OutputsOf(themePipeline).Single().Get(LoadTheme.Key);
        var pageModel = model(input, context);
        return input.WithContent(new StreamedTextContent(writer => theme.Render(template, writer, pageModel)));
    }
}
