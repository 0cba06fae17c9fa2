using System.Collections;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Fluid.Ast;
using WatchList.Pipeline;
using WatchList.Site.Diagnostics;

namespace WatchList.Site.Templates;

/// <summary>
/// What the values given to a template look like, gathered from every page it rendered: the fields seen in
/// dictionaries, the shape of list items. Nothing is known of a value that was never anything but empty.
/// </summary>
internal sealed class Shape
{
    private Dictionary<string, Shape>? _fields;
    private Shape? _items;
    private bool _text;

    /// <summary>Whether any value was seen here, so that a field it lacks can be called missing.</summary>
    public bool Known => _fields is not null || _items is not null || _text;

    public IEnumerable<string> Fields => _fields is null ? [] : _fields.Keys;

    /// <summary>
    /// The shape of the items, when lists were seen here. Reading it changes nothing: a loop over a value no page
    /// gave must not make that value look known, and its other fields missing.
    /// </summary>
    public Shape Items => _items ?? new Shape();

    public void Add(object? value)
    {
        switch (value)
        {
            case null:
                break;
            case IReadOnlyDictionary<string, object?> fields:
                _fields ??= new Dictionary<string, Shape>(StringComparer.Ordinal);
                foreach (var (key, field) in fields)
                {
                    if (!_fields.TryGetValue(key, out var shape))
                    {
                        _fields[key] = shape = new Shape();
                    }
                    shape.Add(field);
                }
                break;
            case string:
                _text = true;
                break;
            case IEnumerable items:
                _items ??= new Shape();
                foreach (var item in items)
                {
                    _items.Add(item);
                }
                break;
            default:
                _text = true;
                break;
        }
    }

    /// <summary>The shape of a field, or null when this is known and has no such field.</summary>
    public Shape? Member(string name)
    {
        if (_fields is not null && _fields.TryGetValue(name, out var field))
        {
            return field;
        }
        if (_items is not null && name is "first" or "last")
        {
            return _items;
        }
        // Liquid's own size of lists and text, or a value never seen: nothing to say.
        return !Known || name == "size" ? new Shape() : null;
    }
}

/// <summary>
/// Finds the variables a theme reads that no page has: a walk of each template's statements, with its layout
/// and the partials it renders, against the shape of the models its pages were given. A variable is reported
/// only when no page that renders that line has it, so a layout may test a flag only some pages set.
/// </summary>
internal sealed class TemplateVariables(ThemeFiles files)
{
    /// <summary>Per file and written path: whether it was found in some walk, and the names it could have meant.</summary>
    private readonly Dictionary<(ThemeFile File, string Path), (bool Found, IEnumerable<string> Candidates)> _reads = [];

    /// <summary>Walks a page template, its layouts and partials, against the models of every page it renders.</summary>
    public void Walk(string template, Shape pages)
    {
        if (!files.Pages.TryGetValue(template, out var file))
        {
            return;
        }
        for (var at = file; at is not null; at = at.Layout is null ? null : files.Layouts[at.Layout])
        {
            var names = new Dictionary<string, Shape>(StringComparer.Ordinal);
            if (at != file)
            {
                names["content"] = new Shape();
            }
            new Walker(this, at, pages, names, 0).VisitTemplate(at.Template);
        }
    }

