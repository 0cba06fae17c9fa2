using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using WatchList.Pipeline;
using WatchList.Site.Markdown;

namespace WatchList.Site.Templates;

/// <summary>
/// How page models (dictionaries, lists, text, numbers and rendered HTML) become Liquid values. Done here, not by
/// Fluid's own conversion, which looks into unknown types by reflection: the published program is trimmed.
/// </summary>
internal static class ModelValues
{
    public static object? Convert(object value, TemplateOptions options) => value switch
    {
        RenderedHtml html => new HtmlValue(html, raw: false),
        IReadOnlyDictionary<string, object?> fields => new DictionaryValue(new ModelFields(fields, options)),
        string => null,
        IList list => Items(list, options),
        IEnumerable items => Items(items.Cast<object?>().ToList(), options),
        _ => null,
    };

    private static FluidValue Items(IList list, TemplateOptions options)
    {
        if (list.Count == 0)
        {
            return ArrayValue.Empty;
        }
        var values = new FluidValue[list.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = FluidValue.Create(list[i], options);
        }
        return new ArrayValue(values);
    }

    /// <summary>A model's fields as Liquid sees them; <see cref="Source"/> keeps their order for the json filter.</summary>
    public sealed class ModelFields(IReadOnlyDictionary<string, object?> fields, TemplateOptions options) : IFluidIndexable
    {
        public IReadOnlyDictionary<string, object?> Source => fields;
        public int Count => fields.Count;
        public IEnumerable<string> Keys => fields.Keys;

        public bool TryGetValue(string name, out FluidValue value)
        {
            if (fields.TryGetValue(name, out var field))
            {
                value = FluidValue.Create(field, options);
                return true;
            }
            value = NilValue.Instance;
            return false;
        }
    }
}

/// <summary>
/// A page's rendered body. Escaped like any value unless the template writes <c>{{ body | raw }}</c>; then its
/// UTF-8 goes to the file as it is, never decoded and encoded again.
/// </summary>
internal sealed class HtmlValue(RenderedHtml html, bool raw) : FluidValue
{
    public HtmlValue AsRaw() => new(html, raw: true);

    public override FluidValues Type => FluidValues.String;
    public override bool Equals(FluidValue other) => other is HtmlValue h ? h.ToStringValue() == ToStringValue() : other.ToStringValue() == ToStringValue();
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override string ToStringValue() => html.ToString();
    public override object ToObjectValue() => ToStringValue();
    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (!raw)
        {
            writer.Write(encoder.Encode(ToStringValue()));
        }
        else if (writer is IUtf8TextWriter utf8)
        {
            utf8.WriteUtf8(html.Utf8.Span);
        }
        else
        {
            writer.Write(ToStringValue());
        }
        return default;
    }
}

/// <summary>
/// What a layout writes with <c>{{ content }}</c>: the page (or inner layout) it wraps, rendered into the same
/// writer when the layout gets there. It is template output, already escaped, so it is written as it is.
/// </summary>
internal sealed class ContentValue(Action<TextWriter> render) : FluidValue
{
    public override FluidValues Type => FluidValues.String;
    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override object ToObjectValue() => ToStringValue();
    public override int GetHashCode() => 0;

    public override string ToStringValue()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        render(text);
        return text.ToString();
    }

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        render(writer);
        return default;
    }
}

/// <summary>
/// Fluid writes through <see cref="TextWriter.WriteAsync(string)"/>, which a plain writer hands to the thread pool;
/// pages are written on one thread each, so every write here is done at once. Text already UTF-8 passes on as it is.
/// </summary>
internal sealed class TemplateWriter(TextWriter inner) : TextWriter, IUtf8TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;
    public override void Write(char value) => inner.Write(value);
    public override void Write(string? value) => inner.Write(value);
    public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);
    public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

    public override Task WriteAsync(char value)
    {
        inner.Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        inner.Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        inner.Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        inner.Write(buffer.Span);
        return Task.CompletedTask;
    }

    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        if (inner is IUtf8TextWriter writer)
        {
            writer.WriteUtf8(utf8);
        }
        else
        {
            inner.Write(System.Text.Encoding.UTF8.GetString(utf8));
        }
    }
}
