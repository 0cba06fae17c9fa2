using System.Globalization;
using System.Text;
using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Pages;

/// <summary>
/// What templates see. Plain dictionaries with snake_case keys, the names a theme designer writes
/// in templates (<c>{{ site.title }}</c>, <c>{% for commentary in commentaries %}</c>).
/// </summary>
public static class PageModels
{
    /// <summary>The site's settings as templates see them: one model per build, shared by every page.</summary>
    public static SharedModel Site(SiteSettings settings) => SiteModels(settings);

    private static readonly Func<SiteSettings, SharedModel> SiteModels = SharedModel.PerInstance<SiteSettings>(settings => new()
    {
        ["title"] = settings.Title,
        ["description"] = settings.Description,
        ["language"] = settings.Language,
        ["author"] = settings.Author,
        ["base_path"] = settings.BasePath,
        ["base_url"] = settings.BaseUrl.AbsoluteUri,
    });

    public static Dictionary<string, object?> Page(SiteSettings settings, string title, string url, string description) => new()
    {
        ["site"] = Site(settings),
        ["title"] = title,
        ["url"] = url,
        ["description"] = description,
        ["canonical"] = settings.AbsoluteUrl(url),
    };

    /// <summary>
    /// A commentary as listed on indexes and shown on its own page: one model per parsed commentary,
    /// shared by the many lists it appears in (archive, term and actor pages, neighbours, related).
    /// </summary>
    public static SharedModel Commentary(Commentary commentary) => CommentaryModels(commentary);

    private static readonly Func<Commentary, SharedModel> CommentaryModels = SharedModel.PerInstance<Commentary>(commentary => new()
    {
        ["title"] = commentary.Title,
        ["url"] = commentary.Url,
        ["slug"] = commentary.Slug,
        ["summary"] = commentary.Summary,
        ["type"] = commentary.Type,
        ["series"] = commentary.Series,
        ["authors"] = commentary.Authors.Length > 0 ? JoinNames(commentary.Authors) : null,
        ["source"] = commentary.Source,
        ["publisher"] = commentary.Publisher,
        ["date_iso"] = commentary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["date"] = FormatDate(commentary.Date),
        ["year"] = commentary.Date.Year,
    });

    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The rendered body; templates write it with {{ body | raw }}, as it is.</summary>
    public static object Html(Document document) =>
        document.TryGet(SiteKeys.BodyHtml, out var html) ? html : "";

    private static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
