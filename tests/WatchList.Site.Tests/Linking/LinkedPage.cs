using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;

namespace WatchList.Site.Tests.Linking;

/// <summary>Glossary terms and actors as the linker sees them, written in a line each.</summary>
internal static class Entries
{
    /// <summary>A glossary term: matched whatever its capitals, like <see cref="BuildLinker.Target(GlossaryTerm)"/>.</summary>
    public static LinkTarget Term(string id, string title, params string[] aliases) =>
        new(TargetKind.Term, id, title, $"/glossary/{id}/", $"What {title} means.", $"input/glossary/{id}.md", [.. aliases], CaseSensitive: false);

    /// <summary>A term whose file says <c>case_sensitive: true</c>.</summary>
    public static LinkTarget ExactTerm(string id, string title, params string[] aliases) =>
        Term(id, title, aliases) with { CaseSensitive = true };

    /// <summary>An actor: a proper name, matched with its capitals, like <see cref="BuildLinker.Target(Actor)"/>.</summary>
    public static LinkTarget Actor(string id, string title, params string[] aliases) =>
        new(TargetKind.Actor, id, title, $"/actors/{id}/", $"Who {title} is.", $"input/actors/{id}.md", [.. aliases], CaseSensitive: true);

    public static readonly LinkTarget Yongbyon = Term("yongbyon", "Yongbyon", "Yongbyon nuclear facility", "Nyongbyon");
    public static readonly LinkTarget Kaesong = Term("kaesong-industrial-complex", "Kaesong Industrial Complex", "Kaesong", "KIC");
    public static readonly LinkTarget SixPartyTalks = Term("six-party-talks", "Six-Party Talks", "Six Party Talks");
    public static readonly LinkTarget Armistice = Term("armistice", "armistice", "Korean Armistice Agreement");
    public static readonly LinkTarget NorthKorea = Actor("north-korea", "North Korea", "North Korean", "Pyongyang", "DPRK");
    public static readonly LinkTarget UnitedStates = Actor("united-states", "United States", "U.S.", "US", "Washington");
    public static readonly LinkTarget KimJongUn = Actor("kim-jong-un", "Kim Jong-un", "Kim", "Chairman Kim");
    public static readonly LinkTarget KimYongChol = Actor("kim-yong-chol", "Kim Yong-chol", "Vice Chairman Kim");
    public static readonly LinkTarget MoonJaeIn = Actor("moon-jae-in", "Moon Jae-in", "Moon", "President Moon");

    public static readonly ImmutableArray<LinkTarget> All =
        [Yongbyon, Kaesong, SixPartyTalks, Armistice, NorthKorea, UnitedStates, KimJongUn, KimYongChol, MoonJaeIn];
}

/// <summary>
/// One commentary body linked and rendered the way the build does it (parse, link the tree, render),
/// with the HTML parsed again so tests can look at it as a browser would.
/// </summary>
internal sealed class LinkedPage
{
    public const string BasePath = "/base";
    public const string SourcePath = "input/commentaries/x.md";
    public const int FirstLine = 5;

    private LinkedPage(string html, LinkResult result)
    {
        Html = html;
        Result = result;
        Dom = new HtmlParser().ParseDocument(html);
    }

    public string Html { get; }
    public LinkResult Result { get; }
    public IHtmlDocument Dom { get; }

    public static LinkedPage Link(string markdown, LinkPolicy policy = LinkPolicy.First, bool automatic = true) =>
        Link(markdown, Entries.All, policy, automatic);

    public static LinkedPage Link(string markdown, IEnumerable<LinkTarget> targets, LinkPolicy policy = LinkPolicy.First, bool automatic = true)
    {
        var renderer = new MarkdownRenderer();
        var linker = new MentionLinker([.. targets]);
        var tree = renderer.Parse(markdown);
        var result = linker.Link(tree, new MarkdownSource(SourcePath, markdown, FirstLine),
            new LinkOptions(policy, path => BasePath + path, automatic));
        return new LinkedPage(renderer.Render(tree), result);
    }

    /// <summary>Every link on the page, as a reader meets them: the text inside and where it goes.</summary>
    public IReadOnlyList<(string Text, string Href)> Links =>
        [.. Dom.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href") ?? ""))];

    /// <summary>The links the linker made to terms and actors.</summary>
    public IReadOnlyList<IElement> Mentions => [.. Dom.QuerySelectorAll("a.mention")];

    /// <summary>The text of each linked mention.</summary>
    public IReadOnlyList<string> LinkedTexts => [.. Mentions.Select(a => a.TextContent)];

    public TargetMentions MentionsOf(LinkTarget target) => Assert.Single(Result.Mentions, m => m.Target == target);

    public static string Href(LinkTarget target) => BasePath + target.Url;
}
