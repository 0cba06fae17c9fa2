using System.Collections.Immutable;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Reading;
using WatchList.Site.Templates.Handlebars;

namespace WatchList.Site.Templates;

/// <summary>
/// The theme's Handlebars templates, parsed once per build: <c>templates/NAME.hbs</c> are pages,
/// <c>partials/NAME.hbs</c> are pieces they share (the <c>layout</c> partial wraps every page).
/// Every partial and helper a template names is checked when the theme loads, so a mistake is
/// reported at its line before anything is rendered.
/// </summary>
public sealed class Theme
{
    private readonly ImmutableDictionary<string, ImmutableArray<Node>> _pages;
    private readonly Renderer _renderer;

    private Theme(string folder, ImmutableDictionary<string, ImmutableArray<Node>> pages, Renderer renderer, ulong fingerprint)
    {
        Folder = folder;
        _pages = pages;
        _renderer = renderer;
        Fingerprint = fingerprint;
    }

    public string Folder { get; }

    /// <summary>A digest of every template and partial: pages are rendered again when it changes.</summary>
    public ulong Fingerprint { get; }

    public static Theme Load(string folder, SiteSettings settings)
    {
        var shownFolder = DisplayPath.For(folder).TrimEnd('/') + "/";
        var templates = Path.Combine(folder, "templates");
        if (!Directory.Exists(templates))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(shownFolder),
                "the theme has no templates/ folder", "point --theme at a theme folder, such as the default 'theme'"));
        }
        var helpers = new Dictionary<string, Helper>(StringComparer.Ordinal)
        {
            // {{url "/path/"}}: a site path under the base path.
            ["url"] = arguments => settings.Link(Text(arguments, 0)),
            // {{absolute_url "/path/"}}: the full address, for feeds and metadata.
            ["absolute_url"] = arguments => settings.AbsoluteUrl(Text(arguments, 0)),
            // {{plural count "commentary" "commentaries"}}: the count with the right form of the noun.
            ["plural"] = arguments =>
            {
                var count = arguments.Count > 0 && arguments[0] is int n ? n : 0;
                return $"{count} {Text(arguments, count == 1 ? 1 : 2)}";
            },
        };
        var partials = ParseFolder(Path.Combine(folder, "partials"));
        var pages = ParseFolder(templates);
        foreach (var (path, _, nodes) in partials.Values.Concat(pages.Values))
        {
            Validate(path, nodes, partials, helpers);
        }
        var renderer = new Renderer(partials.ToImmutableDictionary(p => p.Key, p => p.Value.Nodes), helpers);
        var fingerprint = Output.Fingerprint.Of(partials.Concat(pages)
            .OrderBy(p => p.Value.Path, StringComparer.Ordinal)
            .Select(p => p.Value.Text)
            .Append(settings.BaseUrl.AbsoluteUri)
            .ToList());
        return new Theme(folder, pages.ToImmutableDictionary(p => p.Key, p => p.Value.Nodes), renderer, fingerprint);
    }

    /// <summary>Renders a page template straight into a writer.</summary>
    public void Render(string template, TextWriter writer, object model)
    {
        if (!_pages.TryGetValue(template, out var nodes))
        {
            throw new DiagnosticException(Diagnostic.Error(
                new SourceLocation(DisplayPath.For(Path.Combine(Folder, "templates", template + ".hbs"))),
                $"the theme has no '{template}' template", $"add templates/{template}.hbs to the theme"));
        }
        _renderer.Render(nodes, model, writer);
    }

    public bool Has(string template) => _pages.ContainsKey(template);

    /// <summary>
    /// One parsed template file. A class, not a tuple: generic code over a class is shared and compiled
    /// ahead, over a tuple of references it was compiled at every start-up.
    /// </summary>
    private sealed record Template(string Path, string Text, ImmutableArray<Node> Nodes);

    private static Dictionary<string, Template> ParseFolder(string folder)
    {
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return parsed;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.hbs").Order(StringComparer.Ordinal))
        {
            var shown = DisplayPath.For(file);
            try
            {
                var text = ReadFiles.DecodeUtf8(shown, File.ReadAllBytes(file));
                parsed[Path.GetFileNameWithoutExtension(file)] = new Template(shown, text, Parser.Parse(text));
            }
            catch (TemplateException e)
            {
                throw Problem(shown, e);
            }
        }
        return parsed;
    }

    /// <summary>Every partial and helper a template names must exist.</summary>
    private static void Validate(string path, ImmutableArray<Node> nodes,
        Dictionary<string, Template> partials, Dictionary<string, Helper> helpers)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case PartialNode partial when !partials.ContainsKey(partial.Name):
                    throw Problem(path, new TemplateException($"there is no partial '{partial.Name}'", partial.Position), $"add partials/{partial.Name}.hbs to the theme");
                case PartialBlockNode block:
                    if (!partials.ContainsKey(block.Name))
                    {
                        throw Problem(path, new TemplateException($"there is no partial '{block.Name}'", block.Position), $"add partials/{block.Name}.hbs to the theme");
                    }
                    Validate(path, block.Body, partials, helpers);
                    break;
                case BlockNode block:
                    ValidateExpression(path, block.Argument, helpers);
                    Validate(path, block.Body, partials, helpers);
                    Validate(path, block.Inverse, partials, helpers);
                    break;
                case OutputNode output:
                    ValidateExpression(path, output.Value, helpers);
                    break;
            }
        }
    }

    private static void ValidateExpression(string path, Expression expression, Dictionary<string, Helper> helpers)
    {
        if (expression is HelperExpression call && !helpers.ContainsKey(call.Name))
        {
            throw Problem(path, new TemplateException($"unknown helper '{call.Name}'", call.Position),
                "the theme can use " + string.Join(", ", helpers.Keys.Order()));
        }
    }

    private static DiagnosticException Problem(string path, TemplateException e, string? hint = null) =>
        new(Diagnostic.Error(new SourceLocation(path, e.Position.Line, e.Position.Column),
            "the template is wrong: " + e.Message, hint ?? "see the Handlebars notes in the README"));

    private static string Text(IReadOnlyList<object?> arguments, int index) =>
        index < arguments.Count ? arguments[index]?.ToString() ?? "" : "";
}

/// <summary>Process module of the theme pipeline: loads the theme once the site settings are known.</summary>
public sealed class LoadTheme(string folder, string sitePipeline) : IModule
{
    public static readonly MetadataKey<Theme> Key = new("theme");

    /// <summary>In a preview session, templates are parsed again only when a theme file or the settings changed.</summary>
    public Output.SiteCache? Cache { get; init; }

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var settings = context.OutputsOf(sitePipeline).Single().Get(SiteKeys.Settings);
        var theme = Cache is null
            ? Theme.Load(folder, settings)
            : Cache.Keep(nameof(LoadTheme), $"{settings}\n{Output.SiteCache.Stamp(folder)}", () => Theme.Load(folder, settings));
        return ValueTask.FromResult<ImmutableArray<Document>>([Document.Create(DisplayPath.For(folder), "").With(Key, theme)]);
    }
}
