using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using WatchList.Pipeline;

namespace WatchList.Site.Templates.Handlebars;

/// <summary>A helper: arguments in, text out (escaped like any value).</summary>
public delegate object? Helper(IReadOnlyList<object?> arguments);

/// <summary>
/// Renders parsed templates against plain data (dictionaries, lists, strings, numbers), straight into a writer.
/// Names are looked up in the current context only; <c>../</c> reaches the enclosing one, as in Handlebars.
/// </summary>
public sealed class Renderer(
    IReadOnlyDictionary<string, ImmutableArray<Node>> partials,
    IReadOnlyDictionary<string, Helper> helpers)
{
    /// <summary>One level of context: the data in view, and what encloses it.</summary>
    private sealed record Frame(object? Value, Frame? Parent);

    /// <summary>The content of the innermost partial block, and the context it was written in.</summary>
    private sealed record Slot(ImmutableArray<Node> Body, Frame Frame, Slot? Outer);

    public void Render(ImmutableArray<Node> template, object? data, TextWriter writer) =>
        Render(template, new Frame(data, null), null, writer);

    private void Render(ImmutableArray<Node> nodes, Frame frame, Slot? slot, TextWriter writer)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    writer.Write(text.Text);
                    break;
                case OutputNode output:
                    var value = Evaluate(output.Value, frame);
                    if (output.Escape)
                    {
                        WriteEscaped(writer, Format(value));
                    }
                    else if (value is Markdown.RenderedHtml html && writer is IUtf8TextWriter utf8)
                    {
                        // A page's body is already UTF-8: written on as it is, never decoded and encoded again.
                        utf8.WriteUtf8(html.Utf8.Span);
                    }
                    else
                    {
                        writer.Write(Format(value));
                    }
                    break;
                case BlockNode block:
                    RenderBlock(block, frame, slot, writer);
                    break;
                case PartialNode partial:
                    Render(Partial(partial.Name, partial.Position), frame, slot, writer);
                    break;
                case PartialBlockNode partialBlock:
                    Render(Partial(partialBlock.Name, partialBlock.Position), frame, new Slot(partialBlock.Body, frame, slot), writer);
                    break;
                case PartialBlockSlotNode:
                    if (slot is not null)
                    {
                        Render(slot.Body, slot.Frame, slot.Outer, writer);
                    }
                    break;
            }
        }
    }

    private void RenderBlock(BlockNode block, Frame frame, Slot? slot, TextWriter writer)
    {
        var value = Evaluate(block.Argument, frame);
        switch (block.Kind)
        {
            case "if":
                Render(IsTruthy(value) ? block.Body : block.Inverse, frame, slot, writer);
                break;
            case "unless":
                Render(IsTruthy(value) ? block.Inverse : block.Body, frame, slot, writer);
                break;
            case "with":
                if (IsTruthy(value))
                {
                    Render(block.Body, new Frame(value, frame), slot, writer);
                }
                else
                {
                    Render(block.Inverse, frame, slot, writer);
                }
                break;
            case "each":
                var any = false;
                if (value is IEnumerable items and not string)
                {
                    foreach (var item in items)
                    {
                        any = true;
                        Render(block.Body, new Frame(item, frame), slot, writer);
                    }
                }
                if (!any)
                {
                    Render(block.Inverse, frame, slot, writer);
                }
                break;
        }
    }

    private ImmutableArray<Node> Partial(string name, TemplatePosition position) =>
        partials.TryGetValue(name, out var partial)
            ? partial
            : throw new TemplateException($"there is no partial '{name}'; add partials/{name}.hbs to the theme", position);

    private object? Evaluate(Expression expression, Frame frame)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case HelperExpression call:
                if (!helpers.TryGetValue(call.Name, out var helper))
                {
                    throw new TemplateException($"unknown helper '{call.Name}'; the theme can use {string.Join(", ", helpers.Keys.Order())}", call.Position);
                }
                // A plain loop: helpers run for every link of every page, and a query would allocate twice more.
                var arguments = new object?[call.Arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Evaluate(call.Arguments[i], frame);
                }
                return helper(arguments);
            case PathExpression path:
                var scope = frame;
                for (var i = 0; i < path.Up && scope.Parent is not null; i++)
                {
                    scope = scope.Parent;
                }
                var value = scope.Value;
                foreach (var part in path.Parts)
                {
                    value = Member(value, part);
                    if (value is null)
                    {
                        break;
                    }
                }
                return value;
            default:
                return null;
        }
    }

    /// <summary>
    /// A field of a model. Models are dictionaries (page models are built as such), so a path into anything
    /// else (text, a number, a list) finds nothing, as a missing field does. No reflection: the published
    /// program is trimmed.
    /// </summary>
    private static object? Member(object? value, string name) => value switch
    {
        IReadOnlyDictionary<string, object?> dictionary => dictionary.GetValueOrDefault(name),
        IDictionary<string, object?> dictionary => dictionary.TryGetValue(name, out var member) ? member : null,
        _ => null,
    };

    /// <summary>Handlebars' truth: false, nothing, empty text, zero and empty lists are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        ICollection c => c.Count > 0,
        IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Escapes as Handlebars does: &amp; &lt; &gt; " ' ` =.</summary>
    public static void WriteEscaped(TextWriter writer, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                '=' => "&#x3D;",
                _ => null,
            };
            if (entity is not null)
            {
                writer.Write(text.AsSpan(start, i - start));
                writer.Write(entity);
                start = i + 1;
            }
        }
        writer.Write(text.AsSpan(start));
    }
}
