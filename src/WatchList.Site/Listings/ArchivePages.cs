using System.Collections.Immutable;
using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;

namespace WatchList.Site.Listings;

/// <summary>A year or a series of the archive: its commentaries, newest first, and where its pages start.</summary>
public sealed record ArchiveSection(string Title, string FirstUrl, ImmutableArray<Commentary> Commentaries);

/// <summary>The archive's years and series, newest first.</summary>
public sealed record ArchiveSections(ImmutableArray<ArchiveSection> Years, ImmutableArray<ArchiveSection> Series)
{
    /// <summary>
    /// The years (<c>/archive/2019/</c>) and series (<c>/archive/series/watch-list-2019/</c>) of commentaries
    /// listed newest first; series come out by their latest commentary. Two series whose names give the same
    /// slug get -2, -3 after it, in that order.
    /// </summary>
    public static ArchiveSections Of(ImmutableArray<Commentary> newestFirst)
    {
        ImmutableArray<ArchiveSection> years =
        [
            .. newestFirst.GroupBy(c => c.Date.Year).Select(g =>
            {
                var year = g.Key.ToString(CultureInfo.InvariantCulture);
                return new ArchiveSection(year, $"/archive/{year}/", [.. g]);
            }),
        ];
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<ArchiveSection> series =
        [
            .. newestFirst.Where(c => c.Series is not null).GroupBy(c => c.Series!, StringComparer.Ordinal).Select(g =>
            {
                var stem = Slug.Suggest(g.Key) is { Length: > 0 } suggested ? suggested : "series";
                var slug = stem;
                for (var n = 2; !slugs.Add(slug); n++)
                {
                    slug = $"{stem}-{n}";
                }
                return new ArchiveSection(g.Key, $"/archive/series/{slug}/", [.. g]);
            }),
        ];
        return new ArchiveSections(years, series);
    }
}

/// <summary>One page of a year or series of the archive.</summary>
public sealed record ArchivePage(ArchiveSection Section, bool IsYear, int Number, int Count, ArchiveSections Archive)
{
    public static readonly MetadataKey<ArchivePage> Key = new("archive-page");
}

/// <summary>
/// Process module: a page per year and per series of the archive, each cut into pages of the site's
/// page size (<c>/archive/2019/</c>, <c>/archive/2019/page/2/</c>), so no page lists the whole archive.
/// </summary>
public sealed class CreateArchivePages(string sitePipeline, string backlinksPipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var pageSize = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings).PageSize;
        var backlinks = context.OutputsOf(backlinksPipeline).Single().Get(BuildBacklinks.Key);
        var archive = ArchiveSections.Of(backlinks.Commentaries);
        var pages = inputs.ToBuilder();
        foreach (var (sections, isYear) in new[] { (archive.Years, true), (archive.Series, false) })
        {
            foreach (var section in sections)
            {
                var count = Paging.PageCount(section.Commentaries.Length, pageSize);
                for (var number = 1; number <= count; number++)
                {
                    pages.Add(Document.Create("", Paging.DestinationOf(section.FirstUrl, number))
                        .With(ArchivePage.Key, new ArchivePage(section, isYear, number, count, archive)));
                }
            }
        }
        return ValueTask.FromResult(pages.ToImmutable());
    }
}
