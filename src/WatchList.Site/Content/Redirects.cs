using System.Collections.Immutable;
using System.Net;
using System.Text;
using WatchList.Pipeline;
using WatchList.Site.Checks;
using WatchList.Site.FrontMatter;
using WatchList.Site.Output;

namespace WatchList.Site.Content;

/// <summary>
/// <c>redirect_from</c>: old addresses of a commentary, from the site root (<c>/old/address/</c>). Each gets a
/// small page that sends readers on, names the new page as canonical and asks search engines not to index it.
/// </summary>
public static class Redirects
{
    /// <summary>The old addresses in a commentary's front matter; an address that leaves the site is an error at its line.</summary>
    public static ImmutableArray<Located> Read(FieldReader fields)
    {
        var addresses = ImmutableArray.CreateBuilder<Located>();
        foreach (var item in fields.List("redirect_from"))
        {
            if (Problem(item.Value) is { } problem)
            {
                fields.Error(item.Location, $"'redirect_from' holds '{item.Value}', which {problem}",
                    "write an old address of this site from its root, such as /2019/04/old-title/");
                continue;
            }
            addresses.Add(item);
        }
        return addresses.ToImmutable();
    }

    private static string? Problem(string address) =>
        address.Contains("://", StringComparison.Ordinal) || address.StartsWith("//", StringComparison.Ordinal) ||
            (address.IndexOf(':') is var colon and > 0 && !address[..colon].Contains('/'))
            ? "is an address on another site: a redirect can only be made from an address of this one"
        : !address.StartsWith('/') ? "is not written from the site root"
        : address.Split('/').Any(part => part is "." or "..") || address.Contains('\\') ? "leaves the site's folder ('..', '.' or '\\')"
        : address.IndexOfAny(['?', '#']) >= 0 ? "has a query or fragment, which a static site cannot redirect"
        : address.Any(char.IsWhiteSpace) ? "holds white space"
        : address == "/" ? "is the home page"
        : null;

    /// <summary>The file a redirect is written to: "/old/" and "/old" are old/index.html, "/old.html" is old.html.</summary>
    public static string DestinationOf(string address)
    {
        var path = address.TrimStart('/');
        return path.EndsWith('/') ? path + "index.html"
            : path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? path
            : path + "/index.html";
    }

    /// <summary>The page at an old address, sending readers to <paramref name="commentary"/> under the base path.</summary>
    public static string Page(SiteSettings site, Commentary commentary)
    {
        var link = WebUtility.HtmlEncode(site.Link(commentary.Url));
        var canonical = WebUtility.HtmlEncode(site.AbsoluteUrl(commentary.Url));
        var title = WebUtility.HtmlEncode(commentary.Title);
        return $"""
            <!doctype html>
            <html lang="{WebUtility.HtmlEncode(site.Language)}">
            <head>
            <meta charset="utf-8">
            <title>Moved: {title}</title>
            <link rel="canonical" href="{canonical}">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url={link}">
            </head>
            <body>
            <p>This page has moved to <a href="{link}">{title}</a>.</p>
            </body>
            </html>

            """;
    }
}

/// <summary>Process module: a redirect page at each old address of each commentary, located at its front-matter line.</summary>
public sealed class CreateRedirects(string commentariesPipeline) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
        ValueTask.FromResult(inputs.AddRange(context.OutputsOf(commentariesPipeline)
            .Select(page => page.Get(SiteKeys.Commentary))
            .SelectMany(commentary => commentary.RedirectFrom.Select(old =>
                Document.Create("", Redirects.DestinationOf(old.Value))
                    .With(SiteKeys.Commentary, commentary)
                    .With(CheckDestinations.Origin, old.Location)))));

    /// <summary>The redirect page's content, and a digest of what it is written from.</summary>
    public static SiteFile Write(Document document, PipelineContext context)
    {
        var page = Redirects.Page(Pages.SitePages.Settings(context), document.Get(SiteKeys.Commentary));
        return new SiteFile(stream => stream.Write(Encoding.UTF8.GetBytes(page)), () => Fingerprint.Of(page));
    }
}
