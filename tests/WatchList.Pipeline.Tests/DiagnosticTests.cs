namespace WatchList.Pipeline.Tests;

public class DiagnosticTests
{
    [Fact]
    public void An_error_prints_as_path_line_column_error_message_and_hint()
    {
        var diagnostic = Diagnostic.Error(new SourceLocation("input/commentaries/x.md", 12, 5),
            "unknown glossary term 'Yongbyun'", "did you mean 'Yongbyon'?");

        Assert.Equal("input/commentaries/x.md:12:5: error: unknown glossary term 'Yongbyun'; did you mean 'Yongbyon'?", diagnostic.ToString());
    }

    [Fact]
    public void A_warning_prints_as_warning()
    {
        var diagnostic = Diagnostic.Warning(new SourceLocation("input/actors/china.md", 4, 1), "unknown key 'sumary' is ignored", "did you mean 'summary'?");

        Assert.Equal("input/actors/china.md:4:1: warning: unknown key 'sumary' is ignored; did you mean 'summary'?", diagnostic.ToString());
    }

    [Fact]
    public void A_diagnostic_without_a_hint_ends_with_its_message()
    {
        var diagnostic = Diagnostic.Error(new SourceLocation("input/site.yml", 3, 2), "'title' is empty");

        Assert.Equal("input/site.yml:3:2: error: 'title' is empty", diagnostic.ToString());
    }

    [Fact]
    public void A_diagnostic_without_a_line_names_only_the_path()
    {
        var diagnostic = Diagnostic.Error(new SourceLocation("input/"), "the input folder is empty or missing", "add site.yml");

        Assert.Equal("input/: error: the input folder is empty or missing; add site.yml", diagnostic.ToString());
    }

    [Fact]
    public void A_line_without_a_column_points_at_column_1()
    {
        Assert.Equal("a.md:7:1", new SourceLocation("a.md", 7).ToString());
    }

    [Fact]
    public void A_diagnostic_exception_carries_the_printed_diagnostic_as_its_message()
    {
        var diagnostic = Diagnostic.Error(new SourceLocation("a.md", 2, 3), "broken", "fix it");

        var exception = new DiagnosticException(diagnostic);

        Assert.Same(diagnostic, exception.Diagnostic);
        Assert.Equal("a.md:2:3: error: broken; fix it", exception.Message);
    }

    [Fact]
    public void The_bag_counts_errors_but_not_warnings()
    {
        var bag = new DiagnosticBag();
        bag.Add(Diagnostic.Warning(new SourceLocation("a.md", 1, 1), "w"));
        Assert.False(bag.HasErrors);

        bag.AddRange([Diagnostic.Error(new SourceLocation("b.md", 1, 1), "e1"), Diagnostic.Error(new SourceLocation("a.md", 9, 1), "e2")]);

        Assert.True(bag.HasErrors);
        Assert.Equal(2, bag.ErrorCount);
        Assert.Equal(["a.md:1:1: warning: w", "a.md:9:1: error: e2", "b.md:1:1: error: e1"], bag.Sorted().Select(d => d.ToString()));
    }
}
