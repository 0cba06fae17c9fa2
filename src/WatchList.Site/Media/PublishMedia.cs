using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Output;
using WatchList.Site.Reading;

namespace WatchList.Site.Media;

/// <summary>
/// Process module of the media pipeline: adds the files kept beside each commentary written as a folder
/// (<c>input/commentaries/2019-04-26-slug/index.md</c> and its photos and PDFs), published in the commentary's
/// own folder (<c>/commentaries/slug/</c>), and the resized copies of large photos the pages show.
/// </summary>
public sealed class PublishMedia(SiteImages images, IReadOnlyList<string> pagePipelines) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var pages = pagePipelines.SelectMany(p => context.OutputsOf(p)).ToList();
        var files = ImmutableArray.CreateBuilder<Document>();
        foreach (var page in pages.Where(p => p.TryGet(SiteKeys.Commentary, out _)))
        {
            if (SiteImages.BundleFolder(page.Source) is not { } bundle)
            {
                continue;
            }
            var folder = page.Destination[..(page.Destination.LastIndexOf('/') + 1)];
            foreach (var file in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(bundle, file).Replace('\\', '/');
                // The page's own Markdown and what editors leave beside it are not published.
                if (relative == "index.md" || relative.Split('/').Any(part => part.StartsWith('.')) || relative.EndsWith('~'))
                {
                    continue;
                }
                var document = Document.Create(DisplayPath.For(file), folder + relative, new FileContent(file));
                files.Add(cache is null ? document : cache.WithContent(document, document.Content, Fingerprint.Of(SiteCache.StampOf(new FileInfo(file)))));
            }
        }
        foreach (var copy in pages.SelectMany(p => p.TryGet(SiteImages.Resized, out var resized) ? resized : []).DistinctBy(r => r.Destination))
        {
            var previous = images.PreviousOutput is { } output ? Path.Combine(output, copy.Destination) : null;
            var document = Document.Create("", copy.Destination, new ResizedImageContent(copy.SourceFile, copy.Width, previous));
            // The copy's name carries the original's digest: the same name is the same picture.
            files.Add(cache is null ? document : cache.WithContent(document, document.Content, Fingerprint.Of(copy.Destination)));
        }
        return ValueTask.FromResult(inputs.AddRange(files));
    }
}
