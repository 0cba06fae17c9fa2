using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Processing;
using WatchList.Pipeline;

namespace WatchList.Site.Media;

/// <summary>
/// A photo resized to a width when it is written, in its own format. A copy the last build wrote is taken
/// as it is: its name carries a digest of the original, so the same name means the same picture. A preview,
/// which writes into the site it serves, passes no copy: its cache leaves an unchanged file alone instead.
/// </summary>
public sealed class ResizedImageContent(string source, int width, string? previousCopy) : IContent
{
    /// <summary>Photos in these formats are resized; GIFs (often animated) and vector images are left as they are.</summary>
    public static bool CanResize(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp";

    public void WriteTo(Stream destination)
    {
        if (previousCopy is not null && File.Exists(previousCopy))
        {
            using var previous = File.OpenRead(previousCopy);
            previous.CopyTo(destination);
            return;
        }
        using var image = Image.Load(source, out IImageFormat format);
        image.Mutate(x => x.Resize(width, 0));
        image.Save(destination, format);
    }
}
