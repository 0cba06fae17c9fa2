using System.Text;
using Markdig.Syntax.Inlines;
using WatchList.Site.Linking.WikiLinks;

namespace WatchList.Site.Linking;

/// <summary>
/// The words of a paragraph as a reader sees them (emphasis, link text and code included, markup left out),
/// with where each inline starts, so a mention's sentence can be cut out whole.
/// </summary>
public sealed class PlainText
{
    public static readonly PlainText Empty = new("", []);

    private readonly Dictionary<Inline, int> _offsets;

    private PlainText(string text, Dictionary<Inline, int> offsets)
    {
        Text = text;
        _offsets = offsets;
    }

    public string Text { get; }

    public static PlainText Of(ContainerInline container)
    {
        var builder = new StringBuilder();
        var offsets = new Dictionary<Inline, int>();
        Append(container, builder, offsets);
        return new PlainText(builder.ToString(), offsets);
    }

    /// <summary>Where an inline's text starts in the paragraph.</summary>
    public int Offset(Inline inline) => _offsets.GetValueOrDefault(inline);

    /// <summary>The sentence around the text that starts <paramref name="offset"/> characters into an inline.</summary>
    public MentionContext ContextOf(Inline inline, int offset, int length)
    {
        if (!_offsets.TryGetValue(inline, out var start) || start + offset + length > Text.Length)
        {
            return new MentionContext("", "", "");
        }
        return Sentences.Around(Text, start + offset, length);
    }

    private static void Append(ContainerInline container, StringBuilder builder, Dictionary<Inline, int> offsets)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            offsets[inline] = builder.Length;
            switch (inline)
            {
                case LiteralInline literal:
                    foreach (var c in literal.Content.AsSpan())
                    {
                        builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
                    }
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case WikiLinkInline wiki:
                    builder.Append(wiki.Label);
                    break;
                case ContainerInline nested:
                    Append(nested, builder, offsets);
                    break;
            }
        }
    }
}
