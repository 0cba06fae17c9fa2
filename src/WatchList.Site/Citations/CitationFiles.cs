using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Output;

namespace WatchList.Site.Citations;

/// <summary>
/// Process module: beside each commentary's page, its reference as BibTeX (<c>cite.bib</c>), RIS
/// (<c>cite.ris</c>) and CSL-JSON (<c>cite.json</c>), for reference managers.
/// </summary>
public sealed class CreateCitationFiles(string commentariesPipeline) : IModule
{
    public static readonly ImmutableArray<string> Files = ["cite.bib", "cite.ris", "cite.json"];

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var site = Pages.SitePages.Settings(context);
        return ValueTask.FromResult(inputs.AddRange(context.OutputsOf(commentariesPipeline).SelectMany(page =>
        {
            var folder = page.Destination[..(page.Destination.LastIndexOf('/') + 1)];
            var commentary = page.Get(SiteKeys.Commentary);
            var pdf = PdfOf(page) ?? "";
            // One citation for the three files, made when the first of them is written.
            var citation = new Lazy<Citation>(() => Citation.Of(commentary, site, pdf.Length > 0 ? site.AbsoluteUrl(pdf) : null));
            return Files.Select(file => Document.Create("", folder + file)
                .With(SiteKeys.Commentary, commentary).With(PdfKey, pdf).With(CitationKey, citation));
        })));
    }

    private static readonly MetadataKey<string> PdfKey = new("pdf");
    private static readonly MetadataKey<Lazy<Citation>> CitationKey = new("citation");

    /// <summary>The PDF kept beside a commentary written as a folder (the first by name), as a site path; null when there is none.</summary>
    public static string? PdfOf(Document page)
    {
        if (Media.SiteImages.BundleFolder(page.Source) is not { } bundle || !page.TryGet(SiteKeys.Commentary, out var commentary))
        {
            return null;
        }
        var pdf = Directory.EnumerateFiles(bundle, "*.pdf").Order(StringComparer.Ordinal).FirstOrDefault();
        return pdf is null ? null : commentary.Url + Path.GetFileName(pdf);
    }

    /// <summary>The content of one citation file, and a digest of what it is written from.</summary>
    public static SiteFile Write(Document document, PipelineContext context)
    {
        var site = Pages.SitePages.Settings(context);
        var pdf = document.Get(PdfKey);
        var commentary = document.Get(SiteKeys.Commentary);
        var name = document.Destination[(document.Destination.LastIndexOf('/') + 1)..];
        var citation = document.Get(CitationKey);
        var cache = context.Service<SiteCache>();
        return new SiteFile(stream => stream.Write(name switch
        {
            "cite.bib" => Encoding.UTF8.GetBytes(citation.Value.BibTeX),
            "cite.ris" => Encoding.UTF8.GetBytes(citation.Value.Ris),
            _ => citation.Value.CslJson,
        }), cache is null ? null : () =>
            // Digested from what the file is written from, not from the file, and once per parsed commentary: a
            // preview's save digests again only the citation of the commentary saved (or all of them when the
            // site's settings change), without writing three files' worth of text for each.
            cache.Derive(commentary, nameof(CreateCitationFiles), string.Join('\n', site.BaseUrl, site.Title, site.Author, site.Language, pdf),
                () => new CitationDigest(Digest(citation.Value))).Value);
    }

    private sealed record CitationDigest(ulong Value);

    private static ulong Digest(Citation citation) => Fingerprint.Of(string.Join('\n',
        citation.Key, citation.Title, string.Join('\t', citation.Authors), citation.Date.ToString("O", CultureInfo.InvariantCulture),
        citation.Publisher, citation.Series, citation.Url, citation.Summary, citation.Language, citation.PdfUrl));
}
