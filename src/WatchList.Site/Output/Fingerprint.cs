using System.Collections;

namespace WatchList.Site.Output;

/// <summary>
/// A 64-bit digest of a page model (dictionaries, lists, text, numbers), so a rebuild can tell that a
/// page would come out the same and leave its file alone. Equal models always give equal digests.
/// </summary>
public static class Fingerprint
{
    private const ulong Prime = 0x100000001B3;
    private const ulong Offset = 0xCBF29CE484222325;

    public static ulong Of(object? value) => Mix(Offset, value);

    public static ulong Combine(ulong seed, object? value) => Mix(seed, value);

    /// <summary>The digest of some bytes, such as a rendered body, without decoding them first.</summary>
    public static ulong OfBytes(ReadOnlySpan<byte> bytes) => Bytes(Step(Offset, (ulong)bytes.Length), bytes);

    private static ulong Bytes(ulong hash, ReadOnlySpan<byte> span)
    {
        // Eight bytes at a time: pages hold whole commentaries, so this runs over megabytes.
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(span);
        foreach (var word in words)
        {
            hash = Step(hash, word);
        }
        for (var i = words.Length * 8; i < span.Length; i++)
        {
            hash = Step(hash, span[i]);
        }
        return hash;
    }

    private static ulong Mix(ulong hash, object? value)
    {
        switch (value)
        {
            case null:
                return Step(hash, 0x9E3779B97F4A7C15);
            case string text:
                return Bytes(Step(hash, (ulong)text.Length), System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
            case Markdown.RenderedHtml html:
                return Step(hash, html.Digest);
            case bool flag:
                return Step(hash, flag ? 3UL : 5UL);
            case int number:
                return Step(hash, (ulong)number);
            case Pages.SharedModel shared:
                return Step(hash, shared.Digest);
            case Pages.LayeredModel layered:
                return Mix(Step(hash, layered.Shared.Digest), layered.Own);
            case Dictionary<string, object?> dictionary:
                // Models are built by the same code every time, so keys come in the same order: no need to sort them.
                hash = Step(hash, 0xD1C7);
                foreach (var (key, item) in dictionary)
                {
                    hash = Mix(Mix(hash, key), item);
                }
                return hash;
            case IEnumerable list:
                hash = Step(hash, 0x11575);
                foreach (var item in list)
                {
                    hash = Mix(hash, item);
                }
                return hash;
            default:
                // Page models hold only the types above; anything else would make equal pages look different.
                throw new ArgumentException($"A page model cannot hold a {value.GetType().Name}; use text, numbers, lists and dictionaries.");
        }
    }

    private static ulong Step(ulong hash, ulong value)
    {
        hash ^= value;
        hash *= Prime;
        return hash ^ (hash >> 29);
    }
}
