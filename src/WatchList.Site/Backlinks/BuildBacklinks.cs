using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Linking;

namespace WatchList.Site.Backlinks;

/// <summary>
/// Process module: builds the <see cref="BacklinkIndex"/> from every linked commentary, and warns about
/// terms and actors that no commentary mentions.
/// </summary>
public sealed class BuildBacklinks(string commentariesPipeline, string linkerPipeline) : IModule
{
    public static readonly MetadataKey<BacklinkIndex> Key = new("backlinks");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var linker = context.OutputsOf(linkerPipeline).Single().Get(BuildLinker.Key);
        var commentaries = context.OutputsOf(commentariesPipeline)
            .Select(d => (d.Get(SiteKeys.Commentary), d.Get(LinkAndRender.Mentions)));
        var index = BacklinkIndex.Build(commentaries, linker.Targets);
        foreach (var target in linker.Targets.Where(t => index.MentionsOf(t).IsEmpty))
        {
            context.Diagnostics.Add(Diagnostic.Warning(new SourceLocation(target.SourcePath),
                $"{(target.Kind == TargetKind.Term ? "the glossary term" : "the actor")} '{target.Title}' is mentioned in no commentary",
                "add an alias that the commentaries use, or remove the file if it is not needed"));
        }
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create("", "").With(Key, index)]);
    }
}