    public IEnumerable<Diagnostic> Warnings() =>
        _reads.Where(r => !r.Value.Found).Select(r =>
        {
            var (file, path) = r.Key;
            var last = path.LastIndexOf('.');
            var name = path[(last + 1)..];
            var written = new Regex(@"(?<![\w.-])" + string.Join(@"\s*\.\s*", path.Split('.').Select(Regex.Escape)) + @"(?![\w-])");
            var parent = last < 0 ? "" : path[..(last + 1)];
            return Diagnostic.Warning(ThemeFiles.Find(file, written),
                $"'{path}' is not a variable of any page this file renders, so it shows nothing",
                DidYouMean.Closest(name, r.Value.Candidates) is { } match
                    ? $"did you mean '{parent}{match}'?"
                    : "see 'The theme' in the README for the variables each kind of page has");
        })
        .OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column);

    private void Record(ThemeFile file, string path, bool found, IEnumerable<string> candidates)
    {
        if (_reads.TryGetValue((file, path), out var read) && read.Found)
        {
            return;
        }
        _reads[(file, path)] = (found, found ? [] : candidates.ToList());
    }

    /// <summary>One file walked with the page's shape and the names the file can see.</summary>
    private sealed class Walker(TemplateVariables owner, ThemeFile file, Shape page, Dictionary<string, Shape> locals, int depth) : AstVisitor
    {
        private readonly Stack<Dictionary<string, Shape>> _scopes = new([locals]);

        private Shape? Local(string name) =>
            _scopes.Select(s => s.GetValueOrDefault(name)).FirstOrDefault(s => s is not null);

        /// <summary>The shape of an expression's value, reporting the reads it makes.</summary>
        private Shape ShapeOf(Expression? expression)
        {
            switch (expression)
            {
                case MemberExpression member:
                    return Read(member);
                case FilterExpression filter:
                    Visit(filter);
                    return new Shape();
                default:
                    Visit(expression);
                    return new Shape();
            }
        }

        private Shape Read(MemberExpression member)
        {
            if (member.Segments[0] is not IdentifierSegment first)
            {
                return new Shape();
            }
            var path = first.Identifier;
            var shape = Local(path);
            if (shape is null)
            {
                shape = page.Member(path);
                owner.Record(file, path, shape is not null, page.Fields);
                if (shape is null)
                {
                    return new Shape();
                }
            }
            foreach (var segment in member.Segments.Skip(1))
            {
                if (segment is not IdentifierSegment identifier)
                {
                    if (segment is IndexerSegment indexer)
                    {
                        ShapeOf(indexer.Expression);
                    }
                    return new Shape();
                }
                if (!shape.Known)
                {
                    // No page gave a value here (an empty list, say): this walk can tell nothing of its fields.
                    return shape;
                }
                path += "." + identifier.Identifier;
                var next = shape.Member(identifier.Identifier);
                owner.Record(file, path, next is not null, shape.Fields);
                if (next is null)
                {
                    return new Shape();
                }
                shape = next;
            }
            return shape;
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            Read(memberExpression);
            return memberExpression;
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            var items = ShapeOf(forStatement.Source).Items;
            Visit(forStatement.Limit);
            Visit(forStatement.Offset);
            _scopes.Push(new Dictionary<string, Shape>(StringComparer.Ordinal) { [forStatement.Identifier] = items, ["forloop"] = new Shape() });
            foreach (var statement in forStatement.Statements)
            {
                Visit(statement);
            }
            _scopes.Pop();
            Visit(forStatement.Else);
            return forStatement;
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            // An assigned name is seen from there on, in the whole file.
            locals[assignStatement.Identifier] = ShapeOf(assignStatement.Value);
            return assignStatement;
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            base.VisitCaptureStatement(captureStatement);
            locals[captureStatement.Identifier] = new Shape();
            return captureStatement;
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            // A rendered partial sees the page's variables and what it is given, not this file's own names.
            var given = new Dictionary<string, Shape>(StringComparer.Ordinal);
            var name = Path.GetFileNameWithoutExtension(renderStatement.Path);
            if (renderStatement.With is not null)
            {
                given[renderStatement.Alias ?? name] = ShapeOf(renderStatement.With);
            }
            if (renderStatement.For is not null)
            {
                given[renderStatement.Alias ?? name] = ShapeOf(renderStatement.For).Items;
                given["forloop"] = new Shape();
            }
            foreach (var assign in renderStatement.AssignStatements)
            {
                given[assign.Identifier] = ShapeOf(assign.Value);
            }
            WalkPartial(renderStatement.Path, given);
            return renderStatement;
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            // An included partial shares this file's names, as well as what it is given.
            var given = new Dictionary<string, Shape>(StringComparer.Ordinal);
            foreach (var scope in _scopes.Reverse())
            {
                foreach (var (key, shape) in scope)
                {
                    given[key] = shape;
                }
            }
            if (includeStatement.Path is LiteralExpression { Value: var value })
            {
                var path = value.ToStringValue();
                var name = Path.GetFileNameWithoutExtension(path);
                if (includeStatement.With is not null)
                {
                    given[includeStatement.Alias ?? name] = ShapeOf(includeStatement.With);
                }
                if (includeStatement.For is not null)
                {
                    given[includeStatement.Alias ?? name] = ShapeOf(includeStatement.For).Items;
                }
                foreach (var assign in includeStatement.AssignStatements)
                {
                    given[assign.Identifier] = ShapeOf(assign.Value);
                }
                WalkPartial(path, given);
            }
            else
            {
                Visit(includeStatement.Path);
            }
            return includeStatement;
        }

        private void WalkPartial(string path, Dictionary<string, Shape> given)
        {
            // A partial that renders itself is walked a few levels deep, not forever.
            if (depth < 8 && owner.PartialOf(path) is { } partial)
            {
                new Walker(owner, partial, page, given, depth + 1).VisitTemplate(partial.Template);
            }
        }
    }

    private ThemeFile? PartialOf(string path) => files.Partials.Find(path);
}

/// <summary>
/// Post-process module for <c>watchlist check</c>: builds the model of every page, as the build would when
/// writing it, and warns of each variable a template reads that none of its pages has.
/// </summary>
public sealed class CheckTemplateVariables(string themePipeline, ImmutableArray<(string Pipeline, RenderPage Page)> pages) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var theme = context.OutputsOf(themePipeline).FirstOrDefault();
        if (theme is null || !theme.TryGet(LoadTheme.Key, out var loaded))
        {
            return ValueTask.FromResult(inputs);
        }
        var variables = new TemplateVariables(loaded.Files);
        foreach (var group in pages.GroupBy(p => p.Page.Template))
        {
            var shape = new Shape();
            foreach (var (pipeline, page) in group)
            {
                foreach (var document in context.OutputsOf(pipeline))
                {
                    shape.Add(page.Model(document, context));
                }
            }
            // A template no page uses this time (numbered pages of a site whose lists are short) tells nothing:
            // walked with no model, it would take every variable of its layout as had.
            if (shape.Known)
            {
                variables.Walk(group.Key, shape);
            }
        }
        context.Diagnostics.AddRange(variables.Warnings());
        return ValueTask.FromResult(inputs);
    }
}
