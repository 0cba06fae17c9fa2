using System.Text;

namespace WatchList.Pipeline.Tests;

public class DocumentTests
{
    private static readonly MetadataKey<string> Title = new("title");
    private static readonly MetadataKey<int> Year = new("year");

    [Fact]
    public void With_returns_a_new_document_and_leaves_the_old_one_unchanged()
    {
        var original = Document.Create("input/a.md", "a/index.html").With(Title, "First");

        var changed = original.With(Title, "Second").With(Year, 2019);

        Assert.NotSame(original, changed);
        Assert.Equal("First", original.Get(Title));
        Assert.False(original.TryGet(Year, out _));
        Assert.Equal("Second", changed.Get(Title));
        Assert.Equal(2019, changed.Get(Year));
    }

    [Fact]
    public void WithContent_and_WithDestination_leave_the_old_document_unchanged()
    {
        var original = Document.Create("input/a.md", "a/index.html", new TextContent("old"));

        var moved = original.WithDestination("b/index.html").WithContent(new TextContent("new"));

        Assert.Equal("a/index.html", original.Destination);
        Assert.Equal("old", original.Content.ReadAsText());
        Assert.Equal("b/index.html", moved.Destination);
        Assert.Equal("new", moved.Content.ReadAsText());
        Assert.Equal("input/a.md", moved.Source);
    }

    [Fact]
    public void Reading_missing_metadata_names_the_key_and_the_document()
    {
        var document = Document.Create("input/a.md", "");

        var error = Assert.Throws<KeyNotFoundException>(() => document.Get(Title));

        Assert.Contains("'input/a.md'", error.Message);
        Assert.Contains("'title'", error.Message);
        Assert.False(document.TryGet(Title, out _));
    }

    [Fact]
    public void Metadata_of_another_type_under_the_same_name_is_not_returned()
    {
        var document = Document.Create("input/a.md", "").With(new MetadataKey<string>("year"), "2019");

        Assert.False(document.TryGet(Year, out _));
        Assert.Throws<KeyNotFoundException>(() => document.Get(Year));
    }

    [Fact]
    public void Streamed_content_is_produced_when_written_as_UTF8_without_a_byte_order_mark()
    {
        var calls = 0;
        var content = new StreamedTextContent(writer =>
        {
            calls++;
            writer.Write("Kim Jong-un – Moon Jae-in");
        });
        Assert.Equal(0, calls);

        using var stream = new MemoryStream();
        content.WriteTo(stream);

        Assert.Equal(1, calls);
        Assert.Equal("Kim Jong-un – Moon Jae-in"u8.ToArray(), stream.ToArray());
    }
    [Fact]
    public void Streamed_text_and_bytes_already_encoded_reach_the_file_in_order_and_in_one_write()
    {
        // Long enough to fill the writer's character buffer, with a pair of surrogates across its end.
        var before = new string('a', 8191) + "😀 Yongbyon " + new string('b', 3000);
        var body = Encoding.UTF8.GetBytes("<p>Kaesong – 개성</p>" + new string('c', 10000));
        const string after = "</main>😀";
        var content = new StreamedTextContent(writer =>
        {
            writer.Write(before);
            ((IUtf8TextWriter)writer).WriteUtf8(body);
            writer.Write(after);
        });

        using var stream = new CountingStream();
        content.WriteTo(stream);

        Assert.Equal([.. Encoding.UTF8.GetBytes(before), .. body, .. Encoding.UTF8.GetBytes(after)], stream.ToArray());
        Assert.Equal(1, stream.Writes);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }
    }
}
