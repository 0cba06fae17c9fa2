using System.Collections;
using System.Runtime.CompilerServices;
using WatchList.Site.Output;

namespace WatchList.Site.Pages;

/// <summary>
/// The model of something many pages show, such as a commentary in a list: built once per thing and
/// build, its digest worked out once, never changed afterwards. A page that adds fields of its own
/// (the link to a mention, say) layers them on top with <see cref="With"/> instead of copying.
/// </summary>
public sealed class SharedModel(Dictionary<string, object?> fields) : IReadOnlyDictionary<string, object?>
{
    private ulong _digest;
    private volatile bool _digested;

    /// <summary>The digest of the fields, as <see cref="Fingerprint"/> would give it.</summary>
    public ulong Digest
    {
        get
        {
            if (!_digested)
            {
                // Two threads may both work it out; they get the same value.
                _digest = Fingerprint.Of(fields);
                _digested = true;
            }
            return _digest;
        }
    }

    /// <summary>This model with a page's own fields on top; they win where a name is in both.</summary>
    public LayeredModel With(Dictionary<string, object?> own) => new(this, own);

    /// <summary>One model per <paramref name="key"/> object for as long as that object lives.</summary>
    public static Func<TKey, SharedModel> PerInstance<TKey>(Func<TKey, Dictionary<string, object?>> build) where TKey : class
    {
        var models = new ConditionalWeakTable<TKey, SharedModel>();
        return key => models.GetValue(key, k => new SharedModel(build(k)));
    }

    public object? this[string key] => fields[key];
    public IEnumerable<string> Keys => fields.Keys;
    public IEnumerable<object?> Values => fields.Values;
    public int Count => fields.Count;
    public bool ContainsKey(string key) => fields.ContainsKey(key);
    public bool TryGetValue(string key, out object? value) => fields.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A <see cref="SharedModel"/> with one page's own fields on top.</summary>
public sealed class LayeredModel(SharedModel shared, Dictionary<string, object?> own) : IReadOnlyDictionary<string, object?>
{
    public SharedModel Shared => shared;

    public Dictionary<string, object?> Own => own;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => own.Keys.Concat(shared.Keys.Where(k => !own.ContainsKey(k)));
    public IEnumerable<object?> Values => Keys.Select(k => this[k]);
    public int Count => Keys.Count();
    public bool ContainsKey(string key) => own.ContainsKey(key) || shared.ContainsKey(key);
    public bool TryGetValue(string key, out object? value) => own.TryGetValue(key, out value) || shared.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
