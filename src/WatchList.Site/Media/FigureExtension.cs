using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WatchList.Site.Media;

/// <summary>
/// An image alone in its paragraph, with a title, is a figure whose caption is the title, as Hugo's image
/// render hook makes it: <c>![Delegates](/media/talks.jpg "Delegates meet. Photo: Agency")</c> gives a
/// <c>figure</c> with the image and a <c>figcaption</c>, a trailing "Photo: ..." or "Credit: ..." in a credit span.
/// </summary>
public sealed class FigureExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<FigureRenderer>())
        {
            html.ObjectRenderers.Replace<ParagraphRenderer>(new FigureRenderer());
        }
    }
}

public sealed partial class FigureRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (renderer.ImplicitParagraph || LoneImage(paragraph) is not { Title: { Length: > 0 } title } image)
        {
            base.Write(renderer, paragraph);
            return;
        }
        var (caption, credit) = SplitCredit(title.Trim());
        renderer.EnsureLine();
        renderer.Write("<figure>");
        // The title becomes the caption, so the image itself carries none.
        image.Title = null;
        renderer.Write(image);
        image.Title = title;
        renderer.Write("<figcaption>").WriteEscape(caption);
        if (credit is not null)
        {
            renderer.Write(caption.Length > 0 ? " " : "").Write("<span class=\"credit\">").WriteEscape(credit).Write("</span>");
        }
        renderer.Write("</figcaption></figure>");
        renderer.EnsureLine();
    }

    /// <summary>The paragraph's only inline, when that is an image (white space around it aside).</summary>
    private static LinkInline? LoneImage(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } link when image is null:
                    image = link;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }
        return image;
    }

    /// <summary>"Delegates meet in Stockholm. Photo: Agency" is the caption "Delegates meet in Stockholm." and the credit "Photo: Agency".</summary>
    public static (string Caption, string? Credit) SplitCredit(string title)
    {
        var match = Credit().Match(title);
        return match.Success ? (title[..match.Index].TrimEnd(), match.Value.Trim()) : (title, null);
    }

    [GeneratedRegex(@"(?:^|(?<=\s))(?:Photo|Photograph|Image|Picture|Credit|Source)s?\s*:\s*\S.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();
}
