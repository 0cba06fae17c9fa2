namespace WatchList.Site.Listings;

/// <summary>
/// How a long list is cut into numbered pages: page 1 at the list's own address, page N at
/// <c>page/N/</c> below it (Hugo's scheme), and the pager that leads from one to the others.
/// </summary>
public static class Paging
{
    /// <summary>Page numbers shown on either side of the current one before the list jumps with a gap.</summary>
    private const int Neighbours = 2;

    /// <summary>How many pages a list of <paramref name="items"/> takes, at least one.</summary>
    public static int PageCount(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>The site path of page <paramref name="number"/> of the list that starts at <paramref name="firstUrl"/>.</summary>
    public static string UrlOf(string firstUrl, int number) => number == 1 ? firstUrl : $"{firstUrl}page/{number}/";

    /// <summary>The output file of page <paramref name="number"/>: "archive/2019/page/2/index.html".</summary>
    public static string DestinationOf(string firstUrl, int number) => UrlOf(firstUrl, number).TrimStart('/') + "index.html";

    /// <summary>
    /// The pager templates show: previous and next, and the page numbers to jump to (the first, the last and
    /// those near the current page, with a gap where numbers are left out); null when the list has one page.
    /// </summary>
    public static Dictionary<string, object?>? Pager(string firstUrl, int number, int count, string label)
    {
        if (count <= 1)
        {
            return null;
        }
        var pages = new List<Dictionary<string, object?>>();
        var last = 0;
        for (var page = 1; page <= count; page++)
        {
            if (page != 1 && page != count && Math.Abs(page - number) > Neighbours)
            {
                continue;
            }
            if (page > last + 1)
            {
                pages.Add(new() { ["gap"] = true });
            }
            // Every entry says whether it is a gap, so a theme's check knows the field on lists too short for one.
            pages.Add(new() { ["gap"] = false, ["number"] = page, ["url"] = UrlOf(firstUrl, page), ["current"] = page == number });
            last = page;
        }
        return new()
        {
            ["label"] = label,
            ["number"] = number,
            ["count"] = count,
            ["previous"] = number > 1 ? UrlOf(firstUrl, number - 1) : null,
            ["next"] = number < count ? UrlOf(firstUrl, number + 1) : null,
            ["pages"] = pages,
        };
    }
}
