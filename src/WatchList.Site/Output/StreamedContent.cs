using WatchList.Pipeline;

namespace WatchList.Site.Output;

/// <summary>Bytes produced by a callback straight into the output file (feeds, sitemaps, the search index).</summary>
public sealed class StreamedContent(Action<Stream> write) : IContent
{
    public void WriteTo(Stream destination) => write(destination);
}

/// <summary>Output module: gives each document content written by a function when the file is written.</summary>
public sealed class WriteWith(Func<Document, PipelineContext, Action<Stream>> writer) : PerDocumentModule
{
    /// <summary>In a preview session, a file whose inputs digest as last time is left as it is on disk.</summary>
    public SiteCache? Cache { get; init; }

    /// <summary>A digest of everything the file is written from; without one the file is always written.</summary>
    public Func<Document, PipelineContext, ulong>? Digest { get; init; }

    protected override Document? Execute(Document input, PipelineContext context)
    {
        var content = new StreamedContent(writer(input, context));
        if (Cache is null || Digest is null)
        {
            return input.WithContent(content);
        }
        var digest = Digest(input, context);
        if (Cache.IsUnchanged(input.Destination, digest))
        {
            return input.WithContent(new UnchangedContent(content));
        }
        Cache.Written(input.Destination, digest);
        return input.WithContent(content);
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
