using System.IO.Compression;
using System.Net;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// Reads as browsers make them: answers kept with the snapshot go in the coding the request prefers, compressed once per snapshot,
/// decode to the very bytes sent without compression, and keep their entity tag, variance and HEAD across codings.
/// </summary>
public class CompressedReadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string?, string?> Requests()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var path in new[] { "/api/v1/results", "/ru/", "/en/data.csv" })
        {
            data.Add(path, "br", "br");
            data.Add(path, "gzip", "gzip");
            data.Add(path, "gzip, deflate, br, zstd", "br");
            data.Add(path, "br;q=0.5, gzip", "gzip");
            data.Add(path, "gzip;q=0, br;q=0", null);
            data.Add(path, "identity", null);
            data.Add(path, null, null);
        }
        return data;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await server.Client.SendAsync(request);
    }

    private static byte[] Decode(string? coding, byte[] body)
    {
        if (coding is null)
        {
            return body;
        }
        using var decoded = new MemoryStream();
        using Stream stream = coding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        stream.CopyTo(decoded);
        return decoded.ToArray();
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_kept_answer_goes_in_the_preferred_coding_and_decodes_to_the_identity_bytes(string path, string? accept, string? coding)
    {
        var identity = await SendAsync(HttpMethod.Get, path, null);
        var identityBytes = await identity.Content.ReadAsByteArrayAsync();
        Assert.True(identityBytes.Length >= ReadyAnswer.MinimumBytes, $"{path} is {identityBytes.Length} bytes: too small to be compressed");

        var answer = await SendAsync(HttpMethod.Get, path, accept);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadAsByteArrayAsync();
        Assert.Equal(coding is null ? [] : [coding], answer.Content.Headers.ContentEncoding);
        Assert.Equal(body.Length, answer.Content.Headers.ContentLength);
        Assert.Equal(identityBytes, Decode(coding, body));
        if (coding is not null)
        {
            Assert.True(body.Length < identityBytes.Length / 2, $"{path} in {coding}: {body.Length} bytes of {identityBytes.Length}");
        }
        Assert.Contains("Accept-Encoding", answer.Headers.Vary);
        Assert.Equal(identity.Headers.ETag, answer.Headers.ETag);
        Assert.Equal(identity.Content.Headers.ContentType, answer.Content.Headers.ContentType);

        var head = await SendAsync(HttpMethod.Head, path, accept);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(answer.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        var again = await SendAsync(HttpMethod.Get, path, accept, answer.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept-Encoding", again.Headers.Vary);
    }

    [Fact]
    public async Task A_page_is_compressed_once_per_snapshot_and_coding_however_many_ask_for_it_at_once()
    {
        var published = server.Published;
        var before = published.Responses.Compressions;
        var first = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => SendAsync(HttpMethod.Get, "/ky/area/d02/", "gzip, br")));
        Assert.All(first, a => Assert.Equal("br", Assert.Single(a.Content.Headers.ContentEncoding)));
        var bodies = await Task.WhenAll(first.Select(a => a.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(bodies[0], await (await SendAsync(HttpMethod.Get, "/ky/area/d02/", "br")).Content.ReadAsByteArrayAsync());
        }
        await SendAsync(HttpMethod.Get, "/ky/area/d02/", "gzip");
        await SendAsync(HttpMethod.Get, "/ky/area/d02/", "gzip");
        Assert.Same(published.Responses, server.Published.Responses);
        Assert.Equal(before + 2, published.Responses.Compressions);
        Assert.True(published.Responses.TryGet("site/ky/d02/index.html", out var kept));
        Assert.Equal(bodies[0], kept.Encoded(ContentCoding.Brotli));
    }

    [Fact]
    public async Task A_small_answer_and_an_image_go_as_they_are_even_to_a_browser()
    {
        var small = await SendAsync(HttpMethod.Get, "/api/v1/rejected", "gzip, br");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.InRange(small.Content.Headers.ContentLength!.Value, 1, ReadyAnswer.MinimumBytes - 1);
        Assert.Empty(small.Content.Headers.ContentEncoding);
        var image = await SendAsync(HttpMethod.Get, "/ru/preview.png", "gzip, br");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Empty(image.Content.Headers.ContentEncoding);
        Assert.Equal((await image.Content.ReadAsByteArrayAsync()).Length, image.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_answer_made_for_one_request_is_still_compressed_per_request()
    {
        var search = await SendAsync(HttpMethod.Get, "/ru/search/?q=s00", "gzip");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal("gzip", Assert.Single(search.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task The_style_sheet_and_scripts_are_compressed_once_and_sent_with_their_length()
    {
        foreach (var path in new[] { Site.SiteAssets.CssPath, Site.SiteAssets.ScriptPath, Site.SiteAssets.CheckScriptPath })
        {
            var first = await SendAsync(HttpMethod.Get, path, "br");
            var second = await SendAsync(HttpMethod.Get, path, "br");
            Assert.Equal("br", Assert.Single(first.Content.Headers.ContentEncoding));
            var body = await first.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, first.Content.Headers.ContentLength);
            Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());
            Assert.Contains("Accept-Encoding", first.Headers.Vary);
            var gzip = await SendAsync(HttpMethod.Get, path, "gzip");
            Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
            Assert.Equal((await gzip.Content.ReadAsByteArrayAsync()).Length, gzip.Content.Headers.ContentLength);
        }
    }
}
