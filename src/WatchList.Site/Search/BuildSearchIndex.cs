using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site.Content;
using WatchList.Site.Linking;
using WatchList.Site.Markdown;
using WatchList.Site.Output;
using WatchList.Site.Pages;

namespace WatchList.Site.Search;

/// <summary>
/// Process module: the files of the search index (see <see cref="SearchIndexWriter"/>), one document each
/// below <see cref="Folder"/>, from every commentary (newest first), then the glossary terms and the actors.
/// </summary>
public sealed class BuildSearchIndex : IModule
{
    public const string Folder = "search-index";

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var cache = context.Service<SiteCache>();
        var site = SitePages.Settings(context);
        var commentaries = SitePages.NewestFirst(context);
        // On several threads: one took some 70 ms at 10,000 commentaries, while nothing else of the build ran.
        var newestFirst = new (SearchDocument Document, RenderedHtml Body)[commentaries.Count];
        Parallel.For(0, newestFirst.Length, i => newestFirst[i] = CommentaryPage(commentaries[i], site));
        var pages = new List<(SearchDocument Document, RenderedHtml Body)>(newestFirst);
        foreach (var document in context.OutputsOf(SitePipelines.TermPages))
        {
            var term = document.Get(SiteKeys.Term);
            pages.Add(Page(term.Title, "Glossary term", "", site.Link(term.Url), term.Summary, ["type:glossary-term"], document));
        }
        foreach (var document in context.OutputsOf(SitePipelines.ActorPages))
        {
            var actor = document.Get(SiteKeys.Actor);
            pages.Add(Page(actor.Title, "Actor", "", site.Link(actor.Url), actor.Summary ?? "", ["type:actor"], document));
        }

        // A page's words are counted from its body's text, made on the counting threads and let go once counted:
        // 10,000 commentaries' texts held at once were some 200 MB. A preview keeps each page's words with its rendered
        // body, so a save counts the words of one page again, and keeps the postings of the last build.
        IPostings postings;
        if (cache is null)
        {
            postings = CountedPostings.Count(pages.Count, (i, counts) => CountWords(pages[i].Document, pages[i].Body, counts));
        }
        else
        {
            var vocabulary = cache.Keep(nameof(SearchVocabulary), "", () => new SearchVocabulary());
            var kept = cache.Keep(nameof(SearchPostings), "", () => new SearchPostings());
            kept.Update(pages.Count, i => cache.Derive(pages[i].Body, nameof(BuildSearchIndex), $"{pages[i].Document.Title}\n{pages[i].Document.Summary}",
                () => WordsOf(pages[i].Document, pages[i].Body, vocabulary)));
            postings = kept;
        }
        var files = SearchIndexWriter.Write([.. pages.Select(p => p.Document)], postings);
        return ValueTask.FromResult(inputs.AddRange(files.Select(file =>
        {
            var output = Document.Create("", $"{Folder}/{file.Path}");
            var content = new StreamedContent(stream => stream.Write(file.Bytes));
            return cache is null ? output.WithContent(content) : cache.WithContent(output, content, Fingerprint.OfBytes(file.Bytes));
        })));
    }

    /// <remarks>
    /// A commentary is found under the terms and actors it mentions and the actors its front matter names, from its
    /// own document: the index does not wait for the backlinks of the whole site.
    /// </remarks>
    private static (SearchDocument, RenderedHtml) CommentaryPage(Document document, SiteSettings site)
    {
        var commentary = document.Get(SiteKeys.Commentary);
        var kind = commentary.Type ?? "Commentary";
        var filters = new List<string> { "type:" + Slug.Suggest(kind), "year:" + commentary.Date.Year.ToString(CultureInfo.InvariantCulture) };
        filters.AddRange(document.Get(LinkAndRender.Mentions)
            .Select(m => (m.Target.Kind == TargetKind.Actor ? "actor:" : "term:") + m.Target.Id)
            .Concat(commentary.Actors.Select(id => "actor:" + id))
            .Distinct(StringComparer.Ordinal));
        return Page(commentary.Title, kind, commentary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), site.Link(commentary.Url), commentary.Summary, filters, document);
    }

    private static (SearchDocument, RenderedHtml) Page(string title, string kind, string date, string link, string summary, List<string> filters,
        Document document) => (new SearchDocument(title, kind, date, link, summary, "", filters), document.Get(SiteKeys.BodyHtml));

    /// <summary>A page's words, counted from its body's text.</summary>
    private static Dictionary<string, int> WordsOf(SearchDocument page, RenderedHtml body, SearchVocabulary vocabulary)
    {
        var counts = new Dictionary<string, int>(Math.Min(body.Utf8.Length / 24, 4096), StringComparer.Ordinal);
        CountWords(page, body, new DictionaryCounts(counts, vocabulary));
        return counts;
    }

    /// <summary>Hands a page's words to <paramref name="counts"/>, from its body's text in a pooled buffer: the text is never a string of its own.</summary>
    private static void CountWords<TCounts>(SearchDocument page, RenderedHtml body, TCounts counts) where TCounts : IWordCounts
    {
        var html = body.Utf8.Span;
        var words = ArrayPool<char>.Shared.Rent(Math.Max(html.Length, 1));
        try
        {
            SearchIndexWriter.CountWords(page, words.AsSpan(0, HtmlText.Extract(html, words)), counts);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(words);
        }
    }
}
