using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Diagnostics;
using WatchList.Site.FrontMatter;
using WatchList.Site.Linking;
using WatchList.Site.Reading;

namespace WatchList.Site.Content;

/// <summary>Input module: reads <c>site.yml</c> into one document carrying <see cref="SiteSettings"/>.</summary>
public sealed class ReadSiteSettings(string inputFolder, Uri? baseUrlOverride) : IModule
{
    private static readonly string[] KnownKeys = ["title", "description", "base_url", "language", "author", "link_mentions", "page_size", "recent_mentions"];

    private static readonly Dictionary<string, LinkPolicy> Policies = new(StringComparer.Ordinal)
    {
        ["first"] = LinkPolicy.First,
        ["first-per-section"] = LinkPolicy.FirstPerSection,
        ["all"] = LinkPolicy.All,
    };

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var shownFolder = DisplayPath.For(inputFolder).TrimEnd('/') + "/";
        if (!Directory.Exists(inputFolder) || !Directory.EnumerateFileSystemEntries(inputFolder).Any())
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shownFolder),
                "the input folder is empty or missing",
                "it needs site.yml and a commentaries/ folder of Markdown files (see the README)"));
        }
        var path = Path.Combine(inputFolder, "site.yml");
        var shown = DisplayPath.For(path);
        if (!File.Exists(path))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shown),
                "the site settings file is missing", "create site.yml with at least 'title' and 'base_url'"));
        }
        var text = ReadFiles.DecodeUtf8(shown, File.ReadAllBytes(path));
        var fields = FieldReader.Parse(shown, text, lineOffset: 0);
        var title = fields.Text("title", required: true);
        var baseUrl = baseUrlOverride ?? ParseBaseUrl(fields);
        var settings = new SiteSettings(
            title ?? "",
            fields.Text("description") ?? "",
            baseUrl ?? new Uri("http://localhost/"),
            fields.Text("language") ?? "en",
            fields.Text("author") ?? "",
            ParsePolicy(fields),
            Count(fields, "page_size", "commentaries a listing page shows", SiteSettings.DefaultPageSize),
            Count(fields, "recent_mentions", "mentions an entry's page quotes", SiteSettings.DefaultRecentMentions));
        fields.WarnUnknownKeys(KnownKeys);
        context.Diagnostics.AddRange(fields.Problems);
        return ValueTask.FromResult(fields.HasErrors
            ? ImmutableArray<Document>.Empty
            : [Document.Create(shown, "").With(SiteKeys.Settings, settings)]);
    }

    private static LinkPolicy ParsePolicy(FieldReader fields)
    {
        var text = fields.Text("link_mentions");
        if (text is null)
        {
            return LinkPolicy.First;
        }
        if (Policies.TryGetValue(text, out var policy))
        {
            return policy;
        }
        fields.Error(fields.ValueLocation("link_mentions"), $"'link_mentions' is '{text}', which is not a linking rule",
            DidYouMean.Hint(text, Policies.Keys, "use first, first-per-section or all"));
        return LinkPolicy.First;
    }

    /// <summary>A whole number from 1 to 1000 under <paramref name="key"/>, or its default when the key is absent.</summary>
    private static int Count(FieldReader fields, string key, string what, int byDefault)
    {
        var text = fields.Text(key);
        if (text is null)
        {
            return byDefault;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 1000)
        {
            return count;
        }
        fields.Error(fields.ValueLocation(key), $"'{key}' is '{text}', which is not a number of {what} from 1 to 1000",
            $"write a whole number, such as '{key}: {byDefault}' (the default)");
        return byDefault;
    }

    private static Uri? ParseBaseUrl(FieldReader fields)
    {
        var text = fields.Text("base_url", required: true);
        if (text is null)
        {
            return null;
        }
        if (TryParseBaseUrl(text, out var url))
        {
            return url;
        }
        fields.Error(fields.ValueLocation("base_url"), $"'base_url' is '{text}', which is not an absolute web address",
            "write the address the site is published at, such as https://owner.github.io/repo/");
        return null;
    }

    /// <summary>An absolute http(s) address, normalised to end with '/' so pages resolve below it.</summary>
    public static bool TryParseBaseUrl(string text, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" &&
            string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment))
        {
            url = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
            return true;
        }
        url = null!;
        return false;
    }
}
