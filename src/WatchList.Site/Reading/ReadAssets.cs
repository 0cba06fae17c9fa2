using System.Collections.Immutable;
using WatchList.Pipeline;

namespace WatchList.Site.Reading;

/// <summary>Input module: every file below a folder, to be copied as it is under a destination folder ("" for the site root).</summary>
public sealed class ReadAssets(string folder, string destinationFolder) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<Output.SiteCache>();
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(ImmutableArray<Document>.Empty);
        }
        return ValueTask.FromResult(Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => LeftAsOnDisk(cache, file, Document.Create(
                DisplayPath.For(file),
                (destinationFolder.Length > 0 ? destinationFolder + "/" : "") + Path.GetRelativePath(folder, file).Replace('\\', '/'),
                new FileContent(file))))
            .ToImmutableArray());
    }

    private static Document LeftAsOnDisk(Output.SiteCache? cache, string file, Document asset) =>
        cache is null ? asset : cache.WithContent(asset, asset.Content, Output.Fingerprint.Of(Output.SiteCache.StampOf(new FileInfo(file))));
}
