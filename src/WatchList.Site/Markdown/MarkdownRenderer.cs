using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using WatchList.Site.Linking.Mentions;
using WatchList.Site.Linking.WikiLinks;

namespace WatchList.Site.Markdown;

/// <summary>The one Markdig pipeline of a build, configured once and shared by every thread.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;

    public MarkdownRenderer()
    {
        _pipeline = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseFootnotes()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseListExtras()
            .Use<WikiLinkExtension>()
            .Use<MentionExtension>()
            .Build();
    }

    public MarkdownPipeline Pipeline => _pipeline;

    public MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, _pipeline);

    public string Render(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
