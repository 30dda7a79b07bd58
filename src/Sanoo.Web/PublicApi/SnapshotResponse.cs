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

    /// <summary>Writes <paramref name="body"/> for <paramref name="published"/>, or 304 when the client's ETag matches.</summary>
    public static IResult Of(HttpContext context, Published published, Func<object> body)
    {
        context.Response.Headers.ETag = published.ETag;
        context.Response.Headers.CacheControl = CacheControl;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == published.ETag || v.Split(',').Select(t => t.Trim()).Contains(published.ETag))))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Ok(body());
    }
}
