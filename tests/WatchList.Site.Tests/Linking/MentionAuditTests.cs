using WatchList.Pipeline;
using WatchList.Site.Linking;

namespace WatchList.Site.Tests.Linking;

/// <summary>The editor's audit behind <c>watchlist check --mentions</c>: every automatic link, where it stands and where it goes.</summary>
public class MentionAuditTests
{
    private static TestSite Site(string linkMentions)
    {
        var site = TestSite.Minimal();
        site.Write("site.yml", $"""
            title: Linking Test Site
            base_url: https://example.org/
            link_mentions: {linkMentions}
            """);
        site.Write("glossary/yongbyon.md", """
            ---
            title: Yongbyon
            summary: North Korea's main nuclear research centre.
            ---
            The complex.
            """);
        site.Write("actors/kim-jong-un.md", """
            ---
            title: Kim Jong-un
            short_names: [Kim]
            kind: person
            ---
            The leader.
            """);
        site.Write("commentaries/2019-05-01-second.md", """
            ---
            title: "Second"
            date: 2019-05-01
            summary: "A second piece."
            ---
            Kim spoke first. Then Kim Jong-un
            visited Yongbyon, and Kim left [[yongbyon|the site]].

            - Yongbyon again.
            """);
        return site;
    }

    private static BuildOptions Options(TestSite site) => new(site.Input, site.Output, site.Theme);

    [Fact]
    public async Task Audit_lists_every_automatic_link_with_its_place_words_entry_and_sentence()
    {
        using var site = Site("all");
        var file = Path.Combine(site.Input, "commentaries", "2019-05-01-second.md");

        var report = await MentionAudit.ListAsync(Options(site), [file]);

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.Equal(
            [(6, 23, "Kim Jong-un", "actor-kim-jong-un"), (7, 9, "Yongbyon", "term-yongbyon"), (7, 23, "Kim", "actor-kim-jong-un"),
             (9, 3, "Yongbyon", "term-yongbyon")],
            report.Links.Select(l => (l.Location.Line, l.Location.Column, l.Text, l.Target.Key)));
        Assert.All(report.Links, l => Assert.EndsWith("2019-05-01-second.md", l.Location.Path, StringComparison.Ordinal));
        var kim = report.Links[2];
        Assert.Equal("Then Kim Jong-un visited Yongbyon, and [Kim] left the site.", MentionAudit.Sentence(kim.Sentence));
        Assert.Equal($"{kim.Location.Path}:7:23: Kim -> Kim Jong-un (/actors/kim-jong-un/): Then Kim Jong-un visited Yongbyon, and [Kim] left the site.",
            MentionAudit.Text(kim));
        Assert.Equal($"{kim.Location.Path}\t7\t23\tKim\tactor-kim-jong-un\tKim Jong-un\tThen Kim Jong-un visited Yongbyon, and [Kim] left the site.",
            MentionAudit.Tsv(kim));
    }

    [Fact]
    public async Task Audit_follows_the_sites_link_mentions_setting()
    {
        using var site = Site("first");

        var report = await MentionAudit.ListAsync(Options(site), []);

        // Only the first mention of each entry is linked; the audit lists what readers will see.
        Assert.Equal(["Kim Jong-un", "Yongbyon"], report.Links.Where(l => l.Location.Path.EndsWith("second.md", StringComparison.Ordinal)).Select(l => l.Text));
    }

    [Fact]
    public async Task Audit_of_every_commentary_when_no_file_is_named()
    {
        using var site = Site("all");

        var report = await MentionAudit.ListAsync(Options(site), []);

        // The minimal site's own commentary mentions Yongbyon too.
        Assert.Equal(["2019-04-26-back-to-the-table.md", "2019-05-01-second.md"],
            report.Links.Select(l => Path.GetFileName(l.Location.Path)).Distinct());
    }

    [Fact]
    public async Task Audit_of_a_file_that_is_no_commentary_is_an_error()
    {
        using var site = Site("all");

        var report = await MentionAudit.ListAsync(Options(site), [Path.Combine(site.Input, "glossary", "yongbyon.md")]);

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("is not a commentary of this site", error.Message);
        Assert.Empty(report.Links);
    }
}
