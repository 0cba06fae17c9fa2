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
    protected override Document? Execute(Document input, PipelineContext context) =>
        input.WithContent(new StreamedContent(writer(input, context)));
}

/// <summary>
/// The content of a page that would come out as the file already on disk holds it: not written again
/// while that file is there, written from <paramref name="fallback"/> if someone removed it.
/// </summary>
public sealed class UnchangedContent(IContent fallback) : IContent
{
    public void WriteTo(Stream destination) => fallback.WriteTo(destination);
}
