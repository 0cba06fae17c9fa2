using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Diagnostics;
using WatchList.Site.Reading;

namespace WatchList.Site.Templates;

/// <summary>
/// The theme's Liquid templates, parsed once per build: <c>templates/NAME.liquid</c> are pages,
/// <c>layouts/NAME.liquid</c> wrap them (chosen with <c>layout: NAME</c> in a template's front matter, the page
/// placed at <c>{{ content }}</c>), <c>partials/NAME.liquid</c> are pieces they share
/// (<c>{% render 'NAME' %}</c>). Every filter, partial and layout a template names is checked when the theme
/// loads, so a mistake is reported at its line before anything is rendered.
/// </summary>
public sealed class Theme
{
    /// <summary>
    /// Every value a template prints is HTML-escaped, unless marked <c>| raw</c>. All of Unicode passes as it is:
    /// only the characters that mean something in HTML are escaped.
    /// </summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ThemeFiles _files;
    private readonly TemplateOptions _options;

    private Theme(ThemeFiles files, TemplateOptions options, ulong fingerprint)
    {
        _files = files;
        _options = options;
        Fingerprint = fingerprint;
    }

    public string Folder => _files.Folder;

    /// <summary>A digest of every template, layout and partial: pages are rendered again when it changes.</summary>
    public ulong Fingerprint { get; }

    internal ThemeFiles Files => _files;

    public static Theme Load(string folder, SiteSettings settings) => Bind(ThemeFiles.Read(folder), settings);

    /// <summary>The parsed files made ready to render a site with these settings (its addresses).</summary>
    public static Theme Bind(ThemeFiles files, SiteSettings settings)
    {
        var options = new TemplateOptions
        {
            FileProvider = files.Partials,
            TemplateCache = files.Partials,
        };
        options.ValueConverters.Add(value => ModelValues.Convert(value, options));
        ThemeFilters.Register(options.Filters, settings);
        var fingerprint = Output.Fingerprint.Of(files.All
            .Select(f => (object?)f.Text)
            .Append(settings.BaseUrl.AbsoluteUri)
            .ToList());
        return new Theme(files, options, fingerprint);
    }

    /// <summary>Renders a page template, in its layouts, straight into a writer.</summary>
    public void Render(string template, TextWriter writer, object model)
    {
        if (!_files.Pages.TryGetValue(template, out var page))
        {
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(DisplayPath.For(Path.Combine(Folder, "templates", template + ".liquid"))),
                $"the theme has no '{template}' template", $"add templates/{template}.liquid to the theme"));
        }
        var context = new TemplateContext(model, _options);
        var output = writer as TemplateWriter ?? new TemplateWriter(writer);
        try
        {
            Render(page, null, output, context);
        }
        catch (Exception e) when (e is FluidException or ParseException or InvalidOperationException or FileNotFoundException or ArgumentException)
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(page.Path),
                "the template failed to render: " + e.Message, "see 'The theme' in the README"));
        }
    }

    /// <summary>A template, its <c>{{ content }}</c> being <paramref name="content"/>, wrapped in its layout if it has one.</summary>
    private void Render(ThemeFile file, FluidValue? content, TextWriter output, TemplateContext context)
    {
        if (file.Layout is null)
        {
            context.SetValue("content", content ?? NilValue.Instance);
            Wait(file.Template.RenderAsync(output, Encoder, context));
            return;
        }
        // The layout renders first and the file where the layout writes {{ content }}: the page is never held in memory.
        var wrapped = new ContentValue(writer =>
        {
            var own = context.GetValue("content");
            context.SetValue("content", content ?? NilValue.Instance);
            Wait(file.Template.RenderAsync(writer, Encoder, context));
            context.SetValue("content", own);
        });
        Render(_files.Layouts[file.Layout], wrapped, output, context);
    }

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    public bool Has(string template) => _files.Pages.ContainsKey(template);
}

/// <summary>One parsed file of the theme.</summary>
/// <param name="Body">Where the Liquid starts in <paramref name="Text"/>, after the front matter.</param>
/// <param name="Layout">The layout named in the front matter, if any.</param>
public sealed record ThemeFile(string Name, string Path, string Text, int Body, IFluidTemplate Template, string? Layout);

