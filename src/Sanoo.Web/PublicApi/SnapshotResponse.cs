using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Answers from one published snapshot: its ETag (the log position) on every response, 304 when
/// the client already holds it, and a short public cache life so caches and CDNs absorb
/// election-night traffic while staying at most a second behind.
/// </summary>
public static class SnapshotResponse
{
    /// <summary>The Cache-Control of every public response.</summary>
    public const string CacheControl = "public, max-age=1, stale-while-revalidate=5";

    /// <summary>
    /// Like <see cref="Of"/>, but the body is built and serialized once per snapshot and
    /// <paramref name="key"/> (the query), then served as bytes from the snapshot's own cache.
    /// </summary>
    public static IResult Cached<T>(HttpContext context, Published published, string key, Func<T> body, JsonTypeInfo<T> type)
    {
        var bytes = published.Responses.GetOrAdd(key, _ => JsonSerializer.SerializeToUtf8Bytes(body(), type));
        return Bytes(context, published, bytes, "application/json; charset=utf-8");
    }

    /// <summary>
    /// Ready bytes of <paramref name="contentType"/> rendered once per snapshot and
    /// <paramref name="key"/> by <paramref name="render"/>; <paramref name="missing"/> answers when
    /// it renders nothing.
    /// </summary>
    public static async Task<IResult> CachedBytesAsync(
        HttpContext context, Published published, string key, string contentType, Func<Task<byte[]?>> render, Func<IResult> missing)
    {
        if (!published.Responses.TryGetValue(key, out var bytes))
        {
            if (await render() is not { } rendered)
            {
                return missing();
            }
            bytes = published.Responses.GetOrAdd(key, rendered);
        }
        return Bytes(context, published, bytes, contentType);
    }

    /// <summary>Writes <paramref name="body"/> for <paramref name="published"/>, or 304 when the client's ETag matches.</summary>
    public static IResult Of<T>(HttpContext context, Published published, Func<T> body) =>
        NotModified(context, published) ?? TypedResults.Ok(body());

    /// <summary>Writes ready bytes of <paramref name="contentType"/> for <paramref name="published"/>, or 304 when the client's ETag
    /// matches.</summary>
    public static IResult Bytes(HttpContext context, Published published, byte[] bytes, string contentType) =>
        NotModified(context, published) ?? Results.Bytes(bytes, contentType);

    /// <summary>Sets the snapshot's ETag and cache life; 304 when the client already holds it, else null.</summary>
    private static IResult? NotModified(HttpContext context, Published published)
    {
        context.Response.Headers.ETag = published.ETag;
        context.Response.Headers.CacheControl = CacheControl;
        return context.Request.Headers.IfNoneMatch.Any(v =>
                v is not null && (v == published.ETag || v.Split(',').Select(t => t.Trim()).Contains(published.ETag)))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : null;
    }
}
