using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Diagnostics;
using WatchList.Site.FrontMatter;
using WatchList.Site.Linking;

namespace WatchList.Site.Content;

/// <summary>
/// Names of terms or actors written in front matter (<c>actors</c>, <c>related</c>), read exactly as
/// <c>[[...]]</c> links are read: by id, title or alias, in any case, with the same "did you mean".
/// </summary>
public static class EntryNames
{
    /// <summary>The ids the names stand for, each once, in the order written; every name that stands for none is reported.</summary>
    /// <param name="key">The front matter key the names were written under, for messages.</param>
    public static ImmutableArray<string> Resolve(
        MentionLinker linker, string key, ImmutableArray<Located> names, TargetKind kind, Action<Diagnostic> report)
    {
        var what = Describe(kind);
        var ids = ImmutableArray.CreateBuilder<string>(names.Length);
        foreach (var (name, at) in names)
        {
            if (linker.Resolve(name, kind, out var candidates) is { } target)
            {
                if (!ids.Contains(target.Id))
                {
                    ids.Add(target.Id);
                }
            }
            else if (candidates.Count > 1)
            {
                report(Diagnostic.Error(at, $"'{key}' names '{name}', which could mean {string.Join(" or ", candidates.Select(t => t.SourcePath))}",
                    "write the id of the one you mean, its file name without .md"));
            }
            else if (linker.Resolve(name, null, out _) is { } other)
            {
                report(Diagnostic.Error(at, $"'{key}' names '{name}', which is {Article(other.Kind)} {Describe(other.Kind)}, not {Article(kind)} {what}",
                    DidYouMean.Hint(name, linker.NamesFor(kind), $"'{key}' lists {what}s only: use the id, title or an alias of one")));
            }
            else
            {
                report(Diagnostic.Error(at, $"'{key}' names {what} '{name}', which does not exist",
                    DidYouMean.Hint(name, linker.NamesFor(kind), $"use the id, title or an alias of an existing {what}")));
            }
        }
        return ids.ToImmutable();
    }

    private static string Describe(TargetKind kind) => kind == TargetKind.Term ? "glossary term" : "actor";

    private static string Article(TargetKind kind) => kind == TargetKind.Term ? "a" : "an";
}
