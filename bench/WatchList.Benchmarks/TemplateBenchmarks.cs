using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using WatchList.Pipeline;
using WatchList.Site;

namespace WatchList.Benchmarks;

/// <summary>
/// Template rendering with the default theme: the commentary pages of a built site, each rendered again
/// from the model the build gave it into UTF-8 (the file itself is not written).
/// </summary>
public class TemplateBenchmarks
{
    private string _folder = "";
    private ImmutableArray<Document> _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "watchlist-bench-templates-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(_folder, "input");
        Corpora.Generate(50, 200).WriteTo(input);
        var options = new BuildOptions(input, Path.Combine(_folder, "site"), Path.Combine(Corpora.RepositoryRoot(), "theme"));
        var result = new Engine(SitePipelines.Create(options, Path.Combine(_folder, "out"))).RunAsync().GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }
        _pages = result.Outputs[SitePipelines.Commentaries];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(OperationsPerInvoke = 50, Description = "render a commentary page from its model")]
    public long RenderCommentaryPages()
    {
        var bytes = 0L;
        foreach (var page in _pages)
        {
            using var sink = new CountingStream();
            page.Content.WriteTo(sink);
            bytes += sink.Length;
        }
        return bytes;
    }
}

/// <summary>A stream that only counts what is written to it.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
