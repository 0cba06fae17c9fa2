using System.Collections.Immutable;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace WatchList.Site.Templates;

/// <summary>
/// The partials <c>{% render %}</c> and <c>{% include %}</c> find, already parsed when the theme loaded: Fluid asks
/// for a file and its parsed template, and gets them from here instead of the disk.
/// </summary>
#pragma warning disable FLUID001 // The template cache is marked experimental; it is the way to hand Fluid parsed partials.
internal sealed class PartialFiles(ImmutableDictionary<string, ThemeFile> partials) : IFileProvider, ITemplateCache
#pragma warning restore FLUID001
{
    private static readonly DateTimeOffset Loaded = DateTimeOffset.UnixEpoch;

    public IEnumerable<string> Names => partials.Keys;

    /// <summary>The partial a template names, with or without its extension.</summary>
    public ThemeFile? Find(string name) =>
        partials.GetValueOrDefault(name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name);

    public IFileInfo GetFileInfo(string subpath) =>
        Find(subpath) is { } file && subpath.EndsWith(".liquid", StringComparison.Ordinal)
            ? new PartialInfo(file)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template)
    {
        template = Find(subpath)?.Template!;
        return template is not null;
    }

    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
        // Every partial is parsed when the theme loads; nothing is parsed while pages render.
    }

    private sealed class PartialInfo(ThemeFile file) : IFileInfo
    {
        public bool Exists => true;
        public long Length => file.Text.Length;
        public string? PhysicalPath => null;
        public string Name => file.Name + ".liquid";
        public DateTimeOffset LastModified => Loaded;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.Text));
    }
}
