using WatchList.Preview.Serving;

namespace WatchList.Preview.Tests;

/// <summary>Request paths map to the built site under its base path, and never to anything outside the output folder.</summary>
public sealed class SiteFilesTests : IDisposable
{
    private readonly ServedFolder _folder = new();
    private readonly SiteFiles _files;

    public SiteFilesTests()
    {
        _files = new SiteFiles(_folder.Output) { BasePath = "/watchlist/" };
    }

    public void Dispose() => _folder.Dispose();

    private string FileOf(string target)
    {
        var resolution = _files.Resolve(target);
        var file = Assert.IsType<Resolution.File>(resolution);
        return Path.GetRelativePath(_folder.Output, file.Path).Replace('\\', '/');
    }

    [Fact]
    public void The_base_path_serves_the_home_page()
    {
        Assert.Equal("index.html", FileOf("/watchlist/"));
    }

    [Theory]
    [InlineData("/", "/watchlist/")]
    [InlineData("/watchlist", "/watchlist/")]
    [InlineData("/watchlist/glossary/yongbyon", "/watchlist/glossary/yongbyon/")]
    public void The_root_and_folders_without_their_slash_redirect(string target, string location)
    {
        Assert.Equal(new Resolution.Redirect(location), _files.Resolve(target));
    }

    [Theory]
    [InlineData("/watchlist/glossary/yongbyon/", "glossary/yongbyon/index.html")]
    [InlineData("/watchlist/glossary/yongbyon/index.html", "glossary/yongbyon/index.html")]
    [InlineData("/watchlist/assets/style.css?v=2", "assets/style.css")]
    [InlineData("/watchlist/about", "about.html")]
    [InlineData("/watchlist/%61ssets/style.css", "assets/style.css")]
    public void Pages_and_files_are_found_as_GitHub_Pages_finds_them(string target, string file)
    {
        Assert.Equal(file, FileOf(target));
    }

    [Theory]
    [InlineData("/glossary/yongbyon/")]
    [InlineData("/watchlist-other/index.html")]
    [InlineData("/watchlist/missing/")]
    [InlineData("/watchlist/glossary//yongbyon/")]
    public void Paths_outside_the_base_path_or_not_published_are_not_found(string target)
    {
        Assert.IsType<Resolution.NotFound>(_files.Resolve(target));
    }

    [Theory]
    [InlineData("/watchlist/../secret.txt")]
    [InlineData("/watchlist/../../../../etc/passwd")]
    [InlineData("/watchlist/glossary/../../secret.txt")]
    [InlineData("/watchlist/%2e%2e/secret.txt")]
    [InlineData("/watchlist/%2E%2E/secret.txt")]
    [InlineData("/watchlist/.%2e/secret.txt")]
    [InlineData("/watchlist/%2e%2e%2fsecret.txt")]
    [InlineData("/watchlist/..%2fsecret.txt")]
    [InlineData("/watchlist/..%5csecret.txt")]
    [InlineData("/watchlist/..%5c..%5csecret.txt")]
    [InlineData("/watchlist/..\\secret.txt")]
    [InlineData("/watchlist/%2fetc%2fpasswd")]
    [InlineData("/watchlist/%2Fetc/passwd")]
    [InlineData("/watchlist/%c0%ae%c0%ae/secret.txt")]
    [InlineData("/watchlist/%00/secret.txt")]
    [InlineData("/watchlist/C:/Windows/win.ini")]
    [InlineData("/watchlist/C%3a%5cWindows%5cwin.ini")]
    [InlineData("/watchlist/%zz/secret.txt")]
    [InlineData("/watchlist/%")]
    [InlineData("http://127.0.0.1/../secret.txt")]
    [InlineData("../secret.txt")]
    [InlineData("secret.txt")]
    [InlineData("*")]
    public void Traversal_attempts_are_refused(string target)
    {
        Assert.IsType<Resolution.Refused>(_files.Resolve(target));
    }

    [Theory]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/watchlist//etc/passwd")]
    [InlineData("/watchlist/%252e%252e/secret.txt")]
    [InlineData("/watchlist/private/secret.txt")]
    [InlineData("/watchlist/secret.txt")]
    public void Absolute_paths_and_double_encoding_lead_to_no_file(string target)
    {
        Assert.IsNotType<Resolution.File>(_files.Resolve(target));
    }

    [Theory]
    [InlineData("/watchlist/linked-secret.txt")]
    [InlineData("/watchlist/linked-folder/secret.txt")]
    [InlineData("/watchlist/linked-folder/")]
    public void Symbolic_links_pointing_outside_are_not_followed(string target)
    {
        Assert.IsType<Resolution.NotFound>(_files.Resolve(target));
    }

    [Fact]
    public void A_site_at_the_root_serves_from_the_root()
    {
        _files.BasePath = "/";

        Assert.Equal("index.html", Path.GetFileName(Assert.IsType<Resolution.File>(_files.Resolve("/")).Path));
        Assert.IsType<Resolution.Refused>(_files.Resolve("/../secret.txt"));
        Assert.IsType<Resolution.NotFound>(_files.Resolve("//etc/passwd"));
    }
}
