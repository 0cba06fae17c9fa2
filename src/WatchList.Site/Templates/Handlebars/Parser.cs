using System.Collections.Immutable;
using System.Globalization;

namespace WatchList.Site.Templates.Handlebars;

/// <summary>
/// Parses the part of the Handlebars language the theme uses: <c>{{value}}</c>, <c>{{{raw}}}</c>, comments,
/// <c>#if</c>/<c>#unless</c>/<c>#each</c>/<c>#with</c> with <c>else</c>, helpers with arguments, partials and
/// partial blocks. Anything else is an error at its line and column rather than silently ignored.
/// </summary>
public static class Parser
{
    private static readonly HashSet<string> BlockKinds = ["if", "unless", "each", "with"];

    public static ImmutableArray<Node> Parse(string template)
    {
        var position = 0;
        var nodes = ParseNodes(template, ref position, closing: null, out var stop);
        if (stop is not null)
        {
            throw new TemplateException($"'{{{{{stop.Value.Tag}}}}}' has no block to close", stop.Value.Position);
        }
        return nodes;
    }

    private readonly record struct Stop(string Tag, TemplatePosition Position);

    /// <summary>Reads nodes until the end, or until <c>{{else}}</c> or <c>{{/closing}}</c>, which it reports in <paramref name="stop"/>.</summary>
    private static ImmutableArray<Node> ParseNodes(string text, ref int position, string? closing, out Stop? stop)
    {
        var nodes = ImmutableArray.CreateBuilder<Node>();
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                nodes.Add(new TextNode(text[position..]));
                position = text.Length;
                break;
            }
            var at = PositionOf(text, open);
            var raw = text.AsSpan(open).StartsWith("{{{");
            var closeMark = raw ? "}}}" : "}}";
            var contentStart = open + (raw ? 3 : 2);
            var isComment = text.AsSpan(contentStart).StartsWith("!--");
            var close = isComment
                ? text.IndexOf("--}}", contentStart, StringComparison.Ordinal)
                : text.IndexOf(closeMark, contentStart, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new TemplateException(isComment
                    ? "a comment '{{!--' is never closed with '--}}'"
                    : $"'{text.Substring(open, Math.Min(20, text.Length - open))}' is never closed with '{closeMark}'", at);
            }
            var after = close + (isComment ? 4 : closeMark.Length);
            var tag = isComment ? "!" : text[contentStart..close].Trim();
            // As in Handlebars, a block, partial or comment tag alone on its line leaves no blank line behind.
            var textEnd = open;
            if (!raw && tag.Length > 0 && (tag[0] is '#' or '/' or '!' or '>' || tag == "else") && IsStandalone(text, open, after, out var lineStart, out var nextLine))
            {
                textEnd = lineStart;
                after = nextLine;
            }
            if (textEnd > position)
            {
                nodes.Add(new TextNode(text[position..textEnd]));
            }
            position = after;
            if (raw)
            {
                nodes.Add(new OutputNode(ParseExpression(tag, at), Escape: false));
                continue;
            }
            switch (tag.Length > 0 ? tag[0] : ' ')
            {
                case '!':
                    break;
                case '#' when tag.StartsWith("#>", StringComparison.Ordinal):
                {
                    var name = tag[2..].Trim();
                    var body = ParseNodes(text, ref position, name, out var end);
                    Expect(end, name, at);
                    nodes.Add(new PartialBlockNode(name, body, at));
                    break;
                }
                case '#':
                {
                    var (kind, argument) = SplitFirst(tag[1..]);
                    if (!BlockKinds.Contains(kind))
                    {
                        throw new TemplateException($"unknown block '#{kind}'; the theme can use #if, #unless, #each, #with and #> (a partial block)", at);
                    }
                    if (argument.Length == 0)
                    {
                        throw new TemplateException($"'#{kind}' needs a value, such as {{{{#{kind} title}}}}", at);
                    }
                    var body = ParseNodes(text, ref position, kind, out var end);
                    var inverse = ImmutableArray<Node>.Empty;
                    if (end is { Tag: "else" })
                    {
                        inverse = ParseNodes(text, ref position, kind, out end);
                    }
                    Expect(end, kind, at);
                    nodes.Add(new BlockNode(kind, ParseExpression(argument, at), body, inverse, at));
                    break;
                }
                case '/':
                    stop = new Stop(tag, at);
                    if (closing is null)
                    {
                        throw new TemplateException($"'{{{{{tag}}}}}' closes a block that was never opened", at);
                    }
                    return nodes.ToImmutable();
                case '>':
                {
                    var name = tag[1..].Trim();
                    nodes.Add(name == "@partial-block" ? new PartialBlockSlotNode(at) : new PartialNode(name, at));
                    break;
                }
                case '^':
                    throw new TemplateException("inverted sections '{{^...}}' are not supported; use {{#unless ...}}", at);
                default:
                    if (tag == "else")
                    {
                        if (closing is null)
                        {
                            throw new TemplateException("'{{else}}' stands outside any block", at);
                        }
                        stop = new Stop("else", at);
                        return nodes.ToImmutable();
                    }
                    nodes.Add(new OutputNode(ParseExpression(tag, at), Escape: true));
                    break;
            }
        }
        // An unclosed block is reported by its opener, at the line where it was opened.
        stop = null;
        return nodes.ToImmutable();
    }

    /// <summary>True when only spaces or tabs stand between the tag and the line's start and end.</summary>
    private static bool IsStandalone(string text, int open, int after, out int lineStart, out int nextLine)
    {
        lineStart = open;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }
        nextLine = after;
        while (nextLine < text.Length && text[nextLine] is ' ' or '\t' or '\r')
        {
            nextLine++;
        }
        var startsLine = lineStart == 0 || text[lineStart - 1] == '\n';
        var endsLine = nextLine == text.Length || text[nextLine] == '\n';
        if (endsLine && nextLine < text.Length)
        {
            nextLine++;
        }
        return startsLine && endsLine;
    }

    private static void Expect(Stop? end, string name, TemplatePosition opened)
    {
        if (end is not { } stop || stop.Tag == "else")
        {
            throw new TemplateException($"the block '{name}' is never closed with '{{{{/{name}}}}}'", opened);
        }
        if (stop.Tag != "/" + name)
        {
            throw new TemplateException($"'{{{{{stop.Tag}}}}}' closes '{name}', opened at {opened.Line}:{opened.Column}; write '{{{{/{name}}}}}'", stop.Position);
        }
    }

    private static (string First, string Remainder) SplitFirst(string text)
    {
        text = text.Trim();
        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    /// <summary>A path, a literal, or a helper name followed by its arguments.</summary>
    public static Expression ParseExpression(string text, TemplatePosition at)
    {
        var tokens = Tokenize(text, at);
        if (tokens.Count == 0)
        {
            throw new TemplateException("an empty '{{ }}'", at);
        }
        if (tokens.Count == 1)
        {
            return Value(tokens[0], at);
        }
        if (tokens[0].Quoted || !IsName(tokens[0].Text))
        {
            throw new TemplateException($"'{text}' is not a helper call; write {{{{helper argument ...}}}}", at);
        }
        return new HelperExpression(tokens[0].Text, [.. tokens.Skip(1).Select(t => Value(t, at))], at);
    }

    private readonly record struct Token(string Text, bool Quoted);

    private static List<Token> Tokenize(string text, TemplatePosition at)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] is '"' or '\'')
            {
                var quote = text[i];
                var end = text.IndexOf(quote, i + 1);
                if (end < 0)
                {
                    throw new TemplateException($"a string starting with {quote} is never closed", at);
                }
                tokens.Add(new Token(text[(i + 1)..end], Quoted: true));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                tokens.Add(new Token(text[start..i], Quoted: false));
            }
        }
        return tokens;
    }

    private static Expression Value(Token token, TemplatePosition at)
    {
        if (token.Quoted)
        {
            return new LiteralExpression(token.Text, at);
        }
        if (int.TryParse(token.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return new LiteralExpression(number, at);
        }
        if (token.Text is "true" or "false")
        {
            return new LiteralExpression(token.Text == "true", at);
        }
        var path = token.Text;
        var up = 0;
        while (path.StartsWith("../", StringComparison.Ordinal))
        {
            up++;
            path = path[3..];
        }
        if (path is "this" or ".")
        {
            return new PathExpression([], up, at);
        }
        if (path.StartsWith("this.", StringComparison.Ordinal))
        {
            path = path[5..];
        }
        var parts = path.Split('.');
        if (parts.Any(p => !IsName(p)))
        {
            throw new TemplateException($"'{token.Text}' is not a name the template can look up", at);
        }
        return new PathExpression([.. parts], up, at);
    }

    private static bool IsName(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '@');

    private static TemplatePosition PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplatePosition(line, index - lineStart + 1);
    }
}
