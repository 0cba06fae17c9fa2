using System.Collections.Concurrent;
using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Diagnostics;
using WatchList.Site.Linking;
using WatchList.Site.Reading;

namespace WatchList.Site.Checks;

/// <summary>
/// Post-process module: every link and image written in the Markdown of a page must lead to a file the
/// build publishes. A broken one is an error at the line and column of its address, with a suggestion.
/// Reads the documents of every pipeline, so pages added to the recipe later are known without change here.
/// </summary>
public sealed class CheckLinks(IReadOnlyList<string> pipelines, string sitePipeline, string themeFolder) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var documents = pipelines.SelectMany(p => context.OutputsOf(p)).ToList();
        var settings = context.OutputsOf(sitePipeline).FirstOrDefault()?.Get(SiteKeys.Settings);
        var checker = new LinkChecker(documents, settings, themeFolder);
        context.Diagnostics.AddRange(checker.Check(context.MaxParallelism, context.CancellationToken));
        return ValueTask.FromResult(inputs);
    }
}

/// <summary>Checks the Markdown links of the rendered pages among some documents against the files among them.</summary>
public sealed class LinkChecker
{
    private readonly IReadOnlyList<Document> _pages;
    private readonly SiteMap _map;
    private readonly SiteSettings? _settings;
    private readonly Dictionary<string, string> _pageOfSource;

    /// <param name="alsoPublished">Destinations to count as published beyond those of the documents.</param>
    public LinkChecker(IEnumerable<Document> documents, SiteSettings? settings, string themeFolder,
        IEnumerable<string>? alsoPublished = null)
    {
        var all = documents.ToList();
        _map = new SiteMap(all.Select(d => d.Destination).Concat(alsoPublished ?? []));
        _pages = all.Where(d => d.Destination.Length > 0 && d.Metadata.ContainsKey(LinkAndRender.Links.Name))
            .DistinctBy(d => d.Destination)
            .ToList();
        // The first page of each file, its full path worked out once per page.
        _pageOfSource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in _pages.Where(p => p.Source.Length > 0))
        {
            _pageOfSource.TryAdd(Path.GetFullPath(page.Source), SiteMap.SitePathOf(page.Destination));
        }
        _settings = settings;
    }

    public IReadOnlyList<Diagnostic> Check(int maxParallelism = 1, CancellationToken cancellationToken = default)
    {
        var found = new ConcurrentBag<Diagnostic>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(_pages, options, page =>
        {
            foreach (var link in page.Get(LinkAndRender.Links))
            {
                if (SiteMap.Target(link.Url, page.Destination) is { } target && !_map.Has(target))
                {
                    found.Add(Broken(link, target));
                }
            }
        });
        return [.. found.Distinct()];
    }

    private Diagnostic Broken(WrittenLink link, string target) => link.IsImage
        ? Diagnostic.Error(link.Location, $"the image '{link.Url}' does not exist",
            Hint(link, target, _map.Files, "keep the image beside the commentary (a folder with index.md and its files) and write its name, or put it in input/static/ and write its address from the site root"))
        : Diagnostic.Error(link.Location, $"the link '{link.Url}' goes to no page of the site",
            Hint(link, target, _map.Pages, "link to a page of the site, such as /glossary/ID/, or give a full https:// address"));

    private string Hint(WrittenLink link, string target, IEnumerable<string> candidates, string fallback)
    {
        var basePath = _settings?.BasePath ?? "/";
        if (basePath != "/" && target.StartsWith(basePath, StringComparison.Ordinal) && _map.Has("/" + target[basePath.Length..]))
        {
            return $"write the address from the site root, without '{basePath.TrimEnd('/')}': '/{target[basePath.Length..]}'";
        }
        var beside = link.Url.Split('?', '#')[0];
        if (!beside.StartsWith('/') && Path.GetDirectoryName(link.Location.Path) is { } folder)
        {
            var file = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(beside)));
            if (_pageOfSource.TryGetValue(file, out var page))
            {
                return $"link to the page, not its Markdown file: '{page}'";
            }
            if (File.Exists(file))
            {
                return "only files beside a commentary written as a folder (2019-04-26-slug/index.md) are published: " +
                    $"make the commentary such a folder and keep the file in it, or move the file to input/static/ and write its address as /{Path.GetFileName(file)}";
            }
        }
        return DidYouMean.Hint(target, candidates, fallback);
    }
}
