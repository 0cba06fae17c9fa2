using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace WatchList.Preview.Serving;

/// <summary>
/// The site as the browser gets it from the preview: every HTML page carries the live-reload script before
/// its last &lt;/body&gt;, added in memory as it is read (the built files never hold it). A page's length
/// counts the script, and its date is that of the last good build when that is later than the file's, so
/// a page revalidated after a rebuild is sent again with the new build's number even if its file did not
/// change, instead of a 304 that would leave the tab on the old number and reloading for ever.
/// </summary>
public sealed class LivePages(IFileProvider site, LiveReload reload) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var file = site.GetFileInfo(subpath);
        if (!file.Exists || file.IsDirectory || !IsPage(file.Name))
        {
            return file;
        }
        var (build, builtAt) = reload.Current;
        return new Page(file, Encoding.UTF8.GetBytes(reload.Script(build)), builtAt);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => site.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => site.Watch(filter);

    public static bool IsPage(string name) =>
        name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page with the script before its last &lt;/body&gt;, or at its end when it has none.</summary>
    public static byte[] WithScript(ReadOnlySpan<byte> html, ReadOnlySpan<byte> script)
    {
        var at = LastIndexOfIgnoreCase(html, "</body>"u8);
        if (at < 0)
        {
            at = html.Length;
        }
        return [.. html[..at], .. script, .. html[at..]];
    }

    private static int LastIndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        for (var i = text.Length - lowercase.Length; i >= 0; i--)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, lowercase.Length), lowercase))
            {
                return i;
            }
        }
        return -1;
    }

    private sealed class Page(IFileInfo file, byte[] script, DateTimeOffset builtAt) : IFileInfo
    {
        public bool Exists => true;
        public long Length => file.Length + script.Length;
        public string? PhysicalPath => null;
        public string Name => file.Name;
        public DateTimeOffset LastModified => file.LastModified > builtAt ? file.LastModified : builtAt;
        public bool IsDirectory => false;

        public Stream CreateReadStream()
        {
            using var stream = file.CreateReadStream();
            using var html = new MemoryStream();
            stream.CopyTo(html);
            return new MemoryStream(WithScript(html.GetBuffer().AsSpan(0, (int)html.Length), script), writable: false);
        }
    }
}
