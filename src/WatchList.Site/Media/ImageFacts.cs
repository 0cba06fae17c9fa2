using System.Globalization;
using System.Xml;
using SixLabors.ImageSharp;

namespace WatchList.Site.Media;

/// <summary>What a page needs to know of an image file: its size in pixels, and whether it can be resized.</summary>
public sealed record ImageFacts(int Width, int Height, bool IsVector)
{
    /// <summary>
    /// Reads the size from the file's header (PNG, JPEG, GIF, WebP, BMP, TIFF through ImageSharp; SVG from its
    /// width and height or its viewBox). Null, with the reason, when the file is not an image; null without one
    /// for an SVG that gives no size (it scales to its box), which is shown without width and height.
    /// </summary>
    public static ImageFacts? Read(string path, out string? problem)
    {
        problem = null;
        try
        {
            if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                return ReadSvg(path);
            }
            // The header alone: the pixels are not decoded.
            var info = Image.Identify(path);
            if (info is null)
            {
                problem = "it is not an image (PNG, JPEG, GIF, WebP or SVG)";
                return null;
            }
            return new ImageFacts(info.Width, info.Height, false);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            problem = "it is not an image (PNG, JPEG, GIF, WebP or SVG)";
            return null;
        }
        catch (XmlException e)
        {
            problem = "it is not a well-formed SVG: " + e.Message;
            return null;
        }
    }

    private static ImageFacts? ReadSvg(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
        {
            throw new XmlException("the root element is not <svg>");
        }
        var width = Length(reader.GetAttribute("width"));
        var height = Length(reader.GetAttribute("height"));
        var box = reader.GetAttribute("viewBox")?.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        double? boxWidth = null, boxHeight = null;
        if (box is { Length: 4 } && Number(box[2]) is { } bw && Number(box[3]) is { } bh && bw > 0 && bh > 0)
        {
            (boxWidth, boxHeight) = (bw, bh);
        }
        // One of width and height given: the other follows from the viewBox's proportions.
        width ??= height is { } h && boxWidth is { } w1 && boxHeight is { } h1 ? h * w1 / h1 : boxWidth;
        height ??= width is { } w && boxWidth is { } w2 && boxHeight is { } h2 ? w * h2 / w2 : boxHeight;
        return width is { } finalWidth && height is { } finalHeight
            ? new ImageFacts((int)Math.Round(finalWidth, MidpointRounding.AwayFromZero), (int)Math.Round(finalHeight, MidpointRounding.AwayFromZero), true)
            : null;
    }

    /// <summary>A length in user units or pixels; null for relative units (%, em), which give no size of their own.</summary>
    private static double? Length(string? text)
    {
        if (text is null)
        {
            return null;
        }
        text = text.Trim();
        if (text.EndsWith("px", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        return Number(text) is { } value && value > 0 ? value : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
