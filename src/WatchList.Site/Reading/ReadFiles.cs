using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using WatchList.Pipeline;
using WatchList.Site.Output;

namespace WatchList.Site.Reading;

/// <summary>
/// Input module: one document per file matching a pattern in a folder, its text decoded as strict UTF-8 when the
/// module that parses it reads it (<see cref="DeferredTextContent"/>): each file's text lives only while it is parsed.
/// A file that cannot be read or is not UTF-8 is reported then, at the first bad byte.
/// </summary>
public sealed class ReadFiles(string folder, string pattern, bool recursive = false) : IModule
{

    /// <summary>Also reads <c>NAME/index.md</c> in each folder below: a page kept in a folder of its own with its files.</summary>
    public bool Bundles { get; init; }

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(ImmutableArray<Document>.Empty);
        }
        var workingFolder = Environment.CurrentDirectory;
        var files = FilesIn(folder, pattern, recursive, Bundles)
            .Order(StringComparer.Ordinal)
            .Select(f => Document.Create(DisplayPath.For(f, workingFolder), ""))
            .ToImmutableArray();
        return ValueTask.FromResult(files.Select(document =>
        {
            // Opened by full path: a relative one makes every open ask the system for the working folder.
            var path = Path.IsPathRooted(document.Source) ? document.Source : Path.Join(workingFolder, document.Source);
            return document.WithContent(new DeferredTextContent(cache is null ? () => Read(document, path) : () => cache.ReadText(path, () => Read(document, path))));
        }).ToImmutableArray());
    }

    /// <summary>
    /// The files read from an existing <paramref name="folder"/>: those matching <paramref name="pattern"/>, with
    /// <paramref name="bundles"/> each folder's <c>index.md</c>, and never an editor's leftover.
    /// </summary>
    public static IEnumerable<string> FilesIn(string folder, string pattern, bool recursive = false, bool bundles = false) =>
        Directory
            .EnumerateFiles(folder, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Concat(bundles ? Directory.EnumerateDirectories(folder).Select(d => Path.Combine(d, "index.md")).Where(File.Exists) : [])
            .Where(f => !IsEditorLeftover(Path.GetFileName(f)));

    private static string Read(Document document, string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var size = RandomAccess.GetLength(file);
            if (size == 0)
            {
                // Some files report no size and have content all the same: read to the end.
                return DecodeUtf8(document.Source, File.ReadAllBytes(path));
            }
            if (size > Array.MaxLength)
            {
                throw new IOException($"it is larger than {Array.MaxLength} bytes");
            }
            // The bytes go through a pooled buffer: only the decoded text is kept, so only it is allocated.
            var buffer = ArrayPool<byte>.Shared.Rent((int)size);
            try
            {
                var length = 0;
                int read;
                while (length < size && (read = RandomAccess.Read(file, buffer.AsSpan(length, (int)size - length), length)) > 0)
                {
                    length += read;
                }
                // Not UTF-8 is a DiagnosticException of its own, not caught below.
                return DecodeUtf8(document.Source, buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(document.Source),
                "the file cannot be read: " + e.Message, "check that it exists and that you may read it"));
        }
    }

    /// <summary>Decodes UTF-8 without a byte-order mark, rejecting anything that is not UTF-8.</summary>
    public static string DecodeUtf8(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        // Nearly every file is valid: decoded straight into its string, without a buffer to copy from.
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                var before = bytes[..read];
                var line = before.Count((byte)'\n') + 1;
                var column = read - (before.LastIndexOf((byte)'\n') + 1) + 1;
                throw new DiagnosticException(Diagnostic.Error(new SourceLocation(path, line, column),
                    $"the file is not UTF-8 (byte 0x{bytes[read]:X2} cannot start or continue a character)",
                    "save it as UTF-8 in your editor"));
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Swap, backup and lock files editors leave beside the real ones.</summary>
    private static bool IsEditorLeftover(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.StartsWith(".#", StringComparison.Ordinal) ||
        name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);
}

/// <summary>Paths as editors see them: relative to the working folder when inside it, with forward slashes.</summary>
public static class DisplayPath
{
    public static string For(string path) => For(path, Environment.CurrentDirectory);

    /// <summary>The same, with the working folder looked up once by the caller for a whole folder of files.</summary>
    public static string For(string path, string workingFolder)
    {
        var full = Path.GetFullPath(path, workingFolder);
        var relative = Path.GetRelativePath(workingFolder, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }
}
