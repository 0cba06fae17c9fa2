using System.Collections.Immutable;

namespace WatchList.Site.Templates.Handlebars;

/// <summary>A place in a template file, for messages about it.</summary>
public readonly record struct TemplatePosition(int Line, int Column);

/// <summary>A value in a template: a path into the data, a literal, or a helper applied to arguments.</summary>
public abstract record Expression(TemplatePosition Position);

/// <summary><c>title</c>, <c>site.title</c>, <c>../url</c>, <c>this</c>; <paramref name="Up"/> counts the <c>../</c>.</summary>
public sealed record PathExpression(ImmutableArray<string> Parts, int Up, TemplatePosition Position) : Expression(Position);

public sealed record LiteralExpression(object Value, TemplatePosition Position) : Expression(Position);

public sealed record HelperExpression(string Name, ImmutableArray<Expression> Arguments, TemplatePosition Position) : Expression(Position);

/// <summary>A piece of a parsed template.</summary>
public abstract record Node;

public sealed record TextNode(string Text) : Node;

/// <summary><c>{{value}}</c> (HTML-escaped) or <c>{{{value}}}</c> (as it is).</summary>
public sealed record OutputNode(Expression Value, bool Escape) : Node;

/// <summary><c>{{#if}}</c>, <c>{{#unless}}</c>, <c>{{#each}}</c> or <c>{{#with}}</c>, with its <c>{{else}}</c> part.</summary>
public sealed record BlockNode(string Kind, Expression Argument, ImmutableArray<Node> Body, ImmutableArray<Node> Inverse, TemplatePosition Position) : Node;

/// <summary><c>{{> name}}</c>: another template rendered with the same data.</summary>
public sealed record PartialNode(string Name, TemplatePosition Position) : Node;

/// <summary><c>{{#> layout}}...{{/layout}}</c>: a partial that places the enclosed content at <c>{{> @partial-block}}</c>.</summary>
public sealed record PartialBlockNode(string Name, ImmutableArray<Node> Body, TemplatePosition Position) : Node;

/// <summary><c>{{> @partial-block}}</c>: where a partial block's enclosed content goes.</summary>
public sealed record PartialBlockSlotNode(TemplatePosition Position) : Node;
