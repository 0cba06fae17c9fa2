using System.Text;
using Markdig;
using Markdig.Syntax;
using WatchList.Site.Linking.Mentions;
using WatchList.Site.Linking.WikiLinks;

namespace WatchList.Site.Markdown;

/// <summary>The one Markdig pipeline of a build, configured once and shared by every thread.</summary>
public sealed class MarkdownRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly MarkdownPipeline _pipeline;
    // The buffer pages are rendered into, one per thread, kept from page to page: a page's HTML is copied out
    // once, as UTF-8. Per thread, not in a shared bag: the bag's locks were contended on every page.
    [ThreadStatic]
    private static CharBufferWriter? t_writer;

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
            .Use<Media.FigureExtension>()
            .Build();
    }

    public MarkdownPipeline Pipeline => _pipeline;

    public MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, _pipeline);

    /// <summary>The HTML of a page; Markdig reuses its renderers across calls.</summary>
    public string Render(MarkdownDocument document) => document.ToHtml(_pipeline);

    /// <summary>The HTML of a page as UTF-8, without an intermediate string.</summary>
    public byte[] RenderUtf8(MarkdownDocument document)
    {
        // Taken off the thread while in use: a renderer extension that rendered another page on the same thread
        // would get a buffer of its own.
        var writer = t_writer ?? new CharBufferWriter();
        t_writer = null;
        try
        {
            document.ToHtml(writer, _pipeline);
            var html = writer.Written;
            // Held until the page is written, on the pinned heap, which the collector never compacts: in the
            // younger generations every rendered body was copied from one to the next.
            var bytes = GC.AllocateUninitializedArray<byte>(Utf8.GetByteCount(html), pinned: true);
            Utf8.GetBytes(html, bytes);
            return bytes;
        }
        finally
        {
            writer.Reset();
            t_writer = writer;
        }
    }

    /// <summary>A text writer into one growing character buffer, kept between pages.</summary>
    private sealed class CharBufferWriter : TextWriter
    {
        private char[] _buffer = new char[16 * 1024];
        private int _length;

        public override Encoding Encoding => Utf8;

        public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

        public void Reset() => _length = 0;

        public override void Write(char value)
        {
            if (_length == _buffer.Length)
            {
                Grow(1);
            }
            _buffer[_length++] = value;
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (_length + buffer.Length > _buffer.Length)
            {
                Grow(buffer.Length);
            }
            buffer.CopyTo(_buffer.AsSpan(_length));
            _length += buffer.Length;
        }

        private void Grow(int needed) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
    }
}
