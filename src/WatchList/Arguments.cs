using WatchList.Site;
using WatchList.Site.Content;

namespace WatchList;

/// <summary>A command's arguments: its options (<c>--name value</c> or <c>--name=value</c>) and the words between them.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options;

    private Arguments(Dictionary<string, string> options, List<string> words)
    {
        _options = options;
        Words = words;
    }

    public IReadOnlyList<string> Words { get; }

    public string this[string option, string fallback] => _options.GetValueOrDefault(option, fallback);

    public string? this[string option] => _options.GetValueOrDefault(option);

    /// <summary>Reads the arguments after the command name; only the options named are allowed.</summary>
    public static bool TryParse(ReadOnlySpan<string> args, IReadOnlyCollection<string> allowed, out Arguments arguments, out string problem)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        arguments = null!;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(name);
                continue;
            }
            var inline = name.IndexOf('=');
            string? value = null;
            if (inline > 0)
            {
                value = name[(inline + 1)..];
                name = name[..inline];
            }
            if (!allowed.Contains(name))
            {
                problem = $"unknown option '{args[i]}'";
                return false;
            }
            if (value is "")
            {
                problem = $"option '{name}' needs a value";
                return false;
            }
            if (value is null)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"option '{name}' needs a value";
                    return false;
                }
                value = args[++i];
            }
            options[name] = value;
        }
        arguments = new Arguments(options, words);
        problem = "";
        return true;
    }

    /// <summary>The folders and address of a build, from --input, --output, --theme and --base-url.</summary>
    /// <param name="writes">False for commands that never write the output folder, which may then be anywhere.</param>
    public bool TryGetBuildOptions(out BuildOptions options, out string problem, bool writes = true)
    {
        options = null!;
        var input = this["--input", "input"];
        var output = this["--output", "_site"];
        var theme = this["--theme", "theme"];
        Uri? baseUrl = null;
        if (this["--base-url"] is { } text)
        {
            if (!ReadSiteSettings.TryParseBaseUrl(text, out var url))
            {
                problem = $"--base-url '{text}' is not an absolute http or https address";
                return false;
            }
            baseUrl = url;
        }
        if (writes && (Overlaps(output, input) || Overlaps(output, theme)))
        {
            problem = $"the output folder '{output}' must not be, contain or lie inside the input or theme folder: it is replaced on every build";
            return false;
        }
        options = new BuildOptions(input, output, theme, baseUrl);
        problem = "";
        return true;
    }

    private static bool Overlaps(string a, string b)
    {
        var first = Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var second = Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return first.StartsWith(second, StringComparison.Ordinal) || second.StartsWith(first, StringComparison.Ordinal);
    }
}
