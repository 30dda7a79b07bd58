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
    public void An_empty_answer_has_codings_that_decode_to_nothing()
    {
        var decoded = new byte[16];
        Assert.True(BrotliDecoder.TryDecompress(Encodings.Brotli([]), decoded, out var written));
        Assert.Equal(0, written);
        using var stream = new GZipStream(new MemoryStream(Encodings.Gzip([])), CompressionMode.Decompress);
        Assert.Equal(-1, stream.ReadByte());
    }
}
