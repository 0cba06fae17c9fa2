using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.FrontMatter;

namespace WatchList.Site.Content;

/// <summary>The site as a whole, from <c>input/site.yml</c>.</summary>
public sealed record SiteSettings(
    string Title, string Description, Uri BaseUrl, string Language, string Author,
    Linking.LinkPolicy LinkPolicy = Linking.LinkPolicy.First,
    int PageSize = SiteSettings.DefaultPageSize,
    int RecentMentions = SiteSettings.DefaultRecentMentions)
{
    /// <summary>How many commentaries a listing page (an archive page, a page of older mentions) shows when site.yml does not say.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>How many of the latest mentions a term's or actor's own page quotes in context when site.yml does not say.</summary>
    public const int DefaultRecentMentions = 10;

    /// <summary>The path part of the base URL, always starting and ending with '/': "/repo/" or "/".</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>A site path ("/commentaries/x/") under the base path: "/repo/commentaries/x/".</summary>
    /// <remarks>Called for every link of every page: the path is joined as a span, so one string is made, not two.</remarks>
    public string Link(string sitePath) => string.Concat(BasePath, sitePath.AsSpan().TrimStart('/'));

    /// <summary>A site path as an absolute URL, for canonical links, feeds and sitemaps.</summary>
    /// <remarks>
    /// Called for several addresses of every page, where parsing a <see cref="Uri"/> each time was 1% of a build. A
    /// path the site makes (slugs and file names: letters, digits, '-', '_', '~', '.' and '/', no dot segment, no
    /// empty segment) is joined to the base URL as it is, which is what resolving it gives; anything else is resolved.
    /// </remarks>
    public string AbsoluteUrl(string sitePath)
    {
        var relative = sitePath.AsSpan().TrimStart('/');
        var root = BaseUrl.AbsoluteUri;
        return IsPlainPath(relative) && root.EndsWith('/') && !root.AsSpan().ContainsAny('?', '#')
            ? string.Concat(root, relative)
            : new Uri(BaseUrl, relative.ToString()).AbsoluteUri;
    }

    private static bool IsPlainPath(ReadOnlySpan<char> path) =>
        !path.ContainsAnyExcept(PlainPathCharacters) && !path.StartsWith('.') && !path.EndsWith('.') &&
        !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("./", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> PlainPathCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~./");
}

/// <summary>Where a piece of Markdown comes from, so messages about its body point at the right line.</summary>
public sealed record MarkdownSource
{
    // One of the two is set: the text, or the text encoded as UTF-8 (half the size) by Compact.
    private readonly string? _text;
    private readonly byte[]? _utf8;

    public MarkdownSource(string path, string text, int firstLine)
    {
        Path = path;
        _text = text;
        FirstLine = firstLine;
    }

    private MarkdownSource(string path, byte[] utf8, int firstLine)
    {
        Path = path;
        _utf8 = utf8;
        FirstLine = firstLine;
    }

    public string Path { get; init; }

    /// <summary>The Markdown; decoded again on each read when the source was made by <see cref="Compact"/>.</summary>
    public string Text
    {
        get => _text ?? System.Text.Encoding.UTF8.GetString(_utf8!);
        init
        {
            _text = value;
            _utf8 = null;
        }
    }

    public int FirstLine { get; init; }

    /// <summary>
    /// A body held as UTF-8 until it is rendered (<see cref="Expanded"/>). A one-off build parses every file before
    /// it renders any: at 10,000 commentaries the bodies held meanwhile were 140 MB as text, long enough for the
    /// collector to copy them into its oldest generation.
    /// </summary>
    public static MarkdownSource Compact(string path, ReadOnlySpan<char> text, int firstLine)
    {
        // On the pinned heap, which the collector never compacts: held across many collections, the bodies were copied
        // from generation to generation.
        var utf8 = GC.AllocateUninitializedArray<byte>(System.Text.Encoding.UTF8.GetByteCount(text), pinned: true);
        System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return new(path, utf8, firstLine);
    }

    /// <summary>The same source with its text decoded once, for a step that reads it several times.</summary>
    public MarkdownSource Expanded() => _text is not null ? this : new MarkdownSource(Path, Text, FirstLine);

    /// <summary>Equal when path, first line and text are, however each holds its text.</summary>
    public bool Equals(MarkdownSource? other) =>
        other is not null && Path == other.Path && FirstLine == other.FirstLine && SameText(other);

    private bool SameText(MarkdownSource other)
    {
        if (_text is null && other._text is null)
        {
            return _utf8.AsSpan().SequenceEqual(other._utf8);
        }
        if (_text is not null && other._text is not null)
        {
            return _text == other._text;
        }
        // One text, one UTF-8 body: a rendered commentary's body emptied is compared with the body it had, so a
        // length tells them apart more often than not, and costs no decoding.
        var (text, utf8) = _text is not null ? (_text, other._utf8!) : (other._text!, _utf8!);
        return System.Text.Encoding.UTF8.GetByteCount(text) == utf8.Length && text == System.Text.Encoding.UTF8.GetString(utf8);
    }

    public override int GetHashCode() => HashCode.Combine(Path, FirstLine);
}

public sealed record Commentary(
    string Slug,
    string Title,
    DateOnly Date,
    string Summary,
    string? Type,
    string? Series,
    ImmutableArray<string> Authors,
    string? Source,
    string? Publisher,
    ImmutableArray<string> Actors,
    bool Autolink,
    MarkdownSource Body)
{
    public string Url => $"/commentaries/{Slug}/";

    /// <summary>Old addresses of the page (<c>redirect_from</c>), each sending readers on to it.</summary>
    public ImmutableArray<Located> RedirectFrom { get; init; } = [];

    /// <summary>
    /// The order of every list of commentaries: newest first, then by title, then by file, so that the
    /// order never depends on how a sort treats equals. A comparison rather than LINQ ordering: the
    /// sorts over dates and tuples it needs were compiled at start-up (bench/: cold start).
    /// </summary>
    public static int NewestFirst(Commentary a, Commentary b)
    {
        var byDate = b.Date.CompareTo(a.Date);
        if (byDate != 0)
        {
            return byDate;
        }
        var byTitle = string.CompareOrdinal(a.Title, b.Title);
        return byTitle != 0 ? byTitle : string.CompareOrdinal(a.Body.Path, b.Body.Path);
    }
}

/// <param name="Related">The terms named under <c>related</c>, as written (id, title or alias); the term pages resolve them.</param>
public sealed record GlossaryTerm(
    string Id,
    string Title,
    ImmutableArray<Located> Aliases,
    string Summary,
    ImmutableArray<Located> Related,
    bool? CaseSensitive,
    MarkdownSource Body)
{
    public string Url => $"/glossary/{Id}/";

    /// <summary>Surnames and short forms: linked only once the full name (title or an alias) has appeared earlier in the page.</summary>
    public ImmutableArray<Located> ShortNames { get; init; } = [];

    /// <summary>Phrases that never link to this entry, and that keep any shorter name inside them from linking.</summary>
    public ImmutableArray<Located> NeverLink { get; init; } = [];

    /// <summary>Where the title is written, for messages about it.</summary>
    public SourceLocation TitleLocation { get; init; } = new(Body.Path, 2, 1);
}

public enum ActorKind
{
    State,
    Organisation,
    Person,
}

public sealed record Actor(
    string Id,
    string Title,
    ImmutableArray<Located> Aliases,
    ActorKind Kind,
    string? Affiliation,
    string? Summary,
    bool? CaseSensitive,
    MarkdownSource Body)
{
    public string Url => $"/actors/{Id}/";

    /// <summary>Surnames and short forms: linked only once the full name (title or an alias) has appeared earlier in the page.</summary>
    public ImmutableArray<Located> ShortNames { get; init; } = [];

    /// <summary>Phrases that never link to this entry, and that keep any shorter name inside them from linking.</summary>
    public ImmutableArray<Located> NeverLink { get; init; } = [];

    /// <summary>Where the title is written, for messages about it.</summary>
    public SourceLocation TitleLocation { get; init; } = new(Body.Path, 2, 1);
}
