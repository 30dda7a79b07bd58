using Microsoft.Extensions.Primitives;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("br", ContentCoding.Brotli)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("gzip, br", ContentCoding.Brotli)]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("GZIP, BR", ContentCoding.Brotli)]
    [InlineData("x-gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0.5, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0.8, gzip;q=0.8", ContentCoding.Brotli)]
    [InlineData("gzip;q=0, br;q=0", ContentCoding.Identity)]
    [InlineData("br;q=0, gzip;q=0.001", ContentCoding.Gzip)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("identity, gzip;q=0.5", ContentCoding.Identity)]
    [InlineData("gzip;q=0.5", ContentCoding.Gzip)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("*;q=0.3, br;q=0", ContentCoding.Gzip)]
    [InlineData("*;q=0", ContentCoding.Identity)]
    [InlineData("deflate, compress", ContentCoding.Identity)]
    [InlineData("", ContentCoding.Identity)]
    [InlineData("br;q=2, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=high, gzip;q=0.1", ContentCoding.Gzip)]
    [InlineData(" br ; q=0.9 , gzip ; q=1.0", ContentCoding.Gzip)]
    public void A_request_gets_the_acceptable_coding_of_the_highest_weight(string header, ContentCoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Preferred(header));

    [Fact]
    public void No_header_is_identity_and_several_header_lines_are_read_together()
    {
        Assert.Equal(ContentCoding.Identity, AcceptEncoding.Preferred(StringValues.Empty));
        Assert.Equal(ContentCoding.Brotli, AcceptEncoding.Preferred(new StringValues(["gzip;q=0.5", "br"])));
    }
}
