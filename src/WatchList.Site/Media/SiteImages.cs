using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WatchList.Pipeline;
using WatchList.Site.Checks;
using WatchList.Site.Content;

namespace WatchList.Site.Media;

/// <summary>A smaller copy of a large photo, written beside it for <c>srcset</c>.</summary>
public sealed record ResizedImage(string SourceFile, string Destination, int Width);

/// <summary>
/// The images of a build: finds the file behind each image a page shows (a file beside the commentary, in
/// <c>input/static/</c> or in the theme's assets), checks it has alt text and is an image, gives it its width
/// and height so the page does not shift as it loads, lets the browser load it lazily, and plans smaller
/// copies of large photos. One per build; what it learns of a file is kept for the other pages that show it.
/// </summary>
public sealed class SiteImages(string staticFolder, string assetsFolder, string? previousOutput)
{
    /// <summary>Photos wider than this are also written at <see cref="Widths"/>.</summary>
    public const int LargeWidth = 1200;

    public static readonly ImmutableArray<int> Widths = [480, 800, 1200];

    /// <summary>How wide a photo shows: the text column (theme's --measure, 38rem) or the whole screen on a phone.</summary>
    public const string Sizes = "(min-width: 40.5rem) 38rem, 100vw";

    /// <summary>The resized copies a page's images need, for the media pipeline to write.</summary>
    public static readonly MetadataKey<ImmutableArray<ResizedImage>> Resized = new("resized-images");

    private readonly ConcurrentDictionary<string, Lazy<(ImageFacts? Facts, string? Problem, string? Digest)>> _files = new(StringComparer.Ordinal);

    public string StaticFolder => staticFolder;

    /// <summary>The site the last build left, whose resized copies are reused; null in a preview, which writes into it.</summary>
    public string? PreviousOutput => previousOutput;

    /// <summary>The size and time of every file a page may show: a preview renders pages again when one changes.</summary>
    public string Stamp() => Output.SiteCache.Stamp(staticFolder) + "\n" + Output.SiteCache.Stamp(assetsFolder);

    /// <summary>The folder of files published beside a commentary written as <c>slug/index.md</c>; null for a single file.</summary>
    public static string? BundleFolder(string source) =>
        Path.GetFileName(source) == "index.md" ? Path.GetDirectoryName(source) : null;

    /// <summary>The file an image's address leads to, or null when it is elsewhere or nowhere (the link check reports that).</summary>
    public string? FileFor(string url, string pageSource, string pageDestination)
    {
        if (SiteMap.Target(url, pageDestination) is not { } target)
        {
            return null;
        }
        var pageFolder = SiteMap.SitePathOf(pageDestination);
        if (pageFolder.EndsWith('/') && target.StartsWith(pageFolder, StringComparison.Ordinal) && BundleFolder(pageSource) is { } bundle &&
            Existing(Path.Combine(bundle, target[pageFolder.Length..])) is { } beside)
        {
            return beside;
        }
        return Existing(Path.Combine(staticFolder, target.TrimStart('/')))
            ?? (target.StartsWith("/assets/", StringComparison.Ordinal) ? Existing(Path.Combine(assetsFolder, target["/assets/".Length..])) : null);
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;

    /// <summary>
    /// Checks every image of a parsed body and sets its attributes; returns the resized copies to write.
    /// Bodies without an image cost one search for "![".
    /// </summary>
    public ImmutableArray<ResizedImage> Prepare(MarkdownDocument tree, MarkdownSource body, string pageSource, string pageDestination,
        SiteSettings settings, DiagnosticBag diagnostics)
    {
        if (!body.Text.Contains("![", StringComparison.Ordinal))
        {
            return [];
        }
        var resized = ImmutableArray.CreateBuilder<ResizedImage>();
        foreach (var image in tree.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var location = new SourceLocation(body.Path, body.FirstLine + image.Line, image.Column + 1);
            var url = image.Url ?? "";
            if (string.IsNullOrWhiteSpace(AltText(image)))
            {
                diagnostics.Add(Diagnostic.Error(location, $"the image '{url}' has no alt text",
                    $"say what it shows between the brackets, such as ![Delegates at the table]({url}): screen readers read it out"));
            }
            if (FileFor(url, pageSource, pageDestination) is not { } file)
            {
                continue;
            }
            var (facts, problem, digest) = Learn(file);
            if (facts is null && problem is null)
            {
                continue;
            }
            if (facts is null)
            {
                diagnostics.Add(Diagnostic.Error(location, $"the image '{url}' cannot be shown: {problem}",
                    "link an image file (PNG, JPEG, GIF, WebP or SVG), or link other files as [text](address) instead of ![text](address)"));
                continue;
            }
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("width", facts.Width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", facts.Height.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
            if (digest is not null && facts.Width > LargeWidth && SiteMap.Target(url, pageDestination) is { } target)
            {
                var folder = target[..(target.LastIndexOf('/') + 1)];
                var name = target[folder.Length..];
                var stem = Path.GetFileNameWithoutExtension(name);
                var extension = Path.GetExtension(name).ToLowerInvariant();
                var sources = new List<string>();
                foreach (var width in Widths.Where(w => w < facts.Width))
                {
                    // The name carries a digest of the original's bytes: a new photo under the old name gets new copies.
                    var copy = $"{folder}{stem}-{digest}-{width}w{extension}";
                    resized.Add(new ResizedImage(file, copy.TrimStart('/'), width));
                    sources.Add($"{settings.Link(copy)} {width}w");
                }
                sources.Add($"{settings.Link(target)} {facts.Width}w");
                attributes.AddPropertyIfNotExist("srcset", string.Join(", ", sources));
                attributes.AddPropertyIfNotExist("sizes", Sizes);
            }
        }
        return resized.ToImmutable();
    }

    private (ImageFacts? Facts, string? Problem, string? Digest) Learn(string file) =>
        _files.GetOrAdd(Path.GetFullPath(file), path => new Lazy<(ImageFacts?, string?, string?)>(() =>
        {
            var facts = ImageFacts.Read(path, out var problem);
            string? digest = null;
            if (facts is { IsVector: false } && facts.Width > LargeWidth && ResizedImageContent.CanResize(path))
            {
                using var stream = File.OpenRead(path);
                digest = Convert.ToHexStringLower(SHA256.HashData(stream))[..10];
            }
            return (facts, problem, digest);
        })).Value;

    public static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
}
