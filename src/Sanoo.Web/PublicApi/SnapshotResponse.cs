using System.Collections.Concurrent;
using System.Text.Json;
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

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);
    private static string _cachedFor = "";

    /// <summary>
    /// Like <see cref="Of"/>, but the body is built and serialized once per snapshot and
    /// <paramref name="key"/> (the query), then served as bytes: a snapshot never changes, so
    /// neither does its answer.
    /// </summary>
    public static IResult Cached(HttpContext context, Published published, string key, Func<object> body)
    {
        if (!ReferenceEquals(Volatile.Read(ref _cachedFor), published.ETag))
        {
            lock (Cache)
            {
                if (!ReferenceEquals(_cachedFor, published.ETag))
                {
                    Cache.Clear();
                    Volatile.Write(ref _cachedFor, published.ETag);
                }
            }
        }
        var bytes = Cache.GetOrAdd(key, _ => JsonSerializer.SerializeToUtf8Bytes(body(), JsonSerializerOptions.Web));
        return Of(context, published, () => bytes);
    }

    /// <summary>Writes <paramref name="body"/> for <paramref name="published"/>, or 304 when the client's ETag matches.</summary>
    public static IResult Of(HttpContext context, Published published, Func<object> body)
    {
        context.Response.Headers.ETag = published.ETag;
        context.Response.Headers.CacheControl = CacheControl;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == published.ETag || v.Split(',').Select(t => t.Trim()).Contains(published.ETag))))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return body() is byte[] bytes ? Results.Bytes(bytes, "application/json; charset=utf-8") : Results.Ok(body());
    }
}
