using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fluid;
using Fluid.Values;
using WatchList.Site.Content;

namespace WatchList.Site.Templates;

/// <summary>The filters WatchList adds to Liquid's standard ones, for the site's addresses, counts and metadata.</summary>
internal static class ThemeFilters
{
    /// <summary>Our filters, by name: what a theme can use beyond Liquid's own.</summary>
    public static readonly string[] Names = ["absolute_url", "json", "plural", "url"];

    public static void Register(FilterCollection filters, SiteSettings settings)
    {
        // {{ "/glossary/" | url }}: a site path under the base path the site is published at.
        filters.AddFilter("url", (input, _, _) => Text(settings.Link(input.ToStringValue())));
        // {{ "/feed.xml" | absolute_url }}: the full address, for feeds and metadata.
        filters.AddFilter("absolute_url", (input, _, _) => Text(settings.AbsoluteUrl(input.ToStringValue())));
        // {{ count | plural: "term", "terms" }}: the count with the right form of the noun.
        filters.AddFilter("plural", Plural);
        // {{ json_ld | json }}: JSON that is safe inside a <script> element.
        filters.AddFilter("json", Json);
        // {{ body | raw }}: the rendered body as it is; Liquid's own raw for anything else.
        filters.AddFilter("raw", (input, _, _) => input is HtmlValue html
            ? html.AsRaw()
            : new StringValue(input.ToStringValue(), encode: false));
    }

    private static ValueTask<FluidValue> Text(string value) => new StringValue(value);

    private static ValueTask<FluidValue> Plural(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var count = input.ToNumberValue();
        var noun = arguments.At(count == 1 ? 0 : 1).ToStringValue();
        return new StringValue($"{count.ToString(CultureInfo.InvariantCulture)} {noun}");
    }

    /// <summary>
    /// The value as compact JSON. Its writer escapes &lt;, &gt; and &amp; in text, so no value can close the script
    /// element; the JSON is not HTML-escaped again, which would break it there.
    /// </summary>
    private static ValueTask<FluidValue> Json(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var buffer = JsonBuffer.Empty();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, input);
        }
        return new StringValue(Encoding.UTF8.GetString(buffer.WrittenSpan), encode: false);
    }

    private static void Write(Utf8JsonWriter json, FluidValue value)
    {
        switch (value)
        {
            case NilValue or EmptyValue or BlankValue:
                json.WriteNullValue();
                break;
            case BooleanValue:
                json.WriteBooleanValue(value.ToBooleanValue());
                break;
            case NumberValue:
                json.WriteNumberValue(value.ToNumberValue());
                break;
            case DictionaryValue when value.ToObjectValue() is ModelValues.ModelFields fields:
                json.WriteStartObject();
                foreach (var (key, field) in fields.Source)
                {
                    json.WritePropertyName(key);
                    Write(json, field);
                }
                json.WriteEndObject();
                break;
            case ArrayValue array:
                json.WriteStartArray();
                foreach (var item in array.Values)
                {
                    Write(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToStringValue());
                break;
        }
    }

    /// <summary>A model's field, straight from the model: no Liquid value is made for each.</summary>
    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case IReadOnlyDictionary<string, object?> fields:
                json.WriteStartObject();
                foreach (var (key, field) in fields)
                {
                    json.WritePropertyName(key);
                    Write(json, field);
                }
                json.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
