using System.Text;

namespace WatchList.Pipeline;

/// <summary>
/// A document's body. Content may be produced only when written, so a rendered page
/// goes straight to disk instead of being held in memory with the rest of the site.
/// </summary>
public interface IContent
{
    void WriteTo(Stream destination);
}

public sealed class EmptyContent : IContent
{
    public static readonly EmptyContent Instance = new();
    private EmptyContent() { }
    public void WriteTo(Stream destination) { }
}

public sealed class TextContent(string text) : IContent
{
    public string Text { get; } = text;

    public void WriteTo(Stream destination)
    {
        using var writer = new StreamWriter(destination, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        writer.Write(Text);
    }

    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

public sealed class BytesContent(ReadOnlyMemory<byte> bytes) : IContent
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;
    public void WriteTo(Stream destination) => destination.Write(Bytes.Span);
}

/// <summary>Content written by a callback at output time (a template rendering straight into the file).</summary>
public sealed class StreamedTextContent(Action<TextWriter> write) : IContent
{
    public void WriteTo(Stream destination)
    {
        using var writer = new StreamWriter(destination, TextContent.Utf8, bufferSize: 32 * 1024, leaveOpen: true);
        write(writer);
    }
}

/// <summary>A file copied as it is at output time.</summary>
public sealed class FileContent(string path) : IContent
{
    public string Path { get; } = path;

    public void WriteTo(Stream destination)
    {
        using var source = File.OpenRead(Path);
        source.CopyTo(destination);
    }
}

public static class ContentExtensions
{
    /// <summary>Reads content as text; meant for tests and small documents, not for the hot path.</summary>
    public static string ReadAsText(this IContent content)
    {
        if (content is TextContent text)
        {
            return text.Text;
        }
        using var buffer = new MemoryStream();
        content.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
