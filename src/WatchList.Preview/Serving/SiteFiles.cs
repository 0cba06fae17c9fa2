using System.Buffers;

namespace WatchList.Preview.Serving;

/// <summary>What a request path leads to.</summary>
public abstract record Resolution
{
    private Resolution() { }

    /// <summary>A file inside the output folder.</summary>
    public sealed record File(string Path) : Resolution;

    /// <summary>The same place written another way (the base path without its slash, a folder without its slash).</summary>
    public sealed record Redirect(string Location) : Resolution;

    public sealed record NotFound : Resolution;

    /// <summary>A path no browser sends for a page: an encoded separator, a dot segment, a backslash, a bad escape.</summary>
    public sealed record Refused(string Reason) : Resolution;
}

/// <summary>
/// Maps request paths to files of the built site, as GitHub Pages does (the site under its base path, a
/// folder's index.html, "/about" as about.html), and never to anything outside the output folder:
/// each segment is decoded once and refused if it is a dot segment or holds a separator, the result
/// must lie below the folder, and no symbolic link is followed.
/// </summary>
public sealed class SiteFiles
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\\0:");

    private readonly string _root;
    private readonly ReaderWriterLockSlim _swap = new();
    private volatile string _basePath = "/";

    public SiteFiles(string outputFolder)
    {
        _root = System.IO.Path.GetFullPath(outputFolder).TrimEnd(System.IO.Path.DirectorySeparatorChar);
    }

    public string Root => _root;

    /// <summary>The path the site is published under, "/" or "/repo/", from the base_url of the last good build.</summary>
    public string BasePath
    {
        get => _basePath;
        set => _basePath = value.StartsWith('/') && value.EndsWith('/') ? value : throw new ArgumentException("A base path starts and ends with '/'.", nameof(value));
    }

    public Resolution Resolve(string target)
    {
        if (target.Length == 0 || target[0] != '/')
        {
            return new Resolution.Refused("the request target is not a path");
        }
        var end = target.AsSpan().IndexOfAny('?', '#');
        var path = end >= 0 ? target[..end] : target;
        if (path.Contains('\\'))
        {
            return new Resolution.Refused("a backslash in the path");
        }
        var basePath = _basePath;
        if (path == basePath.TrimEnd('/') || (path == "/" && basePath != "/"))
        {
            return new Resolution.Redirect(basePath);
        }
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new Resolution.NotFound();
        }

        var segments = path[basePath.Length..].Split('/');
        var file = _root;
        for (var i = 0; i < segments.Length; i++)
        {
            var raw = segments[i];
            if (raw.Length == 0)
            {
                if (i == segments.Length - 1)
                {
                    break;
                }
                return new Resolution.NotFound();
            }
            if (!TryDecode(raw, out var segment))
            {
                return new Resolution.Refused("a malformed escape in the path");
            }
            if (segment is "." or ".." || segment.AsSpan().ContainsAny(Forbidden) || segment.Any(char.IsControl))
            {
                return new Resolution.Refused($"the path segment '{raw}' could leave the site");
            }
            file = System.IO.Path.Join(file, segment);
            if (IsLink(file))
            {
                return new Resolution.NotFound();
            }
        }
        var full = System.IO.Path.GetFullPath(file);
        if (full != _root && !full.StartsWith(_root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return new Resolution.Refused("the path leaves the output folder");
        }

        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                return new Resolution.Redirect(path + "/");
            }
            full = System.IO.Path.Join(full, "index.html");
        }
        else if (!System.IO.File.Exists(full) && System.IO.File.Exists(full + ".html"))
        {
            full += ".html";
        }
        return System.IO.File.Exists(full) && !IsLink(full) ? new Resolution.File(full) : new Resolution.NotFound();
    }

    /// <summary>Opens what a path leads to, while no build is swapping the output folder.</summary>
    public (Resolution Resolution, FileStream? Stream) Open(string target)
    {
        _swap.EnterReadLock();
        try
        {
            var resolution = Resolve(target);
            if (resolution is not Resolution.File file)
            {
                return (resolution, null);
            }
            try
            {
                return (resolution, new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (new Resolution.NotFound(), null);
            }
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>Opens a file of the site by its path below the output folder ("404.html"), if it is there.</summary>
    public FileStream? OpenInSite(string relative) =>
        Open(_basePath + relative).Stream;

    /// <summary>Runs a swap of the output folder while no request is opening a file in it.</summary>
    public void Swap(Action swap)
    {
        _swap.EnterWriteLock();
        try
        {
            swap();
        }
        finally
        {
            _swap.ExitWriteLock();
        }
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
            decoded = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
