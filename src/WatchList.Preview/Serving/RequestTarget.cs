using System.Buffers;
using System.Text;

namespace WatchList.Preview.Serving;

/// <summary>Request targets no browser sends for a page of the site, read as they came, before any decoding.</summary>
public static class RequestTarget
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\\0:");
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Why the target is refused, or null when it is an ordinary path.</summary>
    public static string? Refusal(string target)
    {
        if (target.Length == 0 || target[0] != '/')
        {
            return "the request target is not a path";
        }
        var end = target.AsSpan().IndexOfAny('?', '#');
        var path = end >= 0 ? target[..end] : target;
        if (path.Contains('\\'))
        {
            return "a backslash in the path";
        }
        foreach (var raw in path.Split('/'))
        {
            if (!TryDecode(raw, out var segment))
            {
                return "a malformed escape in the path";
            }
            if (segment is "." or ".." || segment.AsSpan().ContainsAny(Forbidden) || segment.Any(char.IsControl))
            {
                return $"the path segment '{raw}' could leave the site";
            }
        }
        return null;
    }

    /// <summary>Percent-decodes a segment as UTF-8, refusing '%' not followed by two hex digits and invalid UTF-8.</summary>
    private static bool TryDecode(string raw, out string decoded)
    {
        decoded = raw;
        if (!raw.Contains('%'))
        {
            return true;
        }
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '%')
            {
                if (raw[i] > 0x7F)
                {
                    return false;
                }
                bytes.Add((byte)raw[i]);
                continue;
            }
            if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
            {
                return false;
            }
            bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
            i += 2;
        }
        try
        {
            decoded = StrictUtf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
