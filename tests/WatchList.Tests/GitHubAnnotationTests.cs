using WatchList.Pipeline;
using WatchList.Reporting;

namespace WatchList.Tests;

/// <summary>GitHub Actions workflow commands, escaped as GitHub requires so a message never breaks the command.</summary>
public class GitHubAnnotationTests
{
    [Fact]
    public void An_error_with_a_position_names_file_line_and_column()
    {
        var error = Diagnostic.Error(new SourceLocation("input/commentaries/x.md", 3, 7), "'date' is 'soon', which is not a date", "write YYYY-MM-DD");

        Assert.Equal("::error file=input/commentaries/x.md,line=3,col=7::'date' is 'soon', which is not a date; write YYYY-MM-DD",
            DiagnosticPrinter.GitHubAnnotation(error));
    }

    [Fact]
    public void A_warning_about_a_whole_file_names_only_the_file()
    {
        var warning = Diagnostic.Warning(new SourceLocation("input/glossary/punggye-ri.md"), "the glossary term 'Punggye-ri' is mentioned in no commentary");

        Assert.Equal("::warning file=input/glossary/punggye-ri.md::the glossary term 'Punggye-ri' is mentioned in no commentary",
            DiagnosticPrinter.GitHubAnnotation(warning));
    }

    [Fact]
    public void Percent_signs_and_line_breaks_in_the_message_are_escaped()
    {
        var error = Diagnostic.Error(new SourceLocation("input/x.md", 1, 1), "100% wrong\r\nsecond line: here, too", "50%");

        Assert.Equal("::error file=input/x.md,line=1,col=1::100%25 wrong%0D%0Asecond line: here, too; 50%25",
            DiagnosticPrinter.GitHubAnnotation(error));
    }

    [Fact]
    public void Colons_and_commas_in_the_file_name_are_escaped_too()
    {
        var error = Diagnostic.Error(new SourceLocation("input/commentaries/a,b:c%d.md", 2, 1), "broken");

        Assert.Equal("::error file=input/commentaries/a%2Cb%3Ac%25d.md,line=2,col=1::broken", DiagnosticPrinter.GitHubAnnotation(error));
    }

    [Fact]
    public void A_line_without_a_column_is_given_column_1()
    {
        var error = Diagnostic.Error(new SourceLocation("input/x.md", 4), "broken");

        Assert.Equal("::error file=input/x.md,line=4,col=1::broken", DiagnosticPrinter.GitHubAnnotation(error));
    }
}