/// <summary>
/// The files of a theme, read and parsed; nothing here depends on the site, so a build starts this first.
/// A mistake in any of them is an error at its file, line and column, with a hint.
/// </summary>
public sealed partial class ThemeFiles
{
    private ThemeFiles(string folder, ImmutableDictionary<string, ThemeFile> pages, ImmutableDictionary<string, ThemeFile> layouts,
        PartialFiles partials, ImmutableArray<ThemeFile> all)
    {
        Folder = folder;
        Pages = pages;
        Layouts = layouts;
        Partials = partials;
        All = all;
    }

    public string Folder { get; }
    public ImmutableDictionary<string, ThemeFile> Pages { get; }
    public ImmutableDictionary<string, ThemeFile> Layouts { get; }
    internal PartialFiles Partials { get; }

    /// <summary>Every file, in the order of their paths.</summary>
    public ImmutableArray<ThemeFile> All { get; }

    public static ThemeFiles Read(string folder)
    {
        var shownFolder = DisplayPath.For(folder).TrimEnd('/') + "/";
        var templates = System.IO.Path.Combine(folder, "templates");
        if (!Directory.Exists(templates))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shownFolder),
                "the theme has no templates/ folder", "point --theme at a theme folder, such as the default 'theme'"));
        }
        var parser = new FluidParser();
        var pages = ParseFolder(parser, templates, frontMatter: true);
        var layouts = ParseFolder(parser, System.IO.Path.Combine(folder, "layouts"), frontMatter: true);
        var partials = ParseFolder(parser, System.IO.Path.Combine(folder, "partials"), frontMatter: false);
        var all = pages.Values.Concat(layouts.Values).Concat(partials.Values).OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        var files = new ThemeFiles(folder, pages.ToImmutableDictionary(), layouts.ToImmutableDictionary(),
            new PartialFiles(partials.ToImmutableDictionary()), all);
        files.Validate();
        return files;
    }

    private static Dictionary<string, ThemeFile> ParseFolder(FluidParser parser, string folder, bool frontMatter)
    {
        var parsed = new Dictionary<string, ThemeFile>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return parsed;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.liquid").Order(StringComparer.Ordinal))
        {
            var shown = DisplayPath.For(file);
            var text = ReadFiles.DecodeUtf8(shown, File.ReadAllBytes(file));
            var (body, layout) = frontMatter ? ReadFrontMatter(shown, text) : (0, null);
            IFluidTemplate template;
            try
            {
                template = parser.Parse(text[body..]);
            }
            catch (ParseException e)
            {
                throw ParseProblem(shown, text, body, e.Message);
            }
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            parsed[name] = new ThemeFile(name, shown, text, body, template, layout);
        }
        return parsed;
    }

    /// <summary>
    /// A template's or layout's front matter, as in Jekyll: <c>layout: NAME</c> between two <c>---</c> lines at the
    /// top. Returns where the Liquid starts and the layout named.
    /// </summary>
    private static (int Body, string? Layout) ReadFrontMatter(string path, string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && !text.StartsWith("---\r\n", StringComparison.Ordinal))
        {
            return (0, null);
        }
        string? layout = null;
        var position = text.IndexOf('\n') + 1;
        var line = 2;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            var content = text[position..(end < 0 ? text.Length : end)].TrimEnd('\r');
            if (content == "---")
            {
                return (next, layout);
            }
            var colon = content.IndexOf(':');
            var key = colon < 0 ? content.Trim() : content[..colon].Trim();
            if (key.Length > 0 && !key.StartsWith('#'))
            {
                if (key != "layout" || colon < 0)
                {
                    throw new DiagnosticException(Diagnostic.Error(new SourceLocation(path, line, 1),
                        $"the front matter of a template knows only 'layout', not '{key}'", "write 'layout: NAME' to wrap the template in layouts/NAME.liquid"));
                }
                layout = content[(colon + 1)..].Trim().Trim('"', '\'');
                if (layout.Length == 0)
                {
                    layout = null;
                }
            }
            position = next;
            line++;
        }
        throw new DiagnosticException(Diagnostic.Error(new SourceLocation(path, 1, 1),
            "the front matter is never closed with a '---' line", "end the front matter with a line holding only '---'"));
    }

    [GeneratedRegex(@"^(?<message>.*?) at \((?<line>\d+):(?<column>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex ParsePosition();

    private static DiagnosticException ParseProblem(string path, string text, int body, string message)
    {
        var match = ParsePosition().Match(message);
        if (!match.Success)
        {
            return new DiagnosticException(Diagnostic.Error(new SourceLocation(path, LineOf(text, body), 1),
                "the template is not valid Liquid: " + FirstLine(message), LiquidHint));
        }
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new DiagnosticException(Diagnostic.Error(new SourceLocation(path, LineOf(text, body) + line - 1, column),
            "the template is not valid Liquid: " + FirstLine(match.Groups["message"].Value), LiquidHint));
    }

    private const string LiquidHint =
        "write {{ value | filter }} for output and {% tag %}...{% endtag %} for logic; see 'The theme' in the README";

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }

    /// <summary>The line (from 1) of a place in a text.</summary>
    internal static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    /// <summary>The line and column (from 1) of a place in a text.</summary>
    internal static SourceLocation LocationOf(ThemeFile file, int index)
    {
        var lineStart = file.Text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }
        return new SourceLocation(file.Path, LineOf(file.Text, index), index - lineStart + 1);
    }

    /// <summary>
    /// Where in a file's Liquid something a check found is written: Fluid's parsed statements keep no places,
    /// so the place is found again in the text, inside a tag. The start of the Liquid when it cannot be found.
    /// </summary>
    internal static SourceLocation Find(ThemeFile file, Regex pattern)
    {
        foreach (Match tag in Tags().Matches(file.Text, file.Body))
        {
            var found = pattern.Match(tag.Value);
            if (found.Success)
            {
                return LocationOf(file, tag.Index + found.Index);
            }
        }
        return LocationOf(file, file.Body);
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Tags();

    /// <summary>Every filter, partial and layout the files name must exist.</summary>
    private void Validate()
    {
        var known = new TemplateOptions().Filters.Select(f => f.Key).Concat(ThemeFilters.Names).ToHashSet(StringComparer.Ordinal);
        foreach (var file in All)
        {
            if (file.Layout is { } layout && !Layouts.ContainsKey(layout))
            {
                throw new DiagnosticException(Diagnostic.Error(
                    new SourceLocation(file.Path, LineOf(file.Text, file.Text.IndexOf("layout", StringComparison.Ordinal)), 1),
                    $"there is no layout '{layout}'",
                    DidYouMean.Hint(layout, Layouts.Keys, $"add layouts/{layout}.liquid to the theme")));
            }
            var names = new NamesUsed();
            names.VisitTemplate(file.Template);
            foreach (var filter in names.Filters)
            {
                if (!known.Contains(filter))
                {
                    throw new DiagnosticException(Diagnostic.Error(
                        Find(file, new Regex(@"\|\s*" + Regex.Escape(filter) + @"(?![\w-])")),
                        $"unknown filter '{filter}'",
                        DidYouMean.Hint(filter, known, "the theme can use Liquid's standard filters and " + string.Join(", ", ThemeFilters.Names))));
                }
            }
            foreach (var partial in names.Partials)
            {
                if (Partials.Find(partial) is null)
                {
                    throw new DiagnosticException(Diagnostic.Error(
                        Find(file, new Regex(@"(render|include)\s+['""]" + Regex.Escape(partial) + @"['""]")),
                        $"there is no partial '{partial}'",
                        DidYouMean.Hint(partial, Partials.Names, $"add partials/{partial}.liquid to the theme")));
                }
            }
        }
        foreach (var file in Layouts.Values)
        {
            // A layout that wraps itself, directly or not, would never end.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var at = file; at.Layout is not null; at = Layouts[at.Layout])
            {
                if (!seen.Add(at.Name))
                {
                    throw new DiagnosticException(Diagnostic.Error(new SourceLocation(file.Path, 1, 1),
                        $"the layout '{file.Name}' wraps itself", "remove 'layout:' from one of the layouts that name each other"));
                }
            }
        }
    }

    /// <summary>The filters and the partials (by name, when written as text) a template uses.</summary>
    private sealed class NamesUsed : AstVisitor
    {
        public List<string> Filters { get; } = [];
        public List<string> Partials { get; } = [];

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Partials.Add(renderStatement.Path);
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            if (includeStatement.Path is LiteralExpression { Value: var path })
            {
                Partials.Add(path.ToStringValue());
            }
            return base.VisitIncludeStatement(includeStatement);
        }
    }
}
