using System.Text;

namespace WatchList.Site.Markdown;

/// <summary>
/// A page body rendered from Markdown, kept as compact UTF-8 with a digest of its bytes. Templates write
/// it as it is; a rebuild compares digests instead of whole bodies; the search index reads its words.
/// </summary>
public sealed class RenderedHtml(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public ulong Digest { get; } = Output.Fingerprint.OfBytes(utf8);

    /// <summary>
    /// The words without the markup, for search: worked out when asked and not kept, so a build does not
    /// hold a plain-text copy of every body until the site is written (a preview keeps each body's encoded
    /// search entry instead, see <see cref="Pages.SiteFiles.WriteSearchIndex"/>).
    /// </summary>
    public string Words => Pages.HtmlText.From(Utf8.Span);

    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);
}
