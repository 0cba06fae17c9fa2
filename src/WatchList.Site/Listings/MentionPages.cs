using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;

namespace WatchList.Site.Listings;

/// <summary>
/// How the commentaries that mention a term or actor are spread over its pages: its own page quotes the
/// latest few in context; the older ones follow on numbered pages (2, 3, …) of a page size each.
/// </summary>
public readonly record struct MentionPaging(int Recent, int PageSize)
{
    public static MentionPaging Of(SiteSettings settings) => new(settings.RecentMentions, settings.PageSize);

    /// <summary>How many pages <paramref name="mentions"/> take, the entry's own page included.</summary>
    public int PageCount(int mentions) => mentions <= Recent ? 1 : 1 + Paging.PageCount(mentions - Recent, PageSize);

    /// <summary>The mentions page <paramref name="number"/> lists.</summary>
    public IEnumerable<T> On<T>(ImmutableArray<T> mentions, int number) =>
        number == 1 ? mentions.Take(Recent) : mentions.Skip(Recent + (number - 2) * PageSize).Take(PageSize);
}

/// <summary>Page <see cref="Number"/> (2 or more) of the commentaries that mention a term or actor.</summary>
public sealed record MentionsPage(LinkTarget Target, int Number, int Count)
{
    public static readonly MetadataKey<MentionsPage> Key = new("mentions-page");
}

/// <summary>
/// Process module: the numbered pages of older mentions of each term and actor
/// (<c>/glossary/yongbyon/page/2/</c> and on). Each page is built from the entry's file, so a preview
/// rebuilds them whenever it rebuilds the entry's own page.
/// </summary>
public sealed class CreateMentionPages(string sitePipeline, string linkerPipeline, string backlinksPipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var paging = MentionPaging.Of(context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings));
        var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
        var backlinks = context.OutputsOf(backlinksPipeline).Single().Get(BuildBacklinks.Key);
        var pages = inputs.ToBuilder();
        foreach (var target in linker.Targets)
        {
            var count = paging.PageCount(backlinks.MentionsOf(target).Length);
            for (var number = 2; number <= count; number++)
            {
                pages.Add(Document.Create(target.SourcePath, Paging.DestinationOf(target.Url, number))
                    .With(MentionsPage.Key, new MentionsPage(target, number, count)));
            }
        }
        return ValueTask.FromResult(pages.ToImmutable());
    }
}
