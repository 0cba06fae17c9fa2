using System.Text;
using WatchList.Pipeline;

namespace WatchList.Reporting;

/// <summary>How problems are printed: the compiler format for people and editors, or GitHub Actions annotations.</summary>
public enum DiagnosticFormat
{
    Text,
    GitHub,
}

public static class DiagnosticPrinter
{
    public static bool TryParse(string text, out DiagnosticFormat format)
    {
        format = text switch
        {
            "text" => DiagnosticFormat.Text,
            "github" => DiagnosticFormat.GitHub,
            _ => (DiagnosticFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>
    /// A GitHub Actions workflow command that annotates the line in a pull request:
    /// <c>::error file=input/x.md,line=3,col=7::message</c>.
    /// </summary>
    public static string GitHubAnnotation(Diagnostic diagnostic)
    {
        var builder = new StringBuilder("::");
        builder.Append(diagnostic.Severity == Severity.Error ? "error" : "warning");
        var location = diagnostic.Location;
        builder.Append(" file=").Append(EscapeProperty(location.Path));
        if (location.Line > 0)
        {
            builder.Append(",line=").Append(location.Line);
            builder.Append(",col=").Append(Math.Max(location.Column, 1));
        }
        var message = string.IsNullOrEmpty(diagnostic.Hint) ? diagnostic.Message : $"{diagnostic.Message}; {diagnostic.Hint}";
        builder.Append("::").Append(EscapeData(message));
        return builder.ToString();
    }

    /// <summary>The escaping GitHub requires in a workflow command's message.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The escaping GitHub requires in a property value (file=, title=): the message's, plus ':' and ','.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Prints every problem: in the compiler format to the error writer, or as annotations to the output.</summary>
    public static async Task PrintAsync(IEnumerable<Diagnostic> diagnostics, DiagnosticFormat format, CommandContext context)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (format == DiagnosticFormat.GitHub)
            {
                await context.Output.WriteLineAsync(GitHubAnnotation(diagnostic));
            }
            else
            {
                await context.Errors.WriteLineAsync(diagnostic.ToString());
            }
        }
    }
}
