using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace WatchList.Pipeline.Tests;

/// <summary>Small in-memory modules the engine tests compose into pipelines.</summary>
internal static class Modules
{
    public static readonly MetadataKey<string> Name = new("name");

    public static Document Doc(string name) => Document.Create("in/" + name + ".md", name + ".html").With(Name, name);

    public static string NameOf(Document document) => document.Get(Name);

    /// <summary>Replaces the phase's documents by new ones with these names.</summary>
    public static IModule Emit(params string[] names) =>
        new DelegateModule((_, _) => [.. names.Select(Doc)]);

    /// <summary>Appends a suffix to every document's name, so a test sees which phases a document went through.</summary>
    public static IModule Suffix(string suffix) =>
        new DelegateModule((inputs, _) => [.. inputs.Select(d => d.With(Name, NameOf(d) + suffix))]);

    /// <summary>Writes "pipeline:phase" to a log and passes the documents on.</summary>
    public static IModule Log(ConcurrentQueue<string> log, string? label = null) =>
        new DelegateModule((inputs, context) =>
        {
            log.Enqueue(label ?? $"{context.Pipeline.Name}:{context.Phase}");
            return inputs;
        });

    /// <summary>Keeps what another pipeline's documents were called when this module ran.</summary>
    public static IModule Peek(string pipeline, ConcurrentDictionary<string, string[]> seen) =>
        new DelegateModule((inputs, context) =>
        {
            seen[pipeline] = [.. context.OutputsOf(pipeline).Select(NameOf)];
            return inputs;
        });

    public static IModule Async(Func<ImmutableArray<Document>, PipelineContext, Task<ImmutableArray<Document>>> execute) =>
        new AsyncModule(execute);

    private sealed class AsyncModule(Func<ImmutableArray<Document>, PipelineContext, Task<ImmutableArray<Document>>> execute) : IModule
    {
        public async ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, PipelineContext context) =>
            await execute(inputs, context);
    }
}

/// <summary>A per-document module that rejects the documents with the given names, as a parser rejects broken files.</summary>
internal sealed class RejectDocuments(params string[] broken) : PerDocumentModule
{
    protected override Document? Execute(Document input, PipelineContext context)
    {
        var name = Modules.NameOf(input);
        if (broken.Contains(name))
        {
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(input.Source, 3, 7), $"'{name}' is broken", "fix it"));
        }
        return input.With(Modules.Name, name + "+checked");
    }
}
