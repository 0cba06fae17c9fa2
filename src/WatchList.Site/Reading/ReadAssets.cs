using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Reading;

/// <summary>Input module: every file below a folder, to be copied as it is under a destination folder.</summary>
public sealed class ReadAssets(string folder, string destinationFolder) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(ImmutableArray<Document>.Empty);
        }
        return ValueTask.FromResult(Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Document.Create(
                DisplayPath.For(file),
                destinationFolder + "/" + Path.GetRelativePath(folder, file).Replace('\\', '/'),
                new FileContent(file)))
            .ToImmutableArray());
    }
}
