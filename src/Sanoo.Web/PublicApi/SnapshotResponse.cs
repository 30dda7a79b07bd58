using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Answers from one published snapshot: its weak ETag (the log position) on every response, 304
/// when the client already holds it, <c>Vary: Accept-Encoding</c> (compressed and identity bodies
/// are variants of one answer), and a short public cache life so caches and CDNs absorb
/// election-night traffic while staying at most a second behind. Answers kept with the snapshot are
/// sent as bytes, compressed once per snapshot in the coding each client prefers (<see cref="ReadyAnswerResult"/>).
/// </summary>
public static class SnapshotResponse
{
    /// <summary>The Cache-Control of every public response.</summary>
    public const string CacheControl = "public, max-age=1, stale-while-revalidate=5";

    private const string Json = "application/json; charset=utf-8";

    /// <summary>
    /// Like <see cref="Of"/>, but the body is built and serialized once per snapshot and
    /// <paramref name="key"/> (built from validated values only), then served as bytes from the snapshot's own cache.
    /// </summary>
    public static IResult Cached<T>(HttpContext context, Published published, string key, Func<T> body, JsonTypeInfo<T> type) =>
        NotModified(context, published.ETag)
        ?? new ReadyAnswerResult(published.Responses.GetOrMake(key, Json, () => JsonSerializer.SerializeToUtf8Bytes(body(), type)), published);

    /// <summary>
    /// Like <see cref="Cached{T}(HttpContext, Published, string, Func{T})"/>, for a body read from the store by
    /// <paramref name="body"/>: a client that holds the snapshot's version gets 304 before anything is read, and the store is
    /// read once per snapshot and <paramref name="key"/> (built from validated values only) while the cache has room.
    /// </summary>
    public static async Task<IResult> CachedAsync<T>(HttpContext context, Published published, string key, Func<Task<T>> body)
    {
        if (NotModified(context, published.ETag) is { } notModified)
        {
            return notModified;
        }
        if (!published.Responses.TryGet(key, out var answer))
        {
            answer = published.Responses.Keep(key, JsonSerializer.SerializeToUtf8Bytes(await body(), AsAnswered<T>(context)), Json);
        }
        return new ReadyAnswerResult(answer, published);
    }

    /// <summary>
    /// Like <see cref="Cached{T}(HttpContext, Published, string, Func{T}, JsonTypeInfo{T})"/>, written as every other answer
    /// is (<see cref="AsAnswered"/>).
    /// </summary>
    public static IResult Cached<T>(HttpContext context, Published published, string key, Func<T> body) =>
        Cached(context, published, key, body, AsAnswered<T>(context));

    /// <summary>
    /// How the server writes <typeparamref name="T"/> in its JSON answers (the app's JSON options: the wire's contract, and
    /// text escaped only where JSON needs it), so an answer kept as bytes is the very answer <c>TypedResults.Ok</c> writes.
    /// </summary>
    public static JsonTypeInfo<T> AsAnswered<T>(HttpContext context) =>
        (JsonTypeInfo<T>)context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T));

    /// <summary>
    /// Ready bytes of <paramref name="contentType"/> rendered once per snapshot and
    /// <paramref name="key"/> (built from validated values only) by <paramref name="render"/>;
    /// <paramref name="missing"/> answers when it renders nothing.
    /// </summary>
    public static Task<IResult> CachedBytesAsync(
        HttpContext context, Published published, string key, string contentType, Func<Task<byte[]?>> render, Func<IResult> missing) =>
        KeptAsync(context, published, key, published.ETag, contentType, render, missing);

    /// <summary>
    /// Like <see cref="CachedBytesAsync"/>, for a page that shows the signed tree head (the "how to check" page): a head signed
    /// afresh over the same snapshot (the interval, a new register record) shares the snapshot's kept answers, so such a page is
    /// kept and tagged by the register the head covers (<see cref="Published.RegisterETag"/>), never sent as an earlier register's.
    /// </summary>
    public static Task<IResult> CachedHeadBytesAsync(
        HttpContext context, Published published, string key, string contentType, Func<Task<byte[]?>> render, Func<IResult> missing) =>
        KeptAsync(context, published, $"{key}@{published.RegisterETag}", published.RegisterETag, contentType, render, missing);

    private static async Task<IResult> KeptAsync(
        HttpContext context, Published published, string key, string etag, string contentType, Func<Task<byte[]?>> render,
        Func<IResult> missing)
    {
        if (!published.Responses.TryGet(key, out var answer))
        {
            if (await render() is not { } rendered)
            {
                return missing();
            }
            answer = published.Responses.Keep(key, rendered, contentType);
        }
        return NotModified(context, etag) ?? new ReadyAnswerResult(answer, published);
    }

    /// <summary>Writes <paramref name="body"/> for <paramref name="published"/>, or 304 when the client's ETag matches.</summary>
    public static IResult Of<T>(HttpContext context, Published published, Func<T> body) =>
        NotModified(context, published.ETag) ?? TypedResults.Ok(body());

    /// <summary>
    /// Like <see cref="Of"/>, for answers that carry the signed tree head: tagged with
    /// <see cref="Published.HeadETag"/>, so a head signed afresh is a new version.
    /// </summary>
    public static IResult WithHead<T>(HttpContext context, Published published, Func<T> body) =>
        NotModified(context, published.HeadETag) ?? TypedResults.Ok(body());

    /// <summary>Sets the entity tag, variance and cache life; 304 when the client already holds <paramref name="etag"/>, else null.</summary>
    public static IResult? NotModified(HttpContext context, string etag)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        return EntityTags.Match(context.Request.Headers.IfNoneMatch, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
