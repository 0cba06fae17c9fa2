using Markdig.Syntax.Inlines;
using WatchList.Site.Content;
using WatchList.Site.Linking.WikiLinks;

namespace WatchList.Site.Linking;

/// <summary>
/// The words of a paragraph as a reader sees them (emphasis, link text and code included, markup left out),
/// with where each inline starts, so a mention's sentence can be cut out whole.
/// </summary>
public sealed class PlainText
{
    public static readonly PlainText Empty = new(new Scratch());

    // Every inline of the paragraph in document order, with where its text starts: lists, not a dictionary,
    // so no inline is hashed; lookups come in document order, so each starts where the last one ended.
    private readonly Scratch _scratch;
    private int _next;

    private PlainText(Scratch scratch) => _scratch = scratch;

    public static PlainText Of(ContainerInline container) => Of(container, new Scratch());

    /// <summary>
    /// The plain text of a paragraph, read in place from buffers reused from paragraph to paragraph: it is
    /// valid until the next paragraph is taken from the same buffers.
    /// </summary>
    internal static PlainText Of(ContainerInline container, Scratch scratch)
    {
        scratch.Clear();
        Append(container, scratch);
        return new PlainText(scratch);
    }

    /// <summary>The buffers a paragraph's plain text is built in.</summary>
    internal sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_current;

        /// <summary>This thread's buffers: a page is linked on one thread, and the next page there reuses them.</summary>
        public static Scratch ForThisThread => t_current ??= new Scratch();

        public ValueText Text;
        public List<Inline> Inlines { get; } = [];
        public List<int> Offsets { get; } = [];

        public void Clear()
        {
            Text.Length = 0;
            Inlines.Clear();
            Offsets.Clear();
        }
    }

    /// <summary>One character buffer that only grows, unlike a string builder, which reallocates when cleared.</summary>
    internal struct ValueText
    {
        private char[] _chars;

        public int Length { get; set; }

        public void Append(char c)
        {
            if (_chars is null || Length == _chars.Length)
            {
                Grow(1);
            }
            _chars![Length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            if (_chars is null || Length + text.Length > _chars.Length)
            {
                Grow(text.Length);
            }
            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
        }

        /// <summary>Appends <paramref name="text"/> with each white space character made a space.</summary>
        public void AppendSpaced(ReadOnlySpan<char> text)
        {
            var start = Length;
            Append(text);
            // Copied whole, then mended where needed: white space other than a space is rare in a literal.
            var appended = _chars.AsSpan(start, text.Length);
            for (var at = appended.IndexOfAny(Characters.OtherWhiteSpace); at >= 0; at = appended.IndexOfAny(Characters.OtherWhiteSpace))
            {
                appended[at] = ' ';
                appended = appended[(at + 1)..];
            }
        }

        public readonly ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

        public override readonly string ToString() => Length == 0 ? "" : new string(_chars, 0, Length);

        private void Grow(int needed) =>
            Array.Resize(ref _chars, Math.Max(Math.Max(256, (_chars?.Length ?? 0) * 2), Length + needed));
    }

    /// <summary>Where an inline's text starts in the paragraph.</summary>
    public int Offset(Inline inline) => TryFind(inline, out var offset) ? offset : 0;

    /// <summary>The sentence around the text that starts <paramref name="offset"/> characters into an inline, a mention of <paramref name="target"/>.</summary>
    public MentionContext ContextOf(Inline inline, int offset, int length, LinkTarget target)
    {
        var text = _scratch.Text.Span;
        if (!TryFind(inline, out var start) || start + offset + length > text.Length)
        {
            return new MentionContext("", "", "");
        }
        return Sentences.Around(text, start + offset, length, target);
    }

    private bool TryFind(Inline inline, out int offset)
    {
        var inlines = _scratch.Inlines;
        var count = inlines.Count;
        for (var seen = 0; seen < count; seen++)
        {
            var i = _next + seen;
            if (i >= count)
            {
                i -= count;
            }
            if (ReferenceEquals(inlines[i], inline))
            {
                _next = i;
                offset = _scratch.Offsets[i];
                return true;
            }
        }
        offset = 0;
        return false;
    }

    private static void Append(ContainerInline container, Scratch scratch)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            scratch.Inlines.Add(inline);
            scratch.Offsets.Add(scratch.Text.Length);
            switch (inline)
            {
                case LiteralInline literal:
                    scratch.Text.AppendSpaced(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    scratch.Text.Append(' ');
                    break;
                case CodeInline code:
                    scratch.Text.Append(code.Content);
                    break;
                case WikiLinkInline wiki:
                    scratch.Text.Append(wiki.Label);
                    break;
                case ContainerInline nested:
                    Append(nested, scratch);
                    break;
            }
        }
    }
}
