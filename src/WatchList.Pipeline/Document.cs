using System.Collections.Immutable;

namespace WatchList.Pipeline;

/// <summary>A typed name for a metadata entry, so readers and writers agree on the type.</summary>
public sealed record MetadataKey<T>(string Name) where T : notnull;

/// <summary>
/// The unit that flows through pipelines. Immutable: modules return changed copies.
/// <paramref name="Source"/> is the input path as shown to editors (empty for generated documents);
/// <paramref name="Destination"/> is the path below the output folder, with forward slashes.
/// </summary>
public sealed record Document(
    string Source,
    string Destination,
    ImmutableDictionary<string, object> Metadata,
    IContent Content)
{
    public static Document Create(string source, string destination, IContent? content = null) =>
        new(source, destination, ImmutableDictionary<string, object>.Empty, content ?? EmptyContent.Instance);

    public T Get<T>(MetadataKey<T> key) where T : notnull =>
        Metadata.TryGetValue(key.Name, out var value) && value is T typed
            ? typed
            : throw new KeyNotFoundException($"Document '{Source}' has no metadata '{key.Name}'.");

    public bool TryGet<T>(MetadataKey<T> key, out T value) where T : notnull
    {
        if (Metadata.TryGetValue(key.Name, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    public Document With<T>(MetadataKey<T> key, T value) where T : notnull =>
        this with { Metadata = Metadata.SetItem(key.Name, value) };

    public Document WithContent(IContent content) => this with { Content = content };

    public Document WithDestination(string destination) => this with { Destination = destination };
}
