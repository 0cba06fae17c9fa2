using WatchList.Pipeline;
using WatchList.Site.Output;

namespace WatchList.Site.Templates;

/// <summary>
/// Output module: gives each document content that renders a theme template when written,
/// so a page goes from template to disk without being held in memory. In a preview session, a page
/// whose model and templates are the same as at the last build is left as it is on disk.
/// </summary>
public sealed class RenderPage(string themePipeline, string template, Func<Document, PipelineContext, object> model)
    : PerDocumentModule
{

    /// <summary>The theme template the pages are rendered with.</summary>
    public string Template => template;

    /// <summary>How a page's model is built, for the check of the variables templates read.</summary>
    public Func<Document, PipelineContext, object> Model => model;

    protected override Document? Execute(Document input, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var theme = context.OutputsOf(themePipeline).Single().Get(LoadTheme.Key);
        // The model is built when the page is written, so no more than a page per core is in memory.
        var modelWhenWritten = new StreamedTextContent(writer => theme.Render(template, writer, model(input, context)));
        if (cache is null)
        {
            return input.WithContent(modelWhenWritten);
        }
        var scope = context.OutputsOf(SitePipelines.Changes).FirstOrDefault()?.Get(ChangeScope.Key);
        if (scope is not null && !scope.MayChange(input) && cache.HasPage(input.Destination))
        {
            // Nothing this page shows changed: its model is not even built, unless the file went missing.
            return input.WithContent(new UnchangedContent(modelWhenWritten));
        }
        // In a preview session the model is built now, to tell from its digest whether the page changed.
        var pageModel = model(input, context);
        var digest = Fingerprint.Combine(Fingerprint.Combine(theme.Fingerprint, template), pageModel);
        return cache.WithContent(input, new StreamedTextContent(writer => theme.Render(template, writer, pageModel)), digest);
    }
}
