using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace WatchList.Preview.Serving;

/// <summary>
/// The built site as the static-file middleware sees it: the output folder through a
/// <see cref="PhysicalFileProvider"/> (which refuses "..", rooted and hidden-escape paths), plus what it
/// does not check: a file or folder reached through a symbolic link must still lie inside the output
/// folder. Files are looked up and opened while no build is swapping the folder.
/// </summary>
public sealed class SiteFiles : IFileProvider, IDisposable
{
    private readonly ReaderWriterLockSlim _swap = new();
    private PhysicalFileProvider? _files;
    private volatile string _basePath = "/";

    public SiteFiles(string outputFolder)
    {
        Root = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
    }

    public string Root { get; }

    /// <summary>The path the site is published under, "/" or "/repo/", from the base_url of the last good build.</summary>
    public string BasePath
    {
        get => _basePath;
        set => _basePath = value.StartsWith('/') && value.EndsWith('/') ? value : throw new ArgumentException("A base path starts and ends with '/'.", nameof(value));
    }

    public IFileInfo GetFileInfo(string subpath) => Reading<IFileInfo>(() =>
    {
        var file = Files()?.GetFileInfo(subpath);
        // A link is read as what it points to: its length and date are those of the file it leads to.
        return file is { Exists: true, PhysicalPath: { } path } && Inside(path) is { } real
            ? new SiteFile(new FileInfo(real), file.Name, this)
            : new NotFoundFileInfo(subpath);
    });

    public IDirectoryContents GetDirectoryContents(string subpath) => Reading<IDirectoryContents>(() =>
    {
        var contents = Files()?.GetDirectoryContents(subpath);
        return contents is { Exists: true } && Inside(Path.Join(Root, subpath)) is not null ? contents : NotFoundDirectoryContents.Singleton;
    });

    /// <summary>The preview learns of changes from its own builds, not from watching the output.</summary>
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <summary>Runs a swap of the output folder while no request is looking up or opening a file in it.</summary>
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

    private T Reading<T>(Func<T> read)
    {
        _swap.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>The provider, once the first build has made the output folder (it refuses a folder that is not there).</summary>
    private PhysicalFileProvider? Files()
    {
        if (_files is null && Directory.Exists(Root))
        {
            // Every file the build wrote is served, dot files too (".well-known/"), as GitHub Pages serves them.
            Interlocked.CompareExchange(ref _files, new PhysicalFileProvider(Root, ExclusionFilters.None), null);
        }
        return _files;
    }

    /// <summary>The path with every symbolic link along it followed, if that lies inside the output folder; otherwise null.</summary>
    private string? Inside(string path)
    {
        var root = RealPath(Root);
        var real = RealPath(path);
        return root is not null && real is not null &&
            (real == root || real.StartsWith(root + Path.DirectorySeparatorChar, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            ? real
            : null;
    }

    /// <summary>The path with every symbolic link along it resolved, as realpath(3) gives it; null for a loop or an unreadable link.</summary>
    internal static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var rest = new Stack<string>();
        Push(rest, full[current.Length..]);
        var links = 0;
        while (rest.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > 40)
            {
                return null;
            }
            // The rest of the way goes on from where the link points: from its folder, or from a root.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            Push(rest, target);
        }
        return current;
    }

    /// <summary>Pushes a relative path's parts so that the first is popped first.</summary>
    private static void Push(Stack<string> rest, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i] != ".")
            {
                rest.Push(parts[i]);
            }
        }
    }

    public void Dispose()
    {
        _files?.Dispose();
        _swap.Dispose();
    }

    /// <summary>
    /// A file of the site, opened while no swap runs. It names no physical path, so the middleware reads it
    /// through <see cref="CreateReadStream"/> (under the lock) instead of sending the path to the OS.
    /// </summary>
    private sealed class SiteFile(FileInfo file, string name, SiteFiles site) : IFileInfo
    {
        public bool Exists => true;
        public long Length => file.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => file.LastWriteTimeUtc;
        public bool IsDirectory => false;

        public Stream CreateReadStream() => site.Reading<Stream>(() =>
            new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }
}
