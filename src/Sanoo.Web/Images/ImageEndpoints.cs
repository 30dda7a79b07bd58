using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using NSec.Cryptography;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Access;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Images;

/// <summary>
/// <c>PUT /api/v1/images/{sha256}</c> stores the image of a signed paper protocol (the body; its type in
/// Content-Type), sent by a station device (headers <c>Sanoo-Station</c> and <c>Sanoo-Signature</c>: Ed25519 over the
/// body with the station's enrolled key) or an operator (bearer token), before or after the protocol that names it.
/// <c>GET /api/v1/images/{sha256}</c> and <c>GET /api/v1/thumbnails/{sha256}</c> serve it, immutable, once a log entry names it; an image no
/// protocol names is never served, so the upload API cannot be used to publish anything else.
/// </summary>
public static class ImageEndpoints
{
    /// <summary>The header naming the station whose device signed an upload.</summary>
    public const string StationHeader = "Sanoo-Station";

    /// <summary>The header holding the device's Ed25519 signature over the uploaded bytes, in base64.</summary>
    public const string SignatureHeader = "Sanoo-Signature";

    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Thumbnails kept in memory (about 10 kB each); beyond, each is made again when asked (a CDN in front keeps them).</summary>
    private const int MaxCachedThumbnails = 50_000;

