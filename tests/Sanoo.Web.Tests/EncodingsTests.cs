using System.IO.Compression;
using System.Text;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

public sealed class EncodingsTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<tr><td>Ата-Журт</td><td>12 345</td></tr>", 500)));

    [Fact]
    public void Gzip_decodes_back_to_the_same_bytes_and_is_smaller()
    {
        var gzip = Encodings.Gzip(Page);
        using var decoded = new MemoryStream();
        using (var stream = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress))
        {
            stream.CopyTo(decoded);
        }
        Assert.Equal(Page, decoded.ToArray());
        Assert.True(gzip.Length < Page.Length / 10, $"{gzip.Length} bytes of {Page.Length}");
    }

    [Fact]
    public void Brotli_decodes_back_to_the_same_bytes_and_is_smaller()
    {
        var brotli = Encodings.Brotli(Page);
        var decoded = new byte[Page.Length];
        Assert.True(BrotliDecoder.TryDecompress(brotli, decoded, out var written));
        Assert.Equal(Page, decoded.AsSpan(0, written).ToArray());
        Assert.True(brotli.Length < Page.Length / 10, $"{brotli.Length} bytes of {Page.Length}");
    }

    [Fact]
    public void Brotli_takes_the_smallest_window_that_holds_the_bytes_and_a_large_file_decodes_back_whole()
    {
        // RFC 7932 §9.1: the stream's first bit is 0 for a 64 KiB window (WBITS 16), 1 for a larger one.
        Assert.Equal(0, Encodings.Brotli(Page)[0] & 1);
        var large = new byte[3 << 20];
        new Random(7).NextBytes(large.AsSpan(0, 1 << 20));
        large.AsSpan(0, 1 << 20).CopyTo(large.AsSpan(2 << 20));
        var brotli = Encodings.Brotli(large);
        Assert.Equal(1, brotli[0] & 1);
        var decoded = new byte[large.Length];
        Assert.True(BrotliDecoder.TryDecompress(brotli, decoded, out var written));
        Assert.Equal(large.Length, written);
        Assert.Equal(large, decoded);
        Assert.True(brotli.Length < large.Length * 3 / 4, $"the repeat 2 MiB back is found: {brotli.Length} bytes of {large.Length}");
    }

    [Fact]
    public void An_empty_answer_has_codings_that_decode_to_nothing()
    {
        var decoded = new byte[16];
        Assert.True(BrotliDecoder.TryDecompress(Encodings.Brotli([]), decoded, out var written));
        Assert.Equal(0, written);
        using var stream = new GZipStream(new MemoryStream(Encodings.Gzip([])), CompressionMode.Decompress);
        Assert.Equal(-1, stream.ReadByte());
    }
}
