using System.Text;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

public sealed class ReadyAnswerTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<tr><td>Ата-Журт</td><td>12 345</td></tr>", 200)));

    [Fact]
    public async Task Concurrent_first_requests_for_a_coding_share_one_compression_counted_against_the_cap()
    {
        var cache = new ResponseCache(ResponseCache.DefaultMaxBytes);
        var answer = cache.Keep("site/ky/kg/index.html", Page, "text/html; charset=utf-8");
        var forms = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => answer.Encoded(ContentCoding.Brotli))));
        Assert.All(forms, form => Assert.Same(forms[0], form));
        Assert.Same(forms[0], cache.GetOrMake("site/ky/kg/index.html", "text/html", () => throw new InvalidOperationException()).Encoded(
            ContentCoding.Brotli));
        Assert.Equal(1, cache.Compressions);
        var gzip = answer.Encoded(ContentCoding.Gzip)!;
        Assert.Equal(2, cache.Compressions);
        Assert.Equal(Page.Length + forms[0]!.Length + gzip.Length, cache.Bytes);
        Assert.Equal(Encodings.Gzip(Page), gzip);
        Assert.Same(Page, answer.Encoded(ContentCoding.Identity));
    }

    [Fact]
    public void Small_bodies_images_and_bodies_that_do_not_shrink_are_sent_as_they_are()
    {
        var cache = new ResponseCache(ResponseCache.DefaultMaxBytes);
        var small = new byte[ReadyAnswer.MinimumBytes - 1];
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        foreach (var (body, type) in new[] { (small, "application/json"), (Page, "image/png"), (Page, "application/pdf"), (noise, "text/csv") })
        {
            var answer = cache.Keep($"{type}/{body.Length}", body, type);
            Assert.Same(body, answer.Encoded(ContentCoding.Brotli));
            Assert.Same(body, answer.Encoded(ContentCoding.Gzip));
        }
        Assert.Equal(2, cache.Compressions); // the noise was tried once per coding, then kept as it is
        Assert.Equal(small.Length + 2L * Page.Length + noise.Length, cache.Bytes);
    }

    [Fact]
    public void A_form_with_no_room_under_the_cap_is_not_made_and_an_answer_not_kept_has_none()
    {
        var cache = new ResponseCache(Page.Length + Page.Length / 2);
        var answer = cache.Keep("a", Page, "text/csv");
        Assert.Null(answer.Encoded(ContentCoding.Brotli));
        Assert.Equal((0L, (long)Page.Length), (cache.Compressions, cache.Bytes));
        var unkept = cache.Keep("b", Page, "text/csv");
        Assert.False(cache.TryGet("b", out _));
        Assert.Null(unkept.Encoded(ContentCoding.Gzip));
        Assert.Same(Page, unkept.Encoded(ContentCoding.Identity));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", true)]
    [InlineData("text/csv", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/xml; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("image/svg+xml", true)]
    [InlineData("image/png", false)]
    [InlineData("image/jpeg", false)]
    [InlineData("application/pdf", false)]
    [InlineData("application/octet-stream", false)]
    public void Text_is_compressed_and_images_are_not(string contentType, bool text) => Assert.Equal(text, ReadyAnswer.IsText(contentType));
}
