using System.Collections.Immutable;
using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WatchList.Site.FrontMatter;

/// <summary>
/// Reads typed values from a YAML mapping and records every problem with its file position,
/// so one pass over a file reports all its mistakes.
/// </summary>
public sealed class FieldReader
{
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _problems = [];

    // Set when the front matter could not be read at all: its one error is reported already, and a key
    // that could not be read is not also reported as missing.
    private bool _unreadable;

    private FieldReader(string path, int lineOffset)
    {
        _path = path;
        _lineOffset = lineOffset;
    }

    /// <summary>A reader with no keys, for front matter whose own error was reported: every field takes its default, silently.</summary>
    public static FieldReader Unreadable(string path) => new(path, 1) { _unreadable = true };

    public IReadOnlyList<Diagnostic> Problems => _problems;

    public bool HasErrors => _problems.Any(p => p.Severity == Severity.Error);

    /// <summary>Parses the YAML; broken YAML throws a diagnostic at the line and column where the parser stopped.</summary>
    /// <param name="lineOffset">How many file lines come before the YAML (1 for the opening '---').</param>
    public static FieldReader Parse(string path, string yaml, int lineOffset)
    {
        var reader = new FieldReader(path, lineOffset);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DiagnosticException(Diagnostic.Error(
                reader.At(e.Start),
                "the front matter is not valid YAML: " + Describe(e),
                "check the indentation and quote values that contain ': ' or start with a special character"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports an unclosed '[' or '{' this way, with neither a position nor a useful message.
            if (FirstUnclosed(yaml) is not { } unclosed)
            {
                throw new DiagnosticException(Diagnostic.Error(
                    new SourceLocation(path, lineOffset + 1, 1),
                    "the front matter is not valid YAML",
                    "check that every '[' and '{' is closed and quote values that contain ': '"));
            }
            var (line, column, bracket) = unclosed;
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(path, line + lineOffset, column),
                $"the front matter is not valid YAML: this '{bracket}' is not closed",
                $"close it with '{(bracket == '[' ? ']' : '}')}' on the same line, or quote the value if the '{bracket}' is part of the text"));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return reader;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new DiagnosticException(Diagnostic.Error(
                reader.At(stream.Documents[0].RootNode.Start),
                "the front matter must be a list of 'key: value' lines",
                "write each setting on its own line, such as 'title: My title'"));
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
            if (!reader._fields.TryAdd(name, (key, value)))
            {
                reader._problems.Add(Diagnostic.Error(reader.At(key.Start), $"the key '{name}' is given twice", "keep one of them"));
            }
        }
        return reader;
    }

    /// <summary>The first '[' or '{' that is never closed, outside quotes and comments (1-based line and column).</summary>
    private static (int Line, int Column, char Bracket)? FirstUnclosed(string yaml)
    {
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var lines = yaml.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var text = lines[l];
            char? quote = null;
            for (var c = 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (quote is { } q)
                {
                    quote = ch == q ? null : quote;
                }
                else if (ch is '"' or '\'' && (c == 0 || text[c - 1] is ' ' or '[' or '{' or ',' or ':'))
                {
                    quote = ch;
                }
                else if (ch == '#' && (c == 0 || text[c - 1] == ' '))
                {
                    break;
                }
                else if (ch is '[' or '{')
                {
                    open.Push((l + 1, c + 1, ch));
                }
                else if (ch is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }
        return open.Count > 0 ? open.Reverse().First() : null;
    }

    public SourceLocation At(Mark mark) => new(_path, (int)mark.Line + _lineOffset, (int)mark.Column);

    /// <summary>Where a key stands, or the start of the file when it is absent.</summary>
    public SourceLocation LocationOf(string key) =>
        _fields.TryGetValue(key, out var field) ? At(field.Key.Start) : new SourceLocation(_path, 1, 1);

    public SourceLocation ValueLocation(string key) =>
        _fields.TryGetValue(key, out var field) ? At(field.Value.Start) : new SourceLocation(_path, 1, 1);

    public bool Has(string key) => _fields.ContainsKey(key);

    public string? Text(string key, bool required = false)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                Missing(key);
            }
            return null;
        }
        if (field.Value is not YamlScalarNode scalar)
        {
            WrongType(key, field.Value, "text", $"write it on one line: {key}: some text");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) && required)
        {
            _problems.Add(Diagnostic.Error(At(field.Value.Start), $"'{key}' is empty", $"give the {key} a value"));
            return null;
        }
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }
        if (IsoDate(text) is { } date)
        {
            return date;
        }
        _problems.Add(Diagnostic.Error(ValueLocation(key), $"'{key}' is '{text}', which is not a date",
            "write a real calendar date as YYYY-MM-DD, such as 2019-04-26"));
        return null;
    }

    /// <summary>
    /// A calendar date written YYYY-MM-DD, read by hand: the culture-aware parser's first call cost a cold
    /// start about 30 ms of set-up for one fixed format.
    /// </summary>
    internal static DateOnly? IsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }
        static int? Digits(ReadOnlySpan<char> span)
        {
            var value = 0;
            foreach (var c in span)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        if (Digits(text.AsSpan(0, 4)) is not (> 0 and var year) || Digits(text.AsSpan(5, 2)) is not (>= 1 and <= 12 and var month)
            || Digits(text.AsSpan(8, 2)) is not { } day || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day);
    }

    public bool? Bool(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }
        if (text is "true" or "false")
        {
            return text == "true";
        }
        _problems.Add(Diagnostic.Error(ValueLocation(key), $"'{key}' is '{text}', which is neither true nor false",
            $"write '{key}: true' or '{key}: false'"));
        return null;
    }

    public ImmutableArray<Located> List(string key)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            return [];
        }
        if (field.Value is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (field.Value is not YamlSequenceNode sequence)
        {
            WrongType(key, field.Value, "a list", $"write it as a list: {key}: [first, second]");
            return [];
        }
        var items = ImmutableArray.CreateBuilder<Located>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                items.Add(new Located(value.Trim(), At(item.Start)));
            }
            else
            {
                _problems.Add(Diagnostic.Error(At(item.Start), $"every item of '{key}' must be text",
                    "write each item as a plain value, without nested lists or keys"));
            }
        }
        return items.ToImmutable();
    }

    /// <summary>Warns about keys no one reads, which are nearly always typos of known ones.</summary>
    public void WarnUnknownKeys(IReadOnlyCollection<string> knownKeys)
    {
        foreach (var (name, field) in _fields)
        {
            if (!knownKeys.Contains(name))
            {
                _problems.Add(Diagnostic.Warning(At(field.Key.Start), $"unknown key '{name}' is ignored",
                    DidYouMean.Hint(name, knownKeys, "known keys are " + string.Join(", ", knownKeys))));
            }
        }
    }

    public void Error(SourceLocation location, string message, string hint) =>
        _problems.Add(Diagnostic.Error(location, message, hint));

    /// <summary>Records a problem found while reading a value (a name that stands for nothing).</summary>
    public void Report(Diagnostic diagnostic) => _problems.Add(diagnostic);

    private void Missing(string key)
    {
        if (!_unreadable)
        {
            _problems.Add(Diagnostic.Error(new SourceLocation(_path, 1, 1), $"the required key '{key}' is missing",
            $"add a line '{key}: ...' to the front matter"));
        }
    }

    private void WrongType(string key, YamlNode node, string expected, string hint)
    {
        var actual = node switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a set of keys",
            _ => "text",
        };
        _problems.Add(Diagnostic.Error(At(node.Start), $"'{key}' must be {expected}, not {actual}", hint));
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes messages with the position, which the diagnostic already carries.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return (close >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(close + 3)..] : message).TrimEnd('.');
    }
}

/// <summary>A value with the place it was written, for messages about it.</summary>
public readonly record struct Located(string Value, SourceLocation Location);
