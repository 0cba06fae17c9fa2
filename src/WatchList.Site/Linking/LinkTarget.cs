using System.Collections.Immutable;

namespace WatchList.Site.Linking;

public enum TargetKind
{
    Term,
    Actor,
}

/// <summary>A glossary term or an actor, as mentions link to it.</summary>
public sealed record LinkTarget(
    TargetKind Kind,
    string Id,
    string Title,
    string Url,
    string Summary,
    string SourcePath,
    ImmutableArray<string> Aliases,
    bool CaseSensitive)
{
    /// <summary>Unique across terms and actors: "term-yongbyon", "actor-north-korea".</summary>
    public string Key { get; } = KeyOf(Kind, Id);

    /// <summary>Names that link only after the title or an alias has appeared earlier in the same page.</summary>
    public ImmutableArray<string> ShortNames { get; init; } = [];

    /// <summary>Phrases that never link here; a match of one covers its text, so no shorter name inside it links.</summary>
    public ImmutableArray<string> NeverLink { get; init; } = [];

    /// <summary>The id of the first mention in a page, where backlinks point.</summary>
    /// <remarks>Made once: every page's first mention of the target, and every backlink to it, holds it.</remarks>
    public string Anchor { get; } = "mention-" + KeyOf(Kind, Id);

    /// <summary>
    /// The title, alias or short name written exactly as <paramref name="text"/>, or null: a backlink's context, kept
    /// until the target's page is written, then holds no copy of a name of its own.
    /// </summary>
    public string? NameWrittenAs(ReadOnlySpan<char> text) =>
        text.SequenceEqual(Title) ? Title : WrittenAs(Aliases, text) ?? WrittenAs(ShortNames, text);

    private static string? WrittenAs(ImmutableArray<string> names, ReadOnlySpan<char> text)
    {
        foreach (var name in names)
        {
            if (text.SequenceEqual(name))
            {
                return name;
            }
        }
        return null;
    }

    private static string KeyOf(TargetKind kind, string id) => (kind == TargetKind.Term ? "term-" : "actor-") + id;
}

/// <summary>The sentence around a mention, cut in three so the mention can be highlighted.</summary>
public sealed record MentionContext(string Before, string Mention, string After);

/// <summary>How often one page mentions one target, and where it does first.</summary>
public sealed record TargetMentions(LinkTarget Target, int Count, MentionContext FirstMention, bool Linked);

/// <summary>How many mentions are turned into links.</summary>
public enum LinkPolicy
{
    /// <summary>The first mention of each target in a page.</summary>
    First,
    /// <summary>The first mention of each target in every section (a heading starts one).</summary>
    FirstPerSection,
    /// <summary>Every mention.</summary>
    All,
}
