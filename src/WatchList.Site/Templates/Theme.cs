using System.Collections.Immutable;
using HandlebarsDotNet;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Reading;

namespace WatchList.Site.Templates;

/// <summary>
/// The theme's Handlebars templates, compiled once per build: <c>templates/NAME.hbs</c> are pages,
/// <c>partials/NAME.hbs</c> are pieces they share (the <c>layout</c> partial wraps every page).
/// </summary>
public sealed class Theme
{
    private readonly ImmutableDictionary<string, HandlebarsTemplate<TextWriter, object, object>> _pages;

    private Theme(string folder, ImmutableDictionary<string, HandlebarsTemplate<TextWriter, object, object>> pages)
    {
        Folder = folder;
        _pages = pages;
    }

    public string Folder { get; }

    public string AssetsFolder => Path.Combine(Folder, "assets");

    public static Theme Load(string folder, SiteSettings settings)
    {
        var shownFolder = DisplayPath.For(folder).TrimEnd('/') + "/";
        var templates = Path.Combine(folder, "templates");
        if (!Directory.Exists(templates))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shownFolder),
                "the theme has no templates/ folder", "point --theme at a theme folder, such as the default 'theme'"));
        }
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        handlebars.RegisterHelper("url", (context, arguments) => settings.Link(Argument(arguments)));
        handlebars.RegisterHelper("absolute_url", (context, arguments) => settings.AbsoluteUrl(Argument(arguments)));
        // {{plural count "commentary" "commentaries"}}: the count with the right form of the noun.
        handlebars.RegisterHelper("plural", (context, arguments) =>
        {
            var count = arguments.Length > 0 && arguments[0] is int n ? n : 0;
            var noun = count == 1 ? arguments.At<string>(1) : arguments.At<string>(2);
            return $"{count} {noun}";
        });

        var partials = Path.Combine(folder, "partials");
        if (Directory.Exists(partials))
        {
            foreach (var file in Directory.EnumerateFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
            {
                Compile(file, text => handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), text));
            }
        }
        var pages = ImmutableDictionary.CreateBuilder<string, HandlebarsTemplate<TextWriter, object, object>>();
        foreach (var file in Directory.EnumerateFiles(templates, "*.hbs").Order(StringComparer.Ordinal))
        {
            Compile(file, text => pages[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(new StringReader(text)));
        }
        return new Theme(folder, pages.ToImmutable());
    }

    /// <summary>Renders a page template straight into a writer.</summary>
    public void Render(string template, TextWriter writer, object model)
    {
        if (!_pages.TryGetValue(template, out var compiled))
        {
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(DisplayPath.For(Path.Combine(Folder, "templates", template + ".hbs"))),
                $"the theme has no '{template}' template", $"add templates/{template}.hbs to the theme"));
        }
        try
        {
            compiled(writer, model, null!);
        }
        catch (HandlebarsException e)
        {
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(DisplayPath.For(Path.Combine(Folder, "templates", template + ".hbs"))),
                "the template failed to render: " + (e.InnerException?.Message ?? e.Message),
                "check the names used in the template and its partials"));
        }
    }

    public bool Has(string template) => _pages.ContainsKey(template);

    private static void Compile(string file, Action<string> compile)
    {
        var shown = DisplayPath.For(file);
        try
        {
            compile(ReadFiles.DecodeUtf8(shown, File.ReadAllBytes(file)));
        }
        catch (HandlebarsException e)
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shown),
                "the template does not compile: " + e.Message, "check that every {{#block}} has its {{/block}}"));
        }
    }

    private static string Argument(Arguments arguments) =>
        arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : "";
}

/// <summary>Process module of the theme pipeline: compiles the theme once the site settings are known.</summary>
public sealed class LoadTheme(string folder, string sitePipeline) : IModule
{
    public static readonly MetadataKey<Theme> Key = new("theme");

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
        var theme = Theme.Load(folder, settings);
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create(DisplayPath.For(folder), "").With(Key, theme)]);
    }
}