    /// <summary>Maps the image routes.</summary>
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        var thumbnails = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var uploads = new ReporterUploads();
        app.MapPut("/api/v1/images/{sha256}", (
                string sha256, HttpRequest request, ElectionLog log, WriterRegistry registry, TimeProvider time, CancellationToken ct) =>
                PutAsync(sha256, request, log, registry, uploads, time, ct))
            .RequireRateLimiting(SanooServer.WritePolicy)
            .WithSummary("Store the image of a signed paper protocol (JPEG, PNG or PDF without metadata) under the SHA-256 of its bytes")
            .Produces<Contracts.ImageAnswer>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413)
            .ProducesProblem(429);
        app.MapRead("/api/v1/images/{sha256}", (string sha256, ElectionLog log, HttpContext context, CancellationToken ct) =>
            ServeAsync(sha256, log, context, null, ct)).WithSummary("The image of a signed paper protocol that a log entry names");
        app.MapRead("/api/v1/thumbnails/{sha256}", (string sha256, ElectionLog log, HttpContext context, CancellationToken ct) =>
            ServeAsync(sha256, log, context, thumbnails, ct)).WithSummary("A small JPEG of a protocol image (none for a PDF)");
        return app;
    }

    /// <summary>The largest image any count source of the election takes.</summary>
    public static long MaxBytes(Core.Definitions.Election election) => election.Sources.Max(s => s.ImageMaxBytes);

    private static async Task<IResult> PutAsync(
        string sha256, HttpRequest request, ElectionLog log, WriterRegistry registry, ReporterUploads uploads, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ProtocolImage.TryParse(sha256, ProtocolImage.MediaTypes[0]) is null)
        {
            return Problems.BadRequest("Not an image address.", new() { ["sha256"] = ["must be 64 lower-case hex digits"] });
        }
        var declared = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (!ProtocolImage.MediaTypes.Contains(declared))
        {
            return Problems.Status(
                415, "Not an image type Sanoo keeps", $"Content-Type must be one of {string.Join(", ", ProtocolImage.MediaTypes)}.");
        }
        var max = MaxBytes(log.Election);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Set first, so that a body a little over the limit is drained after the 413 and the client reads the answer.
            limit.MaxRequestBodySize = max + 1;
        }
        if (request.ContentLength > max)
        {
            return TooLarge(request.ContentLength.Value, max);
        }
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == 413 ? TooLarge(max + 1, max) : Problems.Status(e.StatusCode, "Bad request", e.Message);
        }
        if (await RefusedSenderAsync(request, bytes, registry) is { } refused)
        {
            return refused;
        }
        if ((await Caller.OfAsync(request.HttpContext)).Operator is { Reports: true } reporter
            && uploads.Take(reporter.Name, time.GetUtcNow()) is { Ticks: > 0 } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(429, "Too many images", $"{reporter.Name} may upload {Reports.ReportEndpoints.PerMinute} images a "
                + $"minute and {Reports.ReportEndpoints.PerDay:N0} a day, as many as reports; try again in {seconds} s.");
        }
        var (image, status, problem) = ImageCheck.Check(bytes, declared, max);
        if (image is null)
        {
            return status == 413
                ? TooLarge(bytes.LongLength, max)
                : Problems.Status(status, "The image is refused", $"{problem}; nothing was stored.");
        }
        if (Convert.ToHexStringLower(image.Sha256) != sha256)
        {
            return Problems.BadRequest("The bytes do not match their address.", new()
            {
                ["sha256"] = [$"the body's SHA-256 is {Convert.ToHexStringLower(image.Sha256)}, not {sha256}: a transfer error or other bytes"],
            });
        }
        try
        {
            var stored = await log.PutImageAsync(image, cancellationToken);
            var answer = new Contracts.ImageAnswer(sha256, image.MediaType, bytes.LongLength);
            return stored ? TypedResults.Created($"/api/v1/images/{sha256}", answer) : TypedResults.Ok(answer);
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
    }

    /// <summary>Null when a station's device signed the bytes or an operator sent them; else the refusal.</summary>
    private static async Task<IResult?> RefusedSenderAsync(HttpRequest request, byte[] bytes, WriterRegistry registry)
    {
        if (request.Headers[StationHeader].ToString() is { Length: > 0 } station)
        {
            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(request.Headers[SignatureHeader].ToString());
            }
            catch (FormatException)
            {
                return Problems.Status(
                    401, "Unauthenticated", $"{SignatureHeader} must hold the device's Ed25519 signature over the body, in base64.");
            }
            if (registry.DeviceKey(station) is not { } key)
            {
                return Problems.Status(403, "Not allowed", $"no device key is enrolled for station {station}.");
            }
            return SignatureAlgorithm.Ed25519.Verify(key.Key, bytes, signature)
                ? null
                : Problems.Status(403, "Not allowed", $"the signature does not verify with the key enrolled for station {station}.");
        }
        var caller = await Caller.OfAsync(request.HttpContext);
        return caller.Operator is not null
            ? null
            : Problems.Status(401, "Unauthenticated", "An image is sent by a station device (headers Sanoo-Station and Sanoo-Signature) "
                + $"or an operator (bearer token). {caller.Missing ?? Caller.NoToken}");
    }

    private static IResult TooLarge(long bytes, long max) =>
        Problems.Status(413, "Image too large", $"An image may have at most {max:N0} bytes; this one has {bytes:N0} or more. Nothing was stored.");

    private static async Task<IResult> ServeAsync(
        string sha256, ElectionLog log, HttpContext context, ConcurrentDictionary<string, byte[]>? thumbnails, CancellationToken cancellationToken)
    {
        if (ProtocolImage.TryParse(sha256, ProtocolImage.MediaTypes[0]) is null || await log.ImageNamedByAsync(sha256, cancellationToken) is null)
        {
            return Problems.Status(404, "No such image", "No protocol in the log and no observer's report names an image of this SHA-256.");
        }
        byte[]? body;
        string type;
        if (thumbnails is not null && thumbnails.TryGetValue(sha256, out var cached))
        {
            (body, type) = (cached, "image/jpeg");
        }
        else
        {
            var image = await log.ImageAsync(Convert.FromHexString(sha256), cancellationToken);
            if (image is null)
            {
                return Problems.Status(404, "Image not received", "A protocol or report names this image, but it has not been uploaded yet.");
            }
            if (!SHA256.HashData(image.Bytes).AsSpan().SequenceEqual(Convert.FromHexString(sha256)))
            {
                // The bytes on the server's disk or in its database are not the ones named: never serve them as that image, and never
                // as immutable. sanoo verify names the same fault; the operators restore the file from a backup or a copy.
                return Problems.Status(500, "Image damaged", "The stored bytes of this image do not hash to its address; it is withheld.");
            }
            (body, type) = (image.Bytes, image.MediaType);
            if (thumbnails is not null)
            {
                body = ImageCheck.Thumbnail(image.Bytes);
                if (body is null)
                {
                    return Problems.Status(404, "No thumbnail", "A PDF has no thumbnail; fetch the file itself.");
                }
                if (thumbnails.Count < MaxCachedThumbnails)
                {
                    thumbnails.TryAdd(sha256, body);
                }
                type = "image/jpeg";
            }
        }
        var headers = context.Response.Headers;
        headers.CacheControl = Immutable;
        headers.XContentTypeOptions = "nosniff";
        if (type == "application/pdf")
        {
            headers.ContentDisposition = $"attachment; filename=\"protocol-{sha256[..12]}.pdf\"";
        }
        return Results.Bytes(body, type);
    }
}
