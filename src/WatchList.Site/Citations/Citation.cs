using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WatchList.Site.Content;

namespace WatchList.Site.Citations;

/// <summary>A person's name split for reference managers: the last word is the family name.</summary>
public sealed record PersonName(string Given, string Family)
{
    public static PersonName Of(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? new PersonName("", trimmed) : new PersonName(trimmed[..space].TrimEnd(), trimmed[(space + 1)..]);
    }

    /// <summary>"Green, Christopher", the order reference lists sort by.</summary>
    public string Inverted => Given.Length > 0 ? $"{Family}, {Given}" : Family;

    public string Full => Given.Length > 0 ? $"{Given} {Family}" : Family;
}

/// <summary>
/// What a reader needs to cite a commentary, and the forms reference managers read: Highwire Press meta
/// tags (Zotero, Google Scholar), a Chicago-style reference, BibTeX, RIS and CSL-JSON.
/// </summary>
public sealed record Citation(
    string Key,
    string Title,
    ImmutableArray<PersonName> Authors,
    DateOnly Date,
    string Publisher,
    string? Series,
    string Url,
    string Summary,
    string Language,
    string? PdfUrl)
{
    public static Citation Of(Commentary commentary, SiteSettings site, string? pdfUrl = null)
    {
        ImmutableArray<PersonName> authors = [.. commentary.Authors.Select(PersonName.Of)];
        var publisher = commentary.Publisher ?? (site.Author.Length > 0 ? site.Author : site.Title);
        return new Citation(KeyOf(authors.Length > 0 ? authors[0].Family : publisher, commentary), commentary.Title, authors, commentary.Date, publisher,
            commentary.Series, site.AbsoluteUrl(commentary.Url), commentary.Summary, site.Language, pdfUrl);
    }

    /// <summary>Room for a reference in any of the text forms, so that its builder is not grown as it is written.</summary>
    private int Capacity => 256 + 2 * (Title.Length + Summary.Length + Url.Length + Publisher.Length + (Series?.Length ?? 0)) +
        Authors.Sum(a => 2 * (a.Given.Length + a.Family.Length) + 16);

    /// <summary>A BibTeX key as reference managers make them: family name, year, first word of the title ("green2019north").</summary>
    private static string KeyOf(string firstName, Commentary commentary)
    {
        static string Ascii(string text) =>
            new([.. text.Normalize(NormalizationForm.FormD).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var who = Ascii(firstName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");
        var word = commentary.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Ascii).FirstOrDefault(w => w.Length > 0) ?? "";
        var key = $"{who}{commentary.Date.Year}{word}";
        return char.IsAsciiLetter(key[0]) ? key : "c" + key;
    }

    /// <summary>The date as Highwire Press tags write it: 2019/04/26.</summary>
    public string HighwireDate => Date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    /// <summary>Chicago style (notes and bibliography, a web page): Authors. "Title." Publisher, Month D, YYYY. URL.</summary>
    public string Chicago
    {
        get
        {
            var text = new StringBuilder(Capacity);
            if (Authors.Length > 0)
            {
                text.Append(Authors.Length switch
                {
                    1 => Authors[0].Inverted,
                    2 => $"{Authors[0].Inverted}, and {Authors[1].Full}",
                    _ => $"{Authors[0].Inverted}, {string.Join(", ", Authors.Skip(1).Take(Authors.Length - 2).Select(a => a.Full))}, and {Authors[^1].Full}",
                });
                text.Append(Authors[^1].Full.EndsWith('.') ? " " : ". ");
            }
            // The title's closing period goes inside the quotation marks, unless the title ends with its own mark.
            text.Append('“').Append(Title).Append(Title.EndsWith('?') || Title.EndsWith('!') || Title.EndsWith('.') ? "" : ".").Append("” ");
            if (Series is not null)
            {
                text.Append(Series).Append(". ");
            }
            text.Append(Publisher).Append(", ").Append(Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append(". ").Append(Url).Append('.');
            return text.ToString();
        }
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>A BibTeX @misc entry, its text escaped for TeX (braces, backslash and the other special characters).</summary>
    public string BibTeX
    {
        get
        {
            var text = new StringBuilder(Capacity);
            text.Append("@misc{").Append(Key).Append(",\n");
            void Field(string name, string value, bool keepCapitals = false) =>
                text.Append("  ").Append(name).Append(" = {").Append(keepCapitals ? "{" : "").Append(TeX(value)).Append(keepCapitals ? "}" : "").Append("},\n");
            if (Authors.Length > 0)
            {
                // Names in "Family, Given" form joined with "and"; an "and" inside a name is braced so it does not split it.
                text.Append("  author = {").Append(string.Join(" and ", Authors.Select(a => TeXName(a.Inverted)))).Append("},\n");
            }
            Field("title", Title, keepCapitals: true);
            if (Series is not null)
            {
                Field("series", Series);
            }
            Field("publisher", Publisher);
            Field("organization", Publisher);
            text.Append("  year = {").Append(Date.Year.ToString(CultureInfo.InvariantCulture)).Append("},\n");
            text.Append("  month = ").Append(Months[Date.Month - 1]).Append(",\n");
            text.Append("  day = {").Append(Date.Day.ToString(CultureInfo.InvariantCulture)).Append("},\n");
            text.Append("  date = {").Append(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("},\n");
            // The address goes in as it is: \url{} takes it verbatim, and % and # in it must not start TeX comments or macros.
            text.Append("  url = {").Append(UrlTeX(Url)).Append("},\n");
            text.Append("  howpublished = {\\url{").Append(UrlTeX(Url)).Append("}},\n");
            Field("abstract", Summary);
            Field("language", Language);
            text.Append("}\n");
            return text.ToString();
        }
    }

    /// <summary>Text for a BibTeX field: the characters TeX treats specially are escaped, so braces always balance.</summary>
    public static string TeX(string value)
    {
        var flat = Flatten(value);
        if (!flat.AsSpan().ContainsAny(TeXSpecial))
        {
            // Most titles and summaries have nothing to escape.
            return flat;
        }
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in flat)
        {
            text.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\{",
                '}' => "\\}",
                '$' => "\\$",
                '&' => "\\&",
                '%' => "\\%",
                '#' => "\\#",
                '_' => "\\_",
                '^' => "\\textasciicircum{}",
                '~' => "\\textasciitilde{}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    private static string TeXName(string name)
    {
        var escaped = TeX(name);
        return escaped.Contains(" and ", StringComparison.OrdinalIgnoreCase) ? "{" + escaped + "}" : escaped;
    }

    private static string UrlTeX(string url) => url.Replace("\\", "%5C").Replace("{", "%7B").Replace("}", "%7D").Replace("%", "\\%").Replace("#", "\\#");

    /// <summary>White space, line breaks included, as one space: a field value is one line in every format.</summary>
    private static string Flatten(string value) =>
        // Most values are one line already: single spaces, none at either end.
        !value.AsSpan().ContainsAny(Characters.OtherWhiteSpace) && !value.Contains("  ", StringComparison.Ordinal) &&
        !value.StartsWith(' ') && !value.EndsWith(' ')
            ? value
            : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The characters <see cref="TeX"/> escapes.</summary>
    private static readonly SearchValues<char> TeXSpecial = SearchValues.Create("\\{}$&%#_^~");

    /// <summary>
    /// A RIS record (type ELEC, a web page): one "TAG  - value" line per field, CRLF line ends as the format asks,
    /// values on one line, ending with "ER  - ".
    /// </summary>
    public string Ris
    {
        get
        {
            var text = new StringBuilder(Capacity);
            void Line(string tag, string value) => text.Append(tag).Append("  - ").Append(Flatten(value)).Append("\r\n");
            Line("TY", "ELEC");
            foreach (var author in Authors)
            {
                Line("AU", author.Inverted);
            }
            Line("TI", Title);
            if (Series is not null)
            {
                Line("T3", Series);
            }
            Line("PY", Date.Year.ToString(CultureInfo.InvariantCulture));
            Line("DA", HighwireDate);
            Line("PB", Publisher);
            Line("UR", Url);
            Line("AB", Summary);
            Line("LA", Language);
            Line("ID", Key);
            text.Append("ER  - \r\n");
            return text.ToString();
        }
    }

    /// <summary>CSL-JSON (the citation style language's data), an array of one item of type "webpage".</summary>
    public byte[] CslJson
    {
        get
        {
            var buffer = JsonBuffer.Empty();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                json.WriteStartObject();
                json.WriteString("id", Key);
                json.WriteString("type", "webpage");
                json.WriteString("title", Title);
                if (Authors.Length > 0)
                {
                    json.WriteStartArray("author");
                }
                foreach (var author in Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("family", author.Family);
                    if (author.Given.Length > 0)
                    {
                        json.WriteString("given", author.Given);
                    }
                    json.WriteEndObject();
                }
                if (Authors.Length > 0)
                {
                    json.WriteEndArray();
                }
                json.WriteStartObject("issued");
                json.WriteStartArray("date-parts");
                json.WriteStartArray();
                json.WriteNumberValue(Date.Year);
                json.WriteNumberValue(Date.Month);
                json.WriteNumberValue(Date.Day);
                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteString("publisher", Publisher);
                json.WriteString("container-title", Publisher);
                if (Series is not null)
                {
                    json.WriteString("collection-title", Series);
                }
                json.WriteString("URL", Url);
                json.WriteString("abstract", Summary);
                json.WriteString("language", Language);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            return buffer.WrittenSpan.ToArray();
        }
    }
}
