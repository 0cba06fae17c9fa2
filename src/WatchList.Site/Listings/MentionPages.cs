using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Backlinks;
using WatchList.Site.Content;
using WatchList.Site.Linking;

namespace WatchList.Site.Listings;

/// <summary>Page <see cref="Number"/> (2 or more) of the commentaries that mention a term or actor.</summary>
public sealed record MentionsPage(LinkTarget Target, int Number, int Count)
{
    public static readonly MetadataKey<MentionsPage> Key = new("mentions-page");
}

/// <summary>
/// Process module: the numbered pages of mentions of each term and actor. A term's or actor's own page
/// lists the most recent mentions, a page size of them, with the sentence around each; older ones go on
/// <c>/glossary/yongbyon/page/2/</c> and on. Each page is built from the entry's file, so a preview
/// rebuilds them whenever it rebuilds the entry's page.
/// </summary>
public sealed class CreateMentionPages(string sitePipeline, string linkerPipeline, string backlinksPipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var pageSize = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings).PageSize;
        var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
        var backlinks = context.OutputsOf(backlinksPipeline).Single().Get(BuildBacklinks.Key);
        var pages = inputs.ToBuilder();
        foreach (var target in linker.Targets)
        {
            var count = Paging.PageCount(backlinks.MentionsOf(target).Length, pageSize);
            for (var number = 2; number <= count; number++)
            {
                pages.Add(Document.Create(target.SourcePath, Paging.DestinationOf(target.Url, number))
                    .With(MentionsPage.Key, new MentionsPage(target, number, count)));
            }
        }
        return ValueTask.FromResult(pages.ToImmutable());
    }
}
