using System.Collections.Immutable;
using System.Diagnostics;
using WatchList.Pipeline;
using WatchList.Site.Checks;
using WatchList.Site.Content;
using WatchList.Site.Markdown;
using WatchList.Site.Output;

namespace WatchList.Site;

/// <summary>What a build or check did: its problems, how many files it wrote, how long it took.</summary>
public sealed record BuildReport(IReadOnlyList<Diagnostic> Diagnostics, int FilesWritten, TimeSpan Elapsed)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>How many files the site has (those a check would write); equals FilesWritten after a build.</summary>
    public int FilesInSite { get; init; }

    /// <summary>The site settings read, or null when site.yml could not be read.</summary>
    public SiteSettings? Settings { get; init; }
}

/// <summary>
/// Watches a build as it runs, for progress on a terminal and for the preview server. Called from many
/// threads at once; every method does nothing unless overridden.
/// </summary>
public class BuildObserver
{
    public virtual void PhaseStarted(string pipeline, Phase phase) { }

    public virtual void PhaseFinished(string pipeline, Phase phase, int documents) { }

    /// <summary>Documents reached the output phase and are about to be written.</summary>
    public virtual void FilesToWrite(int count) { }

    public virtual void FileWritten() { }

    /// <summary>Runs the two renames that put a finished site in place; a server can hold requests meanwhile.</summary>
    public virtual void Swap(Action swap) => swap();
}

