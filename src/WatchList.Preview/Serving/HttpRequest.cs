using System.Text;

namespace WatchList.Preview.Serving;

/// <summary>The head of one HTTP/1.1 request: what the preview needs of it, and nothing more.</summary>
public sealed record HttpRequest(string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>Whether the connection may carry another request after this one.</summary>
    public bool KeepAlive =>
        Version == "HTTP/1.1"
            ? !string.Equals(Header("connection"), "close", StringComparison.OrdinalIgnoreCase)
            : string.Equals(Header("connection"), "keep-alive", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a request head (request line and headers, without the blank line); null when malformed.</summary>
    public static HttpRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new HttpRequest(parts[0], parts[1], parts[2], headers);
    }
}

/// <summary>Reads request heads from one connection, keeping bytes that arrive early for the next request.</summary>
public sealed class RequestReader(Stream stream)
{
    public const int MaxHeadBytes = 16 * 1024;

    private readonly byte[] _buffer = new byte[MaxHeadBytes];
    private int _length;

    /// <summary>The next request's head; null when the client closed the connection; throws <see cref="InvalidDataException"/> when too long.</summary>
    public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _buffer.AsSpan(0, _length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.UTF8.GetString(_buffer, 0, end);
                var consumed = end + 4;
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
                _length -= consumed;
                return head;
            }
            if (_length == _buffer.Length)
            {
                throw new InvalidDataException("the request head is too long");
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken);
            if (read == 0)
            {
                return null;
            }
            _length += read;
        }
    }
}
