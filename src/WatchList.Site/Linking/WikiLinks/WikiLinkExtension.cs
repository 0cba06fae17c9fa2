using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace WatchList.Site.Linking.WikiLinks;

/// <summary>Adds <c>[[...]]</c> links to the Markdown pipeline; the linker resolves them to terms and actors.</summary>
public sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
