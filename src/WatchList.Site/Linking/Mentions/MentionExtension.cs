using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace WatchList.Site.Linking.Mentions;

/// <summary>
/// Renders mentions: a link to the entry, or a plain anchor. The entry's summary is not repeated on every page:
/// the theme's script describes each link from definitions.json, found by the link's address.
/// </summary>
public sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MentionRenderer>())
        {
            html.ObjectRenderers.Insert(0, new MentionRenderer());
        }
    }
}

public sealed class MentionRenderer : HtmlObjectRenderer<MentionInline>
{
    protected override void Write(HtmlRenderer renderer, MentionInline mention)
    {
        if (mention.Linked)
        {
            renderer.Write("<a class=\"mention\"");
            if (mention.Anchor is not null)
            {
                renderer.Write(" id=\"").Write(mention.Anchor).Write('"');
            }
            renderer.Write(" href=\"").WriteEscapeUrl(mention.Href).Write("\">");
            renderer.WriteChildren(mention);
            renderer.Write("</a>");
        }
        else if (mention.Anchor is not null)
        {
            renderer.Write("<span id=\"").Write(mention.Anchor).Write("\">");
            renderer.WriteChildren(mention);
            renderer.Write("</span>");
        }
        else
        {
            renderer.WriteChildren(mention);
        }
    }
}
