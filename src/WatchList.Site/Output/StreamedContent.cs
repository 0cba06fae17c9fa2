using WatchList.Pipeline;

namespace WatchList.Site.Output;

/// <summary>Bytes produced by a callback straight into the output file (feeds, sitemaps, the search index).</summary>
public sealed class StreamedContent(Action<Stream> write) : IContent
{
    public void WriteTo(Stream destination) => write(destination);
}

/// <summary>A file of the site besides its pages: how to write it, and a digest of what it is written from.</summary>
/// <param name="Digest">Worked out only in a preview session, to leave an unchanged file alone; without one the file is always written.</param>
public sealed record SiteFile(Action<Stream> Write, Func<ulong>? Digest = null);

/// <summary>
/// Output module: gives each document content written by a function when the file is written. The
/// function gathers what the file is made of once, for both the writing and the digest.
/// </summary>
public sealed class WriteWith(Func<Document, PipelineContext, SiteFile> file) : PerDocumentModule
{

    protected override Document? Execute(Document input, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var (write, digest) = file(input, context);
        var content = new StreamedContent(write);
        return cache is null || digest is null ? input.WithContent(content) : cache.WithContent(input, content, digest());
    }
}

/// <summary>
/// The content of a page that would come out as the file already on disk holds it: not written again
/// while that file is there, written from <paramref name="fallback"/> if someone removed it.
/// </summary>
public sealed class UnchangedContent(IContent fallback) : IContent
{
    public void WriteTo(Stream destination) => fallback.WriteTo(destination);
}
