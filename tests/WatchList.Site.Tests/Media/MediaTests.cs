using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using WatchList.Pipeline;

namespace WatchList.Site.Tests.Media;

/// <summary>Files beside the content: input/static/, files kept beside a commentary, and the images pages show.</summary>
public class MediaTests
{
    private const string Bundle = "commentaries/2019-05-01-talks/index.md";

    private static byte[] Picture(int width, int height, Func<Stream, Action<Image>> encoder)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 120, 40));
        using var stream = new MemoryStream();
        encoder(stream)(image);
        return stream.ToArray();
    }

    private static byte[] Png(int width, int height) => Picture(width, height, s => i => i.Save(s, new PngEncoder()));
    private static byte[] Jpeg(int width, int height) => Picture(width, height, s => i => i.Save(s, new JpegEncoder()));
    private static byte[] WebP(int width, int height) => Picture(width, height, s => i => i.Save(s, new WebpEncoder()));

    private static IDocument Html(TestSite site, string relative) => new HtmlParser().ParseDocument(site.ReadOutput(relative));

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsOf(TestSite site)
    {
        var report = await site.BuildAsync();
        return [.. report.Diagnostics.Where(d => d.Severity == Severity.Error)];
    }

    [Fact]
    public async Task Files_in_input_static_are_copied_to_the_site_root_as_they_are()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("static/CNAME", "watchlist.example.org\n");
        site.WriteBytes("static/files/report.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D]);

        await site.BuildGoodOutputAsync();

        Assert.Equal("watchlist.example.org\n", site.ReadOutput("CNAME"));
        Assert.Equal("%PDF-", site.ReadOutput("files/report.pdf"));
    }

    [Fact]
    public async Task A_static_file_at_the_address_of_a_generated_page_is_an_error_naming_the_file()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("static/glossary/index.html", "<p>mine</p>");

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(site.Shown("static/glossary/index.html"), error.Location.Path);
        Assert.Equal("'/glossary/' would be written twice: here and by the site itself (a page it generates)", error.Message);
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task A_commentary_kept_as_a_folder_publishes_its_files_beside_its_page_and_checks_links_to_them()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Bundle, TestSite.TalksCommentary("""
            The [full report](report.pdf) and the [map](/commentaries/talks/map.svg).

            ![A map of the peninsula](map.svg)
            """));
        site.WriteBytes("commentaries/2019-05-01-talks/report.pdf", [0x25, 0x50, 0x44, 0x46]);
        site.Write("commentaries/2019-05-01-talks/map.svg", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"></svg>""");

        await site.BuildGoodOutputAsync();

        Assert.True(site.OutputExists("commentaries/talks/index.html"));
        Assert.Equal("%PDF", site.ReadOutput("commentaries/talks/report.pdf"));
        Assert.False(site.OutputExists("commentaries/talks/index.md"), "the Markdown itself is not published");
        var image = Html(site, "commentaries/talks/index.html").QuerySelector(".body img")!;
        Assert.Equal(("map.svg", "640", "480"), (image.GetAttribute("src"), image.GetAttribute("width"), image.GetAttribute("height")));
    }

    [Fact]
    public async Task A_missing_file_beside_a_commentary_is_an_error_at_its_link()
    {
        using var site = TestSite.WithGoodContent();
        site.Write(Bundle, TestSite.TalksCommentary("Read [the report](report.pdf)."));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown(Bundle), 6, 19), error.Location);
        Assert.Equal("the link 'report.pdf' goes to no page of the site", error.Message);
    }

    [Fact]
    public async Task An_image_without_alt_text_is_an_error_at_the_image_with_a_hint()
    {
        using var site = TestSite.WithGoodContent();
        site.WriteBytes("static/media/talks.png", Png(40, 30));
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("Intro.\n\nSee ![](/media/talks.png) here."));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown("commentaries/2019-05-01-talks.md"), 8, 5), error.Location);
        Assert.Equal("the image '/media/talks.png' has no alt text", error.Message);
        Assert.StartsWith("say what it shows between the brackets", error.Hint);
    }

    [Fact]
    public async Task An_image_with_a_title_alone_in_its_paragraph_is_a_figure_with_its_caption_and_credit()
    {
        using var site = TestSite.WithGoodContent();
        site.WriteBytes("static/media/talks.jpg", Jpeg(64, 48));
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("""
            ![Delegates at the table](/media/talks.jpg "Delegates meet in Stockholm. Photo: Agency")

            Inline ![a small icon](/media/talks.jpg "Not a caption") stays an image.
            """));

        await site.BuildGoodOutputAsync();

        var body = Html(site, "commentaries/talks/index.html").QuerySelector(".body")!;
        var figure = Assert.Single(body.QuerySelectorAll("figure"));
        var image = figure.QuerySelector("img")!;
        Assert.Equal("Delegates at the table", image.GetAttribute("alt"));
        Assert.Null(image.GetAttribute("title"));
        Assert.Equal("Delegates meet in Stockholm. Photo: Agency", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("Photo: Agency", figure.QuerySelector("figcaption .credit")!.TextContent);
        var inline = body.QuerySelectorAll("p img").Single();
        Assert.Equal("Not a caption", inline.GetAttribute("title"));
    }

    [Theory]
    [InlineData("png", 40, 30)]
    [InlineData("jpg", 64, 48)]
    [InlineData("webp", 90, 20)]
    public async Task Raster_images_get_their_width_and_height_from_the_file_and_load_lazily(string format, int width, int height)
    {
        using var site = TestSite.WithGoodContent();
        site.WriteBytes($"static/media/photo.{format}", format switch { "png" => Png(width, height), "jpg" => Jpeg(width, height), _ => WebP(width, height) });
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary($"![A photo](/media/photo.{format})"));

        await site.BuildGoodOutputAsync();

        var image = Html(site, "commentaries/talks/index.html").QuerySelector(".body img")!;
        Assert.Equal($"/media/photo.{format}", image.GetAttribute("src"));
        Assert.Equal(width.ToString(), image.GetAttribute("width"));
        Assert.Equal(height.ToString(), image.GetAttribute("height"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Null(image.GetAttribute("srcset"));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>""", "120", "80")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300px" viewBox="0 0 600 200"></svg>""", "300", "100")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 64.5 32"></svg>""", "65", "32")]
    public async Task An_SVG_gets_its_size_from_its_width_and_height_or_its_viewBox(string svg, string width, string height)
    {
        using var site = TestSite.WithGoodContent();
        site.Write("static/media/chart.svg", svg);
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("![A chart](/media/chart.svg)"));

        await site.BuildGoodOutputAsync();

        var image = Html(site, "commentaries/talks/index.html").QuerySelector(".body img")!;
        Assert.Equal((width, height), (image.GetAttribute("width"), image.GetAttribute("height")));
    }

    [Fact]
    public async Task A_missing_image_is_an_error_at_its_address()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("![A photo](/media/none.jpg)"));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown("commentaries/2019-05-01-talks.md"), 6, 12), error.Location);
        Assert.Equal("the image '/media/none.jpg' does not exist", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_an_error_at_the_image()
    {
        using var site = TestSite.WithGoodContent();
        site.Write("static/media/photo.jpg", "this is text, not a photo");
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("Intro.\n\n![A photo](/media/photo.jpg)"));

        var error = Assert.Single(await ErrorsOf(site));

        Assert.Equal(new SourceLocation(site.Shown("commentaries/2019-05-01-talks.md"), 8, 1), error.Location);
        Assert.Equal("the image '/media/photo.jpg' cannot be shown: it is not an image (PNG, JPEG, GIF, WebP or SVG)", error.Message);
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public async Task A_large_photo_is_also_written_at_smaller_widths_offered_with_srcset_under_the_base_path()
    {
        using var site = TestSite.WithGoodContent();
        site.WriteBytes("commentaries/2019-05-01-talks/photo.jpg", Jpeg(1600, 900));
        site.Write(Bundle, TestSite.TalksCommentary("![Delegates at the table](photo.jpg)"));

        var report = await site.BuildAsync(new Uri("https://example.github.io/watchlist/"));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));

        var image = Html(site, "commentaries/talks/index.html").QuerySelector(".body img")!;
        var candidates = image.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')).ToList();
        Assert.Equal(["480w", "800w", "1200w", "1600w"], candidates.Select(c => c[1]));
        Assert.Equal("/watchlist/commentaries/talks/photo.jpg", candidates[^1][0]);
        Assert.Equal(WatchList.Site.Media.SiteImages.Sizes, image.GetAttribute("sizes"));
        foreach (var (url, descriptor) in candidates.SkipLast(1).Select(c => (c[0], c[1])))
        {
            Assert.StartsWith("/watchlist/commentaries/talks/photo-", url);
            var file = url["/watchlist/".Length..];
            using var copy = Image.Load(Path.Combine(site.Output, file));
            Assert.Equal(int.Parse(descriptor.TrimEnd('w')), copy.Width);
            Assert.Equal(copy.Width * 900 / 1600, copy.Height, tolerance: 1);
        }
    }

    [Fact]
    public async Task A_rebuild_takes_the_resized_copies_from_the_last_site_instead_of_resizing_again()
    {
        using var site = TestSite.WithGoodContent();
        site.WriteBytes("static/media/photo.png", Png(1300, 100));
        site.Write("commentaries/2019-05-01-talks.md", TestSite.TalksCommentary("![A wide photo](/media/photo.png)"));
        await site.BuildGoodOutputAsync();
        var copy = Directory.EnumerateFiles(Path.Combine(site.Output, "media"), "photo-*-480w.png").Single();
        // A copy from the last site is taken as it is: marked, it shows it was not made again.
        File.WriteAllBytes(copy, [1, 2, 3]);

        await site.BuildGoodOutputAsync();
        Assert.Equal([1, 2, 3], File.ReadAllBytes(copy));

        // A new photo under the same name gets new copies under a new name.
        site.WriteBytes("static/media/photo.png", Png(1300, 200));
        await site.BuildGoodOutputAsync();
        var fresh = Directory.EnumerateFiles(Path.Combine(site.Output, "media"), "photo-*-480w.png").Single();
        Assert.NotEqual(Path.GetFileName(copy), Path.GetFileName(fresh));
        using var resized = Image.Load(fresh);
        Assert.Equal((480, 74), (resized.Width, resized.Height));
    }

    [Fact]
    public async Task A_site_without_images_does_no_image_work()
    {
        using var site = TestSite.WithGoodContent();

        var output = await site.BuildGoodOutputAsync();

        Assert.DoesNotContain(output.Keys, k => k.EndsWith(".png") || k.EndsWith(".jpg"));
    }
}
