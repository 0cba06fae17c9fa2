using System.Collections.Concurrent;
using WatchList.Pipeline;

namespace WatchList.Site.Output;

/// <summary>
/// Output module: writes each document to its destination below the output folder, content streamed
/// as it is produced. A destination that would land outside the folder is an error, never written.
/// </summary>
public sealed class WriteFiles(string outputFolder) : PerDocumentModule
{
    private readonly string _root = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    // Folders this writer made or found: a site's files share few folders (four files in a commentary's), and
    // asking the file system for each file's folder again cost two system calls a file.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    protected override Document? Execute(Document input, PipelineContext context)
    {
        var path = Resolve(input);
        if (input.Content is UnchangedContent && File.Exists(path))
        {
            return input;
        }
        var folder = Path.GetDirectoryName(path)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            input.Content.WriteTo(stream);
        }
        return input;
    }

    private string Resolve(Document input)
    {
        var destination = input.Destination;
        var full = Path.GetFullPath(Path.Combine(_root, destination));
        if (destination.Length == 0 || Path.IsPathRooted(destination) || !full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(input.Source.Length > 0 ? input.Source : destination),
                $"the page would be written to '{destination}', outside the output folder",
                "use a slug or file name without '..', '/' or a drive"));
        }
        return full;
    }
}
