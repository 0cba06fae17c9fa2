using System.Diagnostics;
using WatchList.Pipeline;

namespace WatchList.Site;

/// <summary>What a build did: its problems, how many files it wrote, how long it took.</summary>
public sealed record BuildReport(IReadOnlyList<Diagnostic> Diagnostics, int FilesWritten, TimeSpan Elapsed)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Builds the site into a temporary folder beside the output folder and swaps it in only when the
/// build succeeded, so a failed build never leaves a broken or half-written site behind.
/// </summary>
public static class SiteBuilder
{
    public static async Task<BuildReport> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var output = Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException("The output folder cannot be a file system root.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var engine = new Engine(SitePipelines.Create(options, staging));
            var result = await engine.RunAsync(cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new BuildReport(result.Diagnostics, 0, clock.Elapsed);
            }
            var written = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Count();
            SwapIn(staging, output);
            return new BuildReport(result.Diagnostics, written, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Replaces the output folder by the finished one with two renames, restoring the old one if the second fails.</summary>
    private static void SwapIn(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
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
        Directory.Delete(previous, recursive: true);
    }
}
