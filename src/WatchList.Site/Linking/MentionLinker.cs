using System.Collections.Immutable;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Diagnostics;
using WatchList.Site.Linking.Mentions;
using WatchList.Site.Linking.WikiLinks;

namespace WatchList.Site.Linking;

/// <summary>What linking one page found: its mentions per target, in order of first mention, and any problems.</summary>
public sealed record LinkResult(ImmutableArray<TargetMentions> Mentions, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Every automatic link made, in order; filled only when <see cref="LinkOptions.Audit"/> asks for it.</summary>
    public ImmutableArray<AutomaticLink> AutomaticLinks { get; init; } = [];
}

/// <summary>One automatic link as an editor audits it: where it stands, the words matched, where it goes and its sentence.</summary>
public sealed record AutomaticLink(SourceLocation Location, string Text, LinkTarget Target, MentionContext Sentence);

/// <summary>How one page is linked.</summary>
/// <param name="Automatic">False when the editor switched automatic linking off for the whole page.</param>
/// <param name="Self">The page's own entry, never linked to itself.</param>
/// <param name="Link">Turns a site path into the published address (adds the base path).</param>
public sealed record LinkOptions(LinkPolicy Policy, Func<string, string> Link, bool Automatic = true, LinkTarget? Self = null)
{
    /// <summary>Records every automatic link with its place and sentence, for <c>watchlist check --mentions</c>.</summary>
    public bool Audit { get; init; }
}

/// <summary>
/// Finds mentions of terms and actors in a parsed Markdown tree and wraps them in <see cref="MentionInline"/>
/// nodes: prose only (never headings, links, code, raw HTML or image text), mentions may run across a soft
/// line break, and <c>[[...]]</c> links are resolved by id, title or alias.
/// A short name links only after its entry's full name appeared earlier in the page (to the entry named in
/// full most recently), a never_link phrase covers its text, and a name joined to a longer proper name
/// ("Washington Post", "Sea of Japan") does not link: see <see cref="ProperNames"/>.
/// </summary>
public sealed class MentionLinker
{
    /// <summary>HTML comments an editor puts around a passage to keep automatic links out of it.</summary>
    public const string OffMarker = "<!-- autolink off -->";
    public const string OnMarker = "<!-- autolink on -->";

    private readonly ImmutableArray<LinkTarget> _targets;
    private readonly AliasAutomaton _automaton;
    private readonly Dictionary<string, List<LinkTarget>> _byName;
    private readonly Dictionary<string, LinkTarget> _byKey;
    // For each pattern that is a short name, the targets sharing its text (any of them may be meant).
    private readonly int[]?[] _shortOwners;
    private readonly bool _hasShortNames;

