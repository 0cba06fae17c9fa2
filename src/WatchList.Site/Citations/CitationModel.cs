using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Citations;

/// <summary>What the theme shows of a commentary's citation: the meta tags in the head and the "Cite this" block.</summary>
public static class CitationModel
{
    public static Dictionary<string, object?> Of(Document page, SiteSettings site)
    {
        var commentary = page.Get(SiteKeys.Commentary);
        var pdf = CreateCitationFiles.PdfOf(page);
        var citation = Citation.Of(commentary, site, pdf is null ? null : site.AbsoluteUrl(pdf));
        return new()
        {
            ["title"] = citation.Title,
            ["authors"] = citation.Authors.Select(a => a.Full).ToList(),
            ["date"] = citation.HighwireDate,
            ["publisher"] = citation.Publisher,
            ["series"] = citation.Series,
            ["public_url"] = citation.Url,
            ["pdf_url"] = citation.PdfUrl,
            ["pdf"] = pdf,
            ["language"] = citation.Language,
            ["reference"] = citation.Chicago,
            // Beside the page: a relative address is shorter and right under any base path.
            ["bib"] = "cite.bib",
            ["ris"] = "cite.ris",
            ["json"] = "cite.json",
        };
    }
}
