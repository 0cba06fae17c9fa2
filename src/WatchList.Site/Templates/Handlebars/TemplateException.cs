namespace WatchList.Site.Templates.Handlebars;

/// <summary>A mistake in a template, with where it is.</summary>
public sealed class TemplateException(string message, TemplatePosition position) : Exception(message)
{
    public TemplatePosition Position { get; } = position;
}
