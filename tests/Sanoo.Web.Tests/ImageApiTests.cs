using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Core.Protocols;
using Sanoo.Testing;
using Sanoo.Web.Images;

namespace Sanoo.Web.Tests;

/// <summary>
/// Images of signed paper protocols over a real Kestrel on 127.0.0.1 and a real SQLite store: what is taken, what is refused,
/// and that an image is served (immutable) only once a protocol in the log names it.
/// </summary>
public class ImageApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private Task<HttpResponseMessage> PutAsync(byte[] bytes, string type, string? station = "s0001", string? address = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{address ?? Hex(bytes)}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        if (station is not null)
        {
            request.Headers.Add(ImageEndpoints.StationHeader, station);
            request.Headers.Add(ImageEndpoints.SignatureHeader, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(server.Keys[station], bytes)));
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Remove(ImageEndpoints.StationHeader);
        }
        return server.Client.SendAsync(request);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    /// <summary>Submits the station's machine count naming <paramref name="image"/>, signed by its device; waits until it is published.</summary>
    private async Task SubmitNamingAsync(string station, byte[]? image, string type, int version = 1)
    {
        var protocol = ServerFixture.Sample.Machine.First(p => p.Station.Value == station && p.Contest.Value == "list")
            with
            {
                Image = image is null ? null : new ProtocolImage([.. SHA256.HashData(image)], type),
                Version = version,
                Correction = version > 1 ? new Correction("the scan of the signed protocol attached", "device") : null,
            };
        var body = new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys[station]) };
        var response = await server.SubmitAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
        await server.WaitForSnapshotAsync(receipt.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task An_uploaded_image_is_served_only_once_a_signed_protocol_names_it_then_immutable_with_a_thumbnail_on_the_station_page()
    {
        var jpeg = TestImages.Jpeg(shade: 90, width: 1200, height: 800);
        var hex = Hex(jpeg);
        var stored = await PutAsync(jpeg, "image/jpeg", station: "s0002");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var answer = await stored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(hex, answer.GetProperty("sha256").GetString());
        Assert.Equal("image/jpeg", answer.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(jpeg, "image/jpeg", station: "s0002")).StatusCode); // stored once
        await ProblemAsync(await server.Client.GetAsync($"/api/v1/images/{hex}"), HttpStatusCode.NotFound);
        await ProblemAsync(await server.Client.GetAsync($"/api/v1/thumbnails/{hex}"), HttpStatusCode.NotFound);

        await SubmitNamingAsync("s0002", null, "", version: 1);
        var before = await server.Client.GetStringAsync("/ky/station/s0002/");
        Assert.Contains("Кол коюлган протоколдун сүрөтү жок.", before, StringComparison.Ordinal);
        await SubmitNamingAsync("s0002", jpeg, "image/jpeg", version: 2);

        var served = await server.Client.GetAsync($"/api/v1/images/{hex}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(jpeg, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Null(served.Content.Headers.ContentDisposition);
        var thumbnail = await server.Client.GetAsync($"/api/v1/thumbnails/{hex}");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        var small = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.True(small.Length < jpeg.Length, $"thumbnail {small.Length} bytes, image {jpeg.Length}");
        using (var decoded = SkiaSharp.SKBitmap.Decode(small))
        {
            Assert.Equal(240, decoded.Width);
        }
        Assert.Equal("public, max-age=31536000, immutable", thumbnail.Headers.CacheControl?.ToString());
        var page = await server.Client.GetStringAsync("/en/station/s0002/");
        Assert.Contains($"<img src=\"/api/v1/thumbnails/{hex}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/images/{hex}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_of_one_page_is_taken_and_served_as_an_attachment_and_one_of_eleven_pages_is_refused()
    {
        var many = TestImages.Pdf(ImageCheck.MaxPdfPages + 1);
        var detail = await ProblemAsync(await PutAsync(many, "application/pdf"), HttpStatusCode.BadRequest);
        Assert.Contains("11 pages", detail, StringComparison.Ordinal);
        var pdf = TestImages.Pdf(1);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(pdf, "application/pdf")).StatusCode);
        await SubmitNamingAsync("s0001", pdf, "application/pdf");
        var served = await server.Client.GetAsync($"/api/v1/images/{Hex(pdf)}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        await ProblemAsync(await server.Client.GetAsync($"/api/v1/thumbnails/{Hex(pdf)}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pdf_with_a_script_an_attachment_a_form_annotations_or_metadata_is_refused_and_a_plain_one_taken()
    {
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(TestImages.PdfWithCatalog(""), "application/pdf")).StatusCode);
        var refused = new (byte[] Pdf, string Why)[]
        {
            (TestImages.PdfWithCatalog("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>"), "JavaScript"),
            (TestImages.PdfWithCatalog("/Names << /EmbeddedFiles 4 0 R >>", "<< /Names [] >>"), "EmbeddedFile"),
            (TestImages.PdfWithCatalog("/AcroForm << /Fields [] >>"), "AcroForm"),
            (TestImages.PdfWithCatalog("/Metadata 4 0 R", "<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n\nendstream"), "Metadata"),
            (TestImages.PdfWithTitle("GPS 42.87N 74.59E"), "metadata (Title)"),
        };
        foreach (var (pdf, why) in refused)
        {
            Assert.Contains(why, await ProblemAsync(await PutAsync(pdf, "application/pdf"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_image_larger_than_the_definition_allows_is_refused_with_a_413_problem()
    {
        var huge = new byte[(int)Core.Definitions.CountSource.DefaultImageMaxBytes + 1];
        TestImages.Jpeg().CopyTo(huge, 0);
        var detail = await ProblemAsync(await PutAsync(huge, "image/jpeg"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10,485,760", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_declared_as_a_jpeg_is_refused()
    {
        var detail = await ProblemAsync(await PutAsync(TestImages.Png(), "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains("the bytes are image/png, but image/jpeg was declared", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_or_do_not_decode_are_refused_and_nothing_is_stored()
    {
        var text = "<html><script>alert(1)</script></html>"u8.ToArray();
        await ProblemAsync(await PutAsync(text, "image/jpeg"), HttpStatusCode.UnsupportedMediaType);
        byte[] truncated = [.. TestImages.Jpeg()[..40]];
        var detail = await ProblemAsync(await PutAsync(truncated, "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains("decode", detail, StringComparison.Ordinal);
        byte[] fake = [0xFF, 0xD8, 0xFF, .. new byte[500]];
        await ProblemAsync(await PutAsync(fake, "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Null(await server.Log.ImageAsync(SHA256.HashData(truncated)));
        Assert.Null(await server.Log.ImageAsync(SHA256.HashData(fake)));
    }

    [Fact]
    public async Task A_jpeg_with_EXIF_GPS_metadata_is_refused_and_the_same_photo_stripped_as_sanoo_submit_does_is_taken()
    {
        var phone = TestImages.JpegWithGps();
        using (var decodes = SkiaSharp.SKBitmap.Decode(phone))
        {
            Assert.NotNull(decodes); // a valid JPEG: only its metadata is refused
        }
        var detail = await ProblemAsync(await PutAsync(phone, "image/jpeg"), HttpStatusCode.BadRequest);
        Assert.Contains("EXIF metadata", detail, StringComparison.Ordinal);
        var stripped = ImageCheck.Strip(phone)!;
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(stripped, "image/jpeg")).StatusCode);
        byte[] png = [.. TestImages.Png(77)[..^12], .. TextChunk("Author", "Bishkek 42.87N"), .. TestImages.Png(77)[^12..]];
        Assert.Contains("tEXt chunk", await ProblemAsync(await PutAsync(png, "image/png"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(ImageCheck.Strip(png)!, "image/png")).StatusCode);
        using (var upright = SkiaSharp.SKBitmap.Decode(ImageCheck.Strip(TestImages.JpegTurned())!))
        {
            Assert.Equal((200, 320), (upright.Width, upright.Height)); // the orientation applied before it was stripped
        }
        byte[] polyglot = [.. TestImages.Jpeg(shade: 55), .. "<script>alert(1)</script>"u8];
        Assert.Contains("after the image's end", await ProblemAsync(await PutAsync(polyglot, "image/jpeg"), HttpStatusCode.BadRequest),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_device_signature_or_operator_token_or_at_another_address_is_refused()
    {
        var jpeg = TestImages.Jpeg(shade: 33);
        await ProblemAsync(await PutAsync(jpeg, "image/jpeg", station: null), HttpStatusCode.Unauthorized);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{Hex(jpeg)}") { Content = new ByteArrayContent(jpeg) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        request.Headers.Add(ImageEndpoints.StationHeader, "s0001");
        request.Headers.Add(ImageEndpoints.SignatureHeader, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(server.Keys["s0002"], jpeg)));
        await ProblemAsync(await server.Client.SendAsync(request), HttpStatusCode.Forbidden);
        var detail = await ProblemAsync(await PutAsync(jpeg, "image/jpeg", address: Hex(TestImages.Jpeg(shade: 34))), HttpStatusCode.BadRequest);
        Assert.Contains("SHA-256", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(jpeg, "image/jpeg", station: null, token: ServerFixture.DistrictToken)).StatusCode);
    }

    /// <summary>A PNG tEXt chunk (keyword, NUL, text) with its CRC.</summary>
    private static byte[] TextChunk(string keyword, string text)
    {
        byte[] data = [.. "tEXt"u8, .. System.Text.Encoding.Latin1.GetBytes(keyword), 0, .. System.Text.Encoding.Latin1.GetBytes(text)];
        var chunk = new byte[data.Length + 8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)(data.Length - 4));
        data.CopyTo(chunk, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + data.Length), Crc32(data));
        return chunk;
    }

    /// <summary>The CRC-32 PNG puts after each chunk (ISO 3309, as zlib computes it).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
