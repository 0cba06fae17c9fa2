using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Reading;

/// <summary>Input module: every file below a folder, to be copied as it is under a destination folder ("" for the site root).</summary>
public sealed class ReadAssets(string folder, string destinationFolder) : IModule
{
    /// <summary>In a preview session, an asset whose size and modification time are unchanged is not copied again.</summary>
    public Output.SiteCache? Cache { get; init; }

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(ImmutableArray<Document>.Empty);
        }
        return ValueTask.FromResult(Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => LeftAsOnDisk(file, Document.Create(
                DisplayPath.For(file),
                (destinationFolder.Length > 0 ? destinationFolder + "/" : "") + Path.GetRelativePath(folder, file).Replace('\\', '/'),
                new FileContent(file))))
            .ToImmutableArray());
    }

    private Document LeftAsOnDisk(string file, Document asset) =>
        Cache is null ? asset : Cache.WithContent(asset, asset.Content, Output.Fingerprint.Of(Output.SiteCache.StampOf(new FileInfo(file))));
}
