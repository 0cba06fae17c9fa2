using System.Buffers;

namespace WatchList.Site.Content;

/// <summary>
/// A buffer per thread for JSON that is written and used at once (a citation's CSL-JSON, the <c>json</c> filter's
/// value). <see cref="System.Text.Json.Utf8JsonWriter"/> asks for room for the longest escaping of each value before
/// writing it, so a new buffer of a size that would usually do was grown for nearly every value; this one grows once.
/// </summary>
internal static class JsonBuffer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>This thread's buffer, emptied: what is written in it holds until the next call on the same thread.</summary>
    public static ArrayBufferWriter<byte> Empty()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        return buffer;
    }
}
