using CsCheck;
using WatchList.Site.Content;

namespace WatchList.Site.Tests.Content;

/// <summary>Canonical links, feeds, sitemaps and citations give a page's full address: it must be the address a browser resolves.</summary>
public class AbsoluteUrlTests
{
    private static SiteSettings Site(string baseUrl) => new("Site", "", new Uri(baseUrl), "en", "");

    [Theory]
    [InlineData("https://owner.github.io/repo/")]
    [InlineData("http://localhost/")]
    [InlineData("https://example.org/a/b/")]
    [InlineData("https://example.org/a/b")]
    [InlineData("https://example.org/a/?q=1")]
    public void A_site_path_resolves_against_the_base_url_as_a_browser_would(string baseUrl)
    {
        var site = Site(baseUrl);
        // What resolving gives, or that it fails ("a:" reads as a drive letter): the same either way.
        Gen.String[Gen.Char["aZ09-_~/.%?#: é"], 0, 14].Sample(path =>
            Assert.Equal(Outcome(() => new Uri(site.BaseUrl, path.TrimStart('/')).AbsoluteUri), Outcome(() => site.AbsoluteUrl(path))), iter: 20_000);
    }

    private static string Outcome(Func<string> resolve)
    {
        try
        {
            return resolve();
        }
        catch (UriFormatException e)
        {
            return "fails: " + e.Message;
        }
    }

    [Fact]
    public void The_paths_the_site_makes_join_the_base_path()
    {
        var site = Site("https://owner.github.io/repo/");
        Assert.Equal("https://owner.github.io/repo/commentaries/2019-talks/cite.bib", site.AbsoluteUrl("/commentaries/2019-talks/cite.bib"));
        Assert.Equal("https://owner.github.io/repo/", site.AbsoluteUrl("/"));
        Assert.Equal("https://owner.github.io/a%20b/", site.AbsoluteUrl("/../a b/"));
    }
}
