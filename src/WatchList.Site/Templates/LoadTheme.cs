using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;

namespace WatchList.Site.Templates;

/// <summary>
/// Process module of the theme pipeline: makes the theme, once the site settings are known, from the files
/// <see cref="ReadTheme"/> parsed while the content was being read.
/// </summary>
public sealed class LoadTheme(string sitePipeline) : IModule
{
    public static readonly MetadataKey<Theme> Key = new("theme");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (inputs.IsEmpty)
        {
            // The theme could not be read; its error is reported already.
            return ValueTask.FromResult(inputs);
        }
        var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
        var files = inputs.Single();
        var theme = Theme.Bind(files.Get(ReadTheme.Key), settings);
        return ValueTask.FromResult<ImmutableArray<Document>>([files.With(Key, theme)]);
    }
}

/// <summary>
/// Input module of the theme pipeline: reads and parses the templates. Nothing in it depends on the content,
/// so it runs beside the reading of the content, and Liquid's parser is made ready while the content is read.
/// </summary>
public sealed class ReadTheme(string folder) : IModule
{
    public static readonly MetadataKey<ThemeFiles> Key = new("theme-files");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // In a preview session, templates are parsed again only when a theme file changed.
        var cache = context.Service<Output.SiteCache>();
        var files = cache is null
            ? ThemeFiles.Read(folder)
            : cache.Keep(nameof(ReadTheme), Output.SiteCache.Stamp(folder), () => ThemeFiles.Read(folder));
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create(Reading.DisplayPath.For(folder), "").With(Key, files)]);
    }
}
