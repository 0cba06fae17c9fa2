using System.Buffers;
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
        using var writer = new PooledUtf8Writer(destination);
        writer.Write(Text);
    }

    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

/// <summary>
/// Text read only when a module asks for it: a source file read by the module that parses it, so that a folder's
/// files are never all held at once (1,000 commentaries' texts were 16 MB, kept long enough to reach the
/// collector's oldest generation, which then had to be collected to free them).
/// </summary>
public sealed class DeferredTextContent(Func<string> read) : IContent
{
    /// <summary>Reads the text; each call reads it again.</summary>
    public string Read() => read();

    public void WriteTo(Stream destination)
    {
        using var writer = new PooledUtf8Writer(destination);
        writer.Write(read());
    }
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
        using var writer = new PooledUtf8Writer(destination);
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
    /// <summary>
    /// Reads content as text: text as it is, deferred text read; other content is written out and decoded, which
    /// is meant for tests and small documents, not for the hot path.
    /// </summary>
    public static string ReadAsText(this IContent content)
    {
        if (content is TextContent text)
        {
            return text.Text;
        }
        if (content is DeferredTextContent deferred)
        {
            return deferred.Read();
        }
        using var buffer = new MemoryStream();
        content.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>A text writer that also takes text already encoded as UTF-8, and writes it on without decoding it.</summary>
public interface IUtf8TextWriter
{
    void WriteUtf8(ReadOnlySpan<byte> utf8);
}

/// <summary>
/// Writes text to a stream as UTF-8 (no byte-order mark) through buffers rented from the shared pool: a
/// page costs no new buffers, where a <see cref="StreamWriter"/> allocates two, one on the large object heap.
/// Encoded text and text that comes already encoded gather in one byte buffer, so a page of up to 64 KB
/// reaches the file in a single write.
/// </summary>
internal sealed class PooledUtf8Writer(Stream destination) : TextWriter, IUtf8TextWriter
{
    private const int BufferChars = 8 * 1024;
    private const int BufferBytes = 64 * 1024;

    private readonly Encoder _encoder = TextContent.Utf8.GetEncoder();
    private char[]? _chars = ArrayPool<char>.Shared.Rent(BufferChars);
    private byte[]? _bytes = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _length;
    private int _byteLength;

    public override Encoding Encoding => TextContent.Utf8;

    public override void Write(char value)
    {
        if (_length == _chars!.Length)
        {
            Encode(flush: false);
        }
        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_length == _chars!.Length)
            {
                Encode(flush: false);
            }
            var take = Math.Min(buffer.Length, _chars.Length - _length);
            buffer[..take].CopyTo(_chars.AsSpan(_length));
            _length += take;
            buffer = buffer[take..];
        }
    }

    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Encode(flush: true);
        if (utf8.Length > _bytes!.Length - _byteLength)
        {
            WriteOut();
            if (utf8.Length > _bytes.Length)
            {
                destination.Write(utf8);
                return;
            }
        }
        utf8.CopyTo(_bytes.AsSpan(_byteLength));
        _byteLength += utf8.Length;
    }

    public override void Flush()
    {
        Encode(flush: true);
        WriteOut();
        destination.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _chars is not null)
        {
            Encode(flush: true);
            WriteOut();
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<byte>.Shared.Return(_bytes!);
            _chars = null;
            _bytes = null;
        }
        base.Dispose(disposing);
    }

    /// <summary>Encodes the buffered characters into the byte buffer; a surrogate pair cut by the buffer waits unless flushing.</summary>
    private void Encode(bool flush)
    {
        if (_bytes!.Length - _byteLength < TextContent.Utf8.GetMaxByteCount(_length))
        {
            WriteOut();
        }
        _byteLength += _encoder.GetBytes(_chars.AsSpan(0, _length), _bytes.AsSpan(_byteLength), flush);
        _length = 0;
    }

    private void WriteOut()
    {
        if (_byteLength > 0)
        {
            destination.Write(_bytes.AsSpan(0, _byteLength));
            _byteLength = 0;
        }
    }
}
