using System.Text;

namespace WatchList.Site.Markdown;

/// <summary>
/// A page body rendered from Markdown, kept as compact UTF-8 with a digest of its bytes. Templates write
/// it as it is; a rebuild compares digests instead of whole bodies; the search index reads its words
/// (<see cref="Pages.HtmlText"/>).
/// </summary>
public sealed class RenderedHtml(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public ulong Digest { get; } = Output.Fingerprint.OfBytes(utf8);

    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);
}