    public MentionLinker(ImmutableArray<LinkTarget> targets)
    {
        _targets = targets;
        _byKey = new Dictionary<string, LinkTarget>(targets.Length, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            _byKey.TryAdd(target.Key, target);
        }
        var patterns = new List<AliasAutomaton.Pattern>();
        _byName = new Dictionary<string, List<LinkTarget>>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < targets.Length; t++)
        {
            var target = targets[t];
            foreach (var name in NamesOf(target))
            {
                var normalized = AliasAutomaton.Normalize(name);
                var exact = target.CaseSensitive || AliasAutomaton.IsAllCapitals(normalized);
                patterns.Add(new AliasAutomaton.Pattern(normalized, exact, t));
            }
            foreach (var name in target.ShortNames)
            {
                var normalized = AliasAutomaton.Normalize(name);
                var exact = target.CaseSensitive || AliasAutomaton.IsAllCapitals(normalized);
                patterns.Add(new AliasAutomaton.Pattern(normalized, exact, t, AliasAutomaton.PatternKind.Short));
            }
            foreach (var phrase in target.NeverLink)
            {
                // Blocking is safer broad: a never_link phrase covers its words whatever their capitals.
                patterns.Add(new AliasAutomaton.Pattern(AliasAutomaton.Normalize(phrase), false, t, AliasAutomaton.PatternKind.Never));
            }
            foreach (var name in NamesOf(target).Append(target.Id))
            {
                var list = _byName.TryGetValue(name, out var found) ? found : _byName[name] = [];
                if (!list.Contains(target))
                {
                    list.Add(target);
                }
            }
        }
        _automaton = AliasAutomaton.Build(patterns.DistinctBy(p => (p.Text, p.Target, p.Kind)));
        _shortOwners = new int[]?[_automaton.Patterns.Length];
        var shortByText = _automaton.Patterns
            .Where(p => p.Kind == AliasAutomaton.PatternKind.Short)
            .GroupBy(p => p.Text, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Target).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < _automaton.Patterns.Length; p++)
        {
            if (_automaton.Patterns[p].Kind == AliasAutomaton.PatternKind.Short)
            {
                _shortOwners[p] = shortByText[_automaton.Patterns[p].Text];
                _hasShortNames = true;
            }
        }
    }

    public ImmutableArray<LinkTarget> Targets => _targets;

    /// <summary>The term or actor with this id, or null: found by key, not by a search of every target per page.</summary>
    public LinkTarget? TargetOf(TargetKind kind, string id) =>
        _byKey.GetValueOrDefault((kind == TargetKind.Term ? "term-" : "actor-") + id);

    /// <summary>
    /// The one target an editor's name stands for: its id, title or an alias, in any case. Used for <c>[[...]]</c>
    /// links and for the names in front matter (<c>actors</c>, <c>related</c>), so all three read names alike.
    /// </summary>
    /// <param name="kind">Only targets of this kind, or null for terms and actors alike.</param>
    /// <param name="candidates">Every target the name could mean: none when it is unknown, two or more when ambiguous.</param>
    public LinkTarget? Resolve(string name, TargetKind? kind, out IReadOnlyList<LinkTarget> candidates)
    {
        candidates = !_byName.TryGetValue(name, out var found) ? []
            : kind is null || found.TrueForAll(t => t.Kind == kind) ? found
            : found.FindAll(t => t.Kind == kind);
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Every name (id, title, alias) of the targets of one kind, or of all: the candidates of a "did you mean".</summary>
    public IEnumerable<string> NamesFor(TargetKind? kind) =>
        kind is null ? _byName.Keys : _byName.Where(n => n.Value.Exists(t => t.Kind == kind)).Select(n => n.Key);

    /// <summary>The title and aliases of a target, each once.</summary>
    public static IEnumerable<string> NamesOf(LinkTarget target) =>
        target.Aliases.Prepend(target.Title).Distinct(StringComparer.Ordinal);

    public LinkResult Link(MarkdownDocument document, MarkdownSource source, LinkOptions options)
    {
        var walk = new Walk(this, source, options);
        walk.Blocks(document);
        return walk.Result();
    }

    /// <summary>The state of linking one page, in document order.</summary>
    private sealed class Walk(MentionLinker linker, MarkdownSource source, LinkOptions options)
    {
        // Targets are the linker's own instances: compared by reference, never hashed field by field.
        private readonly Dictionary<LinkTarget, (int Count, MentionContext First, bool Linked)> _found = new(ReferenceEqualityComparer.Instance);
        private readonly List<LinkTarget> _order = [];
        private readonly HashSet<LinkTarget> _linkedInSection = new(ReferenceEqualityComparer.Instance);
        private readonly List<Diagnostic> _diagnostics = [];
        private bool _automatic = options.Automatic;
        // Links opened by raw HTML in the paragraph or heading being linked and not yet closed.
        private int _openAnchors;
        // A raw <a> left open at the end of its block: a browser carries it into what follows, in ways that
        // depend on the blocks after it, so nothing after it is linked automatically.
        private bool _anchorLeftOpen;
        private PlainText _paragraph = PlainText.Empty;
        // The paragraph whose plain text is not taken yet: it is taken when first needed, or before its
        // inlines are first changed, so paragraphs with nothing to link cost nothing.
        private ContainerInline? _untaken;
        private readonly PlainText.Scratch _plainText = PlainText.Scratch.ForThisThread;
        // Reused by every paragraph: the inlines of the run of text being matched.
        private readonly List<Inline> _run = [];
        // Reused by every run of the page: the normalised text matched, and the pieces it was copied from.
        private char[] _text = new char[512];
        private readonly List<Piece> _pieces = [];
        // Short names: when each target was last named in full, and when each short name last stood inside
        // a longer name that is no entry's ("Kim" in "Kim Yo-jong"), in the order of the page's matches.
        // Made only for a glossary with short names: a page costs nothing more without them.
        private readonly Dictionary<LinkTarget, int>? _namedAt = linker._hasShortNames ? new(ReferenceEqualityComparer.Instance) : null;
        private readonly Dictionary<string, int>? _shortTakenAt = linker._hasShortNames ? new(StringComparer.OrdinalIgnoreCase) : null;
        private int _sequence;
        private readonly List<AutomaticLink>? _audit = options.Audit ? [] : null;

        /// <summary>
        /// Normalised characters from <see cref="Start"/> on were copied one for one from run item
        /// <see cref="Item"/>, starting at <see cref="Offset"/>, until the next piece.
        /// </summary>
        private readonly record struct Piece(int Start, int Item, int Offset);

        public LinkResult Result() => new(
            [.. _order.Select(t => new TargetMentions(t, _found[t].Count, _found[t].First, _found[t].Linked))],
            [.. _diagnostics])
        {
            AutomaticLinks = _audit is null ? [] : [.. _audit],
        };

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        _linkedInSection.Clear();
                        RefuseLinksIn(heading.Inline);
                        // Nothing in a heading is linked, but a link its raw tags leave open is carried past it.
                        CountAnchorsIn(heading.Inline);
                        EndOfBlock();
                        break;
                    case HtmlBlock html:
                        var lines = html.Lines.ToString();
                        Toggle(lines);
                        if (RawHtml.AnchorChange(lines) > 0)
                        {
                            LeftOpen(new SourceLocation(source.Path, source.FirstLine + html.Line, html.Column + 1));
                        }
                        break;
                    case LeafBlock { Inline: { } inline }:
                        _untaken = inline;
                        Inlines(inline);
                        EndOfBlock();
                        break;
                    case ContainerBlock child:
                        Blocks(child);
                        break;
                }
            }
        }

        /// <summary>The words of the paragraph being linked, as they were before any of its inlines changed.</summary>
        private PlainText Paragraph()
        {
            if (_untaken is not null)
            {
                _paragraph = PlainText.Of(_untaken, _plainText);
                _untaken = null;
            }
            return _paragraph;
        }

        private HtmlInline? _lastAnchor;

        private void LeftOpen(SourceLocation location)
        {
            if (!_anchorLeftOpen)
            {
                _anchorLeftOpen = true;
                _diagnostics.Add(Diagnostic.Warning(location, "an <a> tag is not closed in its paragraph, so nothing after it is linked automatically",
                    "close it with </a> in the same paragraph"));
            }
        }

        private void Toggle(string html)
        {
            if (html.Contains(OffMarker, StringComparison.OrdinalIgnoreCase))
            {
                _automatic = false;
            }
            else if (html.Contains(OnMarker, StringComparison.OrdinalIgnoreCase))
            {
                _automatic = options.Automatic;
            }
        }

        /// <summary>Links are never made inside headings: explicit ones are kept as their text, with a warning.</summary>
        private void RefuseLinksIn(ContainerInline? container) =>
            KeepWordsOf(container, "is inside a heading and is not linked", "headings stay free of links; move the link into the text below");

        /// <summary>Replaces explicit links where no link may stand by their words, with a warning.</summary>
        private void KeepWordsOf(ContainerInline? container, string problem, string hint)
        {
            foreach (var wiki in container?.Descendants<WikiLinkInline>().ToList() ?? [])
            {
                KeepWords(wiki, problem, hint);
            }
        }

        private void KeepWords(WikiLinkInline wiki, string problem, string hint)
        {
            Paragraph();
            _diagnostics.Add(Diagnostic.Warning(Location(wiki), $"[[{wiki.Name}]] {problem}", hint));
            wiki.ReplaceBy(new LiteralInline(wiki.Label));
        }

        /// <summary>
        /// At the end of a paragraph or heading: a link its raw tags left open is reported, and the count starts
        /// again for the next block.
        /// </summary>
        private void EndOfBlock()
        {
            if (_openAnchors > 0)
            {
                LeftOpen(Location(_lastAnchor!));
            }
            _openAnchors = 0;
            _lastAnchor = null;
        }

        /// <summary>
        /// Counts a raw tag that opens or closes a link in the paragraph or heading being linked, as a browser reads
        /// them: a closing tag with no link open is ignored.
        /// </summary>
        private void CountAnchor(HtmlInline html)
        {
            if (RawHtml.AnchorChange(html.Tag) is var anchors and not 0)
            {
                _openAnchors = Math.Max(0, _openAnchors + anchors);
                _lastAnchor = html;
            }
        }

        /// <summary>
        /// Counts the raw tags inside inlines that are not linked (a heading, within raw HTML, a link's text): a link
        /// one of them leaves open is still carried by a browser past the block.
        /// </summary>
        private void CountAnchorsIn(ContainerInline? skipped)
        {
            if (skipped is null)
            {
                return;
            }
            foreach (var html in skipped.Descendants<HtmlInline>())
            {
                CountAnchor(html);
            }
        }

        private void Inlines(ContainerInline container)
        {
            // Every nested call comes after the run was flushed, so one list serves them all.
            var run = _run;
            var rawHtmlDepth = 0;
            var child = container.FirstChild;
            while (child is not null)
            {
                var next = child.NextSibling;
                if ((rawHtmlDepth > 0 || _openAnchors > 0 || _anchorLeftOpen) && child is not HtmlInline)
                {
                    // Text inside raw HTML (<a>, <span>...) is the editor's markup: never linked.
                    const string problem = "is inside raw HTML and is not linked", hint = "write the link outside the HTML";
                    if (child is WikiLinkInline inside)
                    {
                        KeepWords(inside, problem, hint);
                    }
                    KeepWordsOf(child as ContainerInline, problem, hint);
                    CountAnchorsIn(child as ContainerInline);
                    child = next;
                    continue;
                }
                switch (child)
                {
                    case LiteralInline:
                    case LineBreakInline { IsHard: false }:
                        run.Add(child);
                        break;
                    case WikiLinkInline wiki:
                        Flush(run);
                        Resolve(wiki);
                        break;
                    case HtmlInline html:
                        Flush(run);
                        Toggle(html.Tag);
                        rawHtmlDepth = Math.Max(0, rawHtmlDepth + RawHtml.DepthChange(html.Tag));
                        CountAnchor(html);
                        break;
                    case LinkInline link:
                        Flush(run);
                        KeepWordsOf(link, link.IsImage ? "is inside image text and is not linked" : "is inside a link and is not linked",
                            "a link cannot hold another link; move it out");
                        CountAnchorsIn(link);
                        break;
                    case CodeInline or AutolinkInline:
                        Flush(run);
                        break;
                    case ContainerInline nested:
                        Flush(run);
                        Inlines(nested);
                        break;
                    default:
                        Flush(run);
                        break;
                }
                child = next;
            }
            Flush(run);
        }

        private void Resolve(WikiLinkInline wiki)
        {
            var paragraph = Paragraph();
            if (linker.Resolve(wiki.Name, null, out var targets) is not { } target)
            {
                _diagnostics.Add(targets.Count > 1
                    ? Diagnostic.Error(Location(wiki), $"[[{wiki.Name}]] could mean {string.Join(" or ", targets.Select(t => t.SourcePath))}",
                        "write the id of the one you mean, its file name without .md")
                    : Diagnostic.Error(Location(wiki), $"unknown glossary term or actor '{wiki.Name}'",
                        DidYouMean.Hint(wiki.Name, linker.NamesFor(null), "link to a term or actor by its id, title or an alias")));
                wiki.ReplaceBy(new LiteralInline(wiki.Label));
                return;
            }
            _namedAt?[target] = ++_sequence;
            var context = _found.ContainsKey(target) ? null : paragraph.ContextOf(wiki, 0, wiki.Label.Length, target);
            // Always linked, so always a mention.
            var mention = Count(target, context, forceLink: true)!;
            mention.AppendChild(new LiteralInline(wiki.Label));
            wiki.ReplaceBy(mention);
        }

        /// <summary>Matches aliases in a run of text and soft line breaks, then wraps the chosen matches.</summary>
        private void Flush(List<Inline> run)
        {
            if (run.Count == 0)
            {
                return;
            }
            var length = Normalize(run);
            var matches = linker._automaton.FindLeftmostLongest(_text.AsSpan(0, length));
            if (matches.Count == 0)
            {
                run.Clear();
                return;
            }
            // Taken before the first wrap changes the paragraph's inlines.
            var paragraph = Paragraph();
            var wraps = new List<(AliasAutomaton.Match Match, MentionInline Mention)>(matches.Count);
            var text = _text.AsSpan(0, length);
            for (var m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                var pattern = linker._automaton.Patterns[match.Pattern];
                if (pattern.Kind == AliasAutomaton.PatternKind.Never)
                {
                    continue;
                }
                if (ProperNames.IsPartOfLongerName(text, matches, m))
                {
                    if (pattern.Kind == AliasAutomaton.PatternKind.Short)
                    {
                        _shortTakenAt![pattern.Text] = ++_sequence;
                    }
                    continue;
                }
                var target = pattern.Kind == AliasAutomaton.PatternKind.Short
                    ? MeantBy(match.Pattern)
                    : linker._targets[pattern.Target];
                if (target is null)
                {
                    continue;
                }
                if (pattern.Kind == AliasAutomaton.PatternKind.Name)
                {
                    _namedAt?[target] = ++_sequence;
                }
                if (target == options.Self)
                {
                    continue;
                }
                MentionContext? context = null;
                // Only a target's first mention keeps its sentence, for the backlinks (and every one for an audit).
                if (!_found.ContainsKey(target) || _audit is not null)
                {
                    var (firstItem, firstOffset) = SourceOf(match.Start);
                    var (lastItem, lastOffset) = SourceOf(match.Start + match.Length - 1);
                    context = paragraph.ContextOf(run[firstItem], firstOffset, paragraph.Offset(run[lastItem]) + lastOffset + 1 - paragraph.Offset(run[firstItem]) - firstOffset, target);
                }
                var mention = Count(target, _found.ContainsKey(target) ? null : context, forceLink: false);
                if (_audit is not null && mention is { Linked: true })
                {
                    var (firstItem, firstOffset) = SourceOf(match.Start);
                    var at = run[firstItem];
                    _audit.Add(new AutomaticLink(
                        new SourceLocation(source.Path, source.FirstLine + at.Line, at.Column + firstOffset + 1),
                        text.Slice(match.Start, match.Length).ToString(), target, context!));
                }
                if (mention is not null)
                {
                    wraps.Add((match, mention));
                }
            }
            // Right to left, so splitting a literal leaves the offsets of earlier matches valid.
            for (var w = wraps.Count - 1; w >= 0; w--)
            {
                var (match, mention) = wraps[w];
                var (firstItem, firstOffset) = SourceOf(match.Start);
                var (lastItem, lastOffset) = SourceOf(match.Start + match.Length - 1);
                Wrap(run, firstItem, firstOffset, lastItem, lastOffset + 1, mention);
            }
            run.Clear();
        }

        /// <summary>
        /// The entry a short name stands for: of those claiming it, the one named in full most recently, provided
        /// no longer name that is no entry's ("Kim Yo-jong") has used the short name since. Null when none.
        /// </summary>
        private LinkTarget? MeantBy(int pattern)
        {
            LinkTarget? meant = null;
            var latest = _shortTakenAt!.GetValueOrDefault(linker._automaton.Patterns[pattern].Text);
            foreach (var owner in linker._shortOwners[pattern]!)
            {
                var target = linker._targets[owner];
                if (_namedAt!.TryGetValue(target, out var at) && at > latest)
                {
                    meant = target;
                    latest = at;
                }
            }
            return meant;
        }

        /// <summary>
        /// Copies the run's text into the reused buffer as matching sees it (normalised, whitespace runs
        /// collapsed, a soft line break as a space), recording where each piece of it came from.
        /// </summary>
        /// <returns>How many characters were written.</returns>
        private int Normalize(List<Inline> run)
        {
            _pieces.Clear();
            var length = 0;
            for (var i = 0; i < run.Count; i++)
            {
                var continues = false;
                if (run[i] is LiteralInline literal)
                {
                    var text = literal.Content.AsSpan();
                    if (_text.Length < length + text.Length)
                    {
                        Array.Resize(ref _text, Math.Max(_text.Length * 2, length + text.Length));
                    }
                    var k = 0;
                    while (k < text.Length)
                    {
                        // Up to the next character that normalising changes, text is copied in one move,
                        // cut only where a space follows a space.
                        var unchanged = text[k..].IndexOfAny(AliasAutomaton.Normalized);
                        var end = unchanged < 0 ? text.Length : k + unchanged;
                        while (k < end)
                        {
                            if (text[k] == ' ' && length > 0 && _text[length - 1] == ' ')
                            {
                                continues = false;
                                k++;
                                continue;
                            }
                            var doubled = text[k..end].IndexOf("  ");
                            var copied = doubled < 0 ? end - k : doubled + 1;
                            if (!continues)
                            {
                                _pieces.Add(new Piece(length, i, k));
                                continues = true;
                            }
                            text.Slice(k, copied).CopyTo(_text.AsSpan(length));
                            length += copied;
                            k += copied;
                        }
                        if (k == text.Length)
                        {
                            break;
                        }
                        var c = AliasAutomaton.Normalize(text[k]);
                        if (c == ' ' && length > 0 && _text[length - 1] == ' ')
                        {
                            continues = false;
                        }
                        else
                        {
                            if (!continues)
                            {
                                _pieces.Add(new Piece(length, i, k));
                                continues = true;
                            }
                            _text[length++] = c;
                        }
                        k++;
                    }
                }
                else if (length == 0 || _text[length - 1] != ' ')
                {
                    if (_text.Length == length)
                    {
                        Array.Resize(ref _text, _text.Length * 2);
                    }
                    _pieces.Add(new Piece(length, i, 0));
                    _text[length++] = ' ';
                }
            }
            return length;
        }

        /// <summary>The run item and the offset in it that a normalised character was copied from.</summary>
        private (int Item, int Offset) SourceOf(int position)
        {
            int low = 0, high = _pieces.Count - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (_pieces[middle].Start <= position)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }
            var piece = _pieces[low];
            return (piece.Item, piece.Offset + position - piece.Start);
        }

        /// <summary>Counts a mention of a target, and decides whether it is linked.</summary>
        /// <param name="context">The sentence around the mention; needed only for a target's first mention.</param>
        /// <returns>
        /// The mention to put in the tree; null for one neither linked nor anchored (most of a page's mentions), which
        /// renders as its text alone: the tree is left as it is, rather than its literals cut and moved into a mention.
        /// </returns>
        private MentionInline? Count(LinkTarget target, MentionContext? context, bool forceLink)
        {
            var first = !_found.TryGetValue(target, out var seen);
            var link = forceLink || (_automatic && options.Policy switch
            {
                LinkPolicy.All => true,
                LinkPolicy.FirstPerSection => !_linkedInSection.Contains(target),
                _ => first,
            });
            if (first)
            {
                _order.Add(target);
                _found[target] = (1, context!, link);
            }
            else
            {
                _found[target] = (seen.Count + 1, seen.First, seen.Linked || link);
            }
            if (link)
            {
                _linkedInSection.Add(target);
            }
            var anchor = first ? target.Anchor : null;
            return link || anchor is not null
                ? new MentionInline { Target = target, Linked = link, Anchor = anchor, Href = link ? options.Link(target.Url) : "" }
                : null;
        }

        /// <summary>Moves the inlines from (first, firstOffset) to (last, lastEnd) into the mention, splitting literals at the edges.</summary>
        private static void Wrap(List<Inline> run, int first, int firstOffset, int last, int lastEnd, MentionInline mention)
        {
            // The run keeps pointing at the original inlines: a literal cut here keeps the text before
            // the cut, which is where the offsets of earlier matches (handled next) lie.
            var end = run[last];
            if (end is LiteralInline tail && lastEnd < tail.Content.Length)
            {
                tail.InsertAfter(Split(tail, lastEnd));
            }
            var start = run[first];
            if (start is LiteralInline head && firstOffset > 0)
            {
                var rest = Split(head, firstOffset);
                head.InsertAfter(rest);
                if (first == last)
                {
                    end = rest;
                }
                start = rest;
            }
            start.InsertBefore(mention);
            var node = start;
            while (true)
            {
                var next = node.NextSibling;
                node.Remove();
                mention.AppendChild(node);
                if (node == end || next is null)
                {
                    break;
                }
                node = next;
            }
        }

        /// <summary>Cuts a literal at an offset: it keeps the text before, the returned literal holds the rest.</summary>
        private static LiteralInline Split(LiteralInline literal, int offset)
        {
            var slice = literal.Content;
            var rest = new LiteralInline(new StringSlice(slice.Text, slice.Start + offset, slice.End))
            {
                Line = literal.Line,
                Column = literal.Column + offset,
                Span = new SourceSpan(literal.Span.Start + offset, literal.Span.End),
            };
            literal.Content = new StringSlice(slice.Text, slice.Start, slice.Start + offset - 1);
            literal.Span = new SourceSpan(literal.Span.Start, literal.Span.Start + offset - 1);
            return rest;
        }

        private SourceLocation Location(Inline inline) =>
            new(source.Path, source.FirstLine + inline.Line, inline.Column + 1);
    }
}