/// <summary>
/// Builds the site into a temporary folder beside the output folder and swaps it in only when the
/// build succeeded, so a failed build never leaves a broken or half-written site behind. Also checks
/// a site without writing it.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The pipeline that checks what editors wrote across the whole site (links, images).</summary>
    public const string Checks = "checks";

    public static Task<BuildReport> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        BuildAsync(options, null, cancellationToken);

    public static async Task<BuildReport> BuildAsync(BuildOptions options, BuildObserver? observer, CancellationToken cancellationToken = default)
    {
        if (options.Cache is not null)
        {
            return await RebuildInPlaceAsync(options, options.Cache, observer, cancellationToken).ConfigureAwait(false);
        }
        var clock = Stopwatch.StartNew();
        var output = Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException("The output folder cannot be a file system root.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var recipe = Recipe(options, staging, observer);
            var result = await new Engine(recipe).RunAsync(cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new BuildReport(WithWholeSiteChecks(options, result), 0, clock.Elapsed) { Settings = SettingsOf(result) };
            }
            // Counted from the documents written, not by walking a folder per page.
            var written = WrittenBy(recipe, result).Count();
            string? previous = null;
            (observer ?? new BuildObserver()).Swap(() => previous = SwapIn(staging, output));
            // The old site goes after the swap, outside it: a server holding requests during the swap waits only for two renames.
            if (previous is not null)
            {
                Directory.Delete(previous, recursive: true);
            }
            return new BuildReport(result.Diagnostics, written, clock.Elapsed) { FilesInSite = written, Settings = SettingsOf(result) };
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// A rebuild for a session that keeps a <see cref="SiteCache"/> (the preview): unchanged files are not
    /// parsed again, and only pages whose content changed are written, straight into the output folder;
    /// files the site no longer has are removed. Errors stop the build before anything is written, so the
    /// last good site stays as it was.
    /// </summary>
    private static async Task<BuildReport> RebuildInPlaceAsync(BuildOptions options, SiteCache cache, BuildObserver? observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(output);
        // In a preview session: which pages the last save may have changed, found before any is rendered.
        var changes = new Pipeline.Pipeline(SitePipelines.Changes) { PostProcess = [new FindChanges(cache)] };
        var recipe = Recipe(options, output, observer).Add(changes);
        EngineResult result;
        try
        {
            result = await new Engine(recipe, services: [cache]).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            cache.ForgetPages();
            throw;
        }
        if (!result.Succeeded)
        {
            // Errors in the output phase may have left pages half written: write everything next time.
            cache.ForgetPages();
            return new BuildReport(WithWholeSiteChecks(options, result), 0, clock.Elapsed) { Settings = SettingsOf(result) };
        }
        var files = WrittenBy(recipe, result).ToList();
        var site = files.Select(d => Path.GetFullPath(Path.Combine(output, d.Destination))).ToHashSet(StringComparer.Ordinal);
        var written = files.Count(d => d.Content is not UnchangedContent);
        // The pages are in place; removing what the site no longer has completes it, as a swap would.
        // After the session's first build, what may be stale is what the last build wrote: no folder is walked.
        var before = cache.SiteFiles ?? Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories);
        (observer ?? new BuildObserver()).Swap(() =>
        {
            foreach (var stale in before.Where(f => !site.Contains(f)).ToList())
            {
                File.Delete(stale);
            }
        });
        cache.SiteFiles = site;
        return new BuildReport(result.Diagnostics, written, clock.Elapsed) { FilesInSite = site.Count, Settings = SettingsOf(result) };
    }

    /// <summary>
    /// Everything a build would reject or warn about, without writing anything: the build's pipelines
    /// without their output phase.
    /// </summary>
    public static async Task<BuildReport> CheckAsync(BuildOptions options, BuildObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var full = Recipe(options, options.OutputFolder, observer);
        // Pages are not rendered, but their models are built, to find what the templates read that no page has.
        var pages = full.SelectMany(p => p.Output.OfType<Templates.RenderPage>().Select(page => (p.Name, page))).ToImmutableArray();
        var recipe = full.Select(p => p.Name == Checks
            ? p with { Output = [], PostProcess = [new Templates.CheckTemplateVariables(SitePipelines.Theme, pages), .. p.PostProcess] }
            : p with { Output = [] }).ToList();
        var result = await new Engine(recipe).RunAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = WithWholeSiteChecks(options, result);
        var files = result.Outputs.Values.SelectMany(d => d).Where(d => d.Destination.Length > 0).DistinctBy(d => d.Destination).Count();
        return new BuildReport(diagnostics, 0, clock.Elapsed) { FilesInSite = files, Settings = SettingsOf(result) };
    }

    /// <summary>The site's pipelines, then the whole-site checks, each phase reported to the observer.</summary>
    public static ImmutableArray<Pipeline.Pipeline> Recipe(BuildOptions options, string outputFolder, BuildObserver? observer = null)
    {
        var site = SitePipelines.Create(options, outputFolder);
        var checks = new Pipeline.Pipeline(Checks)
        {
            PostProcess =
            [
                new CheckLinks([.. site.Select(p => p.Name)], SitePipelines.Site, options.ThemeFolder),
                new CheckDestinations([.. site.Where(p => p.Output.Any(m => m is WriteFiles)).Select(p => p.Name)]),
                new MarkChecked(),
            ],
        };
        var recipe = site.Add(checks);
        return observer is null ? recipe : [.. recipe.Select(p => Observed(p, observer))];
    }

    /// <summary>
    /// The run's problems, and when errors stopped the engine before its post-process phase, those of the
    /// whole-site checks over the pages that were read: one run shows every problem it can.
    /// </summary>
    private static IReadOnlyList<Diagnostic> WithWholeSiteChecks(BuildOptions options, EngineResult result)
    {
        if (result.Outputs.TryGetValue(Checks, out var checkedSite) && !checkedSite.IsEmpty)
        {
            return result.Diagnostics;
        }
        return [.. result.Diagnostics.Concat(LinksOfIncompleteSite(options, result)).Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }

    private static IEnumerable<Diagnostic> LinksOfIncompleteSite(BuildOptions options, EngineResult result)
    {
        // A commentary dropped for its own errors is still counted as published, so links to it are not reported too.
        var folder = Path.Combine(options.InputFolder, "commentaries");
        var commentaries = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Concat(Bundles(folder))
                .Select(f => $"commentaries/{Slug.FromFileName(f)}/index.html")
            : [];
        // So are the files of input/static/ and those kept beside commentaries, which the media pipeline did not get to.
        var statics = Path.Combine(options.InputFolder, "static");
        var published = Directory.Exists(statics)
            ? Directory.EnumerateFiles(statics, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(statics, f).Replace('\\', '/'))
            : [];
        var beside = Directory.Exists(folder)
            ? Bundles(folder).SelectMany(index =>
            {
                var bundle = Path.GetDirectoryName(index)!;
                return Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
                    .Select(f => $"commentaries/{Slug.FromFileName(index)}/{Path.GetRelativePath(bundle, f).Replace('\\', '/')}");
            })
            : [];
        var checker = new LinkChecker(result.Outputs.Values.SelectMany(d => d), SettingsOf(result), options.ThemeFolder,
            [.. commentaries, .. published, .. beside]);
        return checker.Check(Environment.ProcessorCount);
    }

    /// <summary>The index.md of each commentary kept as a folder with its files, as the build reads them.</summary>
    private static IEnumerable<string> Bundles(string folder) =>
        Directory.EnumerateDirectories(folder).Select(d => Path.Combine(d, "index.md")).Where(File.Exists);

    private static SiteSettings? SettingsOf(EngineResult result) =>
        result.Outputs.TryGetValue(SitePipelines.Site, out var site) && site.Length > 0 && site[0].TryGet(SiteKeys.Settings, out var settings)
            ? settings
            : null;

    /// <summary>
    /// Replaces the output folder by the finished one with two renames, restoring the old one if the second fails.
    /// Returns where the old site was moved, for the caller to delete, or null when there was none.
    /// </summary>
    /// <summary>The documents of the pipelines that write files: every file of the site.</summary>
    private static IEnumerable<Document> WrittenBy(IEnumerable<Pipeline.Pipeline> recipe, EngineResult result) =>
        recipe.Where(p => p.Output.Any(m => m is WriteFiles)).SelectMany(p => result.Outputs[p.Name]);

    private static string? SwapIn(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return null;
        }
        var previous = staging + ".previous";
        Directory.Move(output, previous);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            Directory.Move(previous, output);
            throw;
        }
        return previous;
    }

    private static Pipeline.Pipeline Observed(Pipeline.Pipeline pipeline, BuildObserver observer) => pipeline with
    {
        Input = Observed(pipeline.Name, Phase.Input, pipeline.Input, observer),
        Process = Observed(pipeline.Name, Phase.Process, pipeline.Process, observer),
        PostProcess = Observed(pipeline.Name, Phase.PostProcess, pipeline.PostProcess, observer),
        Output = Observed(pipeline.Name, Phase.Output,
            [.. pipeline.Output.SelectMany(m => m is WriteFiles ? [new CountWrites(observer), m] : new[] { m })], observer),
    };

    private static ImmutableArray<IModule> Observed(string pipeline, Phase phase, ImmutableArray<IModule> modules, BuildObserver observer) =>
        modules.IsEmpty ? modules : [new PhaseStart(pipeline, phase, observer), .. modules, new PhaseEnd(pipeline, phase, observer)];

    private sealed class PhaseStart(string pipeline, Phase phase, BuildObserver observer) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
        {
            observer.PhaseStarted(pipeline, phase);
            return ValueTask.FromResult(inputs);
        }
    }

    private sealed class PhaseEnd(string pipeline, Phase phase, BuildObserver observer) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
        {
            observer.PhaseFinished(pipeline, phase, inputs.Length);
            return ValueTask.FromResult(inputs);
        }
    }

    /// <summary>Counts each file as it is written, so progress can show how far the output phase is.</summary>
    private sealed class CountWrites(BuildObserver observer) : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
        {
            observer.FilesToWrite(inputs.Length);
            return ValueTask.FromResult(inputs
                .Select(d => d.Content is UnchangedContent ? d : d.WithContent(new CountedContent(d.Content, observer)))
                .ToImmutableArray());
        }
    }

    private sealed class CountedContent(IContent content, BuildObserver observer) : IContent
    {
        public void WriteTo(Stream destination)
        {
            content.WriteTo(destination);
            observer.FileWritten();
        }
    }

    /// <summary>Leaves a mark that the whole-site checks ran (they do not when earlier errors stop the engine).</summary>
    private sealed class MarkChecked : IModule
    {
        public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
            ValueTask.FromResult<ImmutableArray<Document>>([Document.Create("", "")]);
    }
}
