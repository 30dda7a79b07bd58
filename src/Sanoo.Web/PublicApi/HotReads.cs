using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The short way of a public read already answered from the current snapshot: the first <c>GET</c> of an address (path and query as
/// sent) goes through the whole pipeline, and when its answer is a kept <see cref="ReadyAnswer"/> the address is remembered with the
/// snapshot (<see cref="ResponseCache.RememberHot"/>). The next reads of that address, until a newer snapshot is published, are sent
/// from the first step of the pipeline: the per-address read limit taken from the same limiter, then the same headers (security,
/// CORS, entity tag, cache life, <c>Vary</c>, coding and length), 304 when the client holds the version, the bytes unless
/// <c>HEAD</c>. Routing, authentication, status pages and per-request compression are skipped since none of them changes such an
/// answer; a read the limit refuses, or any other request, takes the whole pipeline.
/// </summary>
public static class HotReads
{
    /// <summary>The longest address looked up (longer ones take the whole pipeline).</summary>
    internal const int MaxTarget = 512;

    /// <summary>Serves remembered reads before the rest of the pipeline, counting them against <paramref name="limiter"/>.</summary>
    public static IApplicationBuilder UseHotReads(this IApplicationBuilder app, PartitionedRateLimiter<HttpContext> limiter)
    {
        var publisher = app.ApplicationServices.GetRequiredService<SnapshotPublisher>();
        return app.Use(next => context => TrySend(context, publisher.Current, limiter) ?? next(context));
    }

    /// <summary>
    /// Remembers the address of <paramref name="context"/>'s request as answered by <paramref name="answer"/> from
    /// <paramref name="published"/>, when the answer about to be sent is exactly what the short way would send: a public read of no
    /// authorization, answered 200 with only the headers the short way writes.
    /// </summary>
    internal static void Remember(HttpContext context, Published published, ReadyAnswer answer)
    {
        Log.OffNetworkThreads.Check();
        var request = context.Request;
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !answer.Kept || !SecurityHeaders.IsPublicRead(request)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null
            || response.Headers.ETag != published.ETag || response.Headers.CacheControl != SnapshotResponse.CacheControl
            || response.Headers.Vary != HeaderNames.AcceptEncoding || response.Headers.Any(h => !Written.Contains(h.Key)))
        {
            return;
        }
        var target = request.Path.Value + request.QueryString.Value;
        if (target.Length <= MaxTarget)
        {
            published.Responses.RememberHot(target, new HotRead(answer, published.ETag));
        }
    }

    /// <summary>The headers an answer sent the short way has (any other set on the way makes it ineligible).</summary>
    private static readonly HashSet<string> Written = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentSecurityPolicy, HeaderNames.XContentTypeOptions, "Referrer-Policy", HeaderNames.StrictTransportSecurity,
        HeaderNames.AccessControlAllowOrigin, HeaderNames.AccessControlExposeHeaders, HeaderNames.ETag, HeaderNames.CacheControl,
        HeaderNames.Vary, HeaderNames.ContentEncoding, HeaderNames.ContentType, HeaderNames.ContentLength,
    };

    /// <summary>
    /// The read remembered for <paramref name="target"/> in <paramref name="published"/>, with its body in the coding
    /// <paramref name="asked"/> for when that is at hand without work, and the coding the body is <paramref name="sent"/> in
    /// (identity when the answer is not sent compressed); false when there is none, for the whole pipeline or Kestrel to answer.
    /// </summary>
    internal static bool TryFind(
        Published published, ReadOnlySpan<char> target, ContentCoding asked, out HotRead hot, out byte[] body, out ContentCoding sent)
    {
        (body, sent) = ([], ContentCoding.Identity);
        if (!published.Responses.TryGetHot(target, out hot) || !string.Equals(hot.ETag, published.ETag, StringComparison.Ordinal)
            || hot.Answer.EncodedIfMade(asked) is not { } made)
        {
            return false;
        }
        (body, sent) = (made, ReferenceEquals(made, hot.Answer.Identity) ? ContentCoding.Identity : asked);
        return true;
    }

    /// <summary>The read sent the short way, or null when the request is not one (the whole pipeline answers it).</summary>
    private static Task? TrySend(HttpContext context, Published published, PartitionedRateLimiter<HttpContext> limiter)
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!head && !HttpMethods.IsGet(request.Method))
        {
            return null;
        }
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        if (path.Length + query.Length > MaxTarget)
        {
            return null;
        }
        Span<char> target = stackalloc char[path.Length + query.Length];
        path.CopyTo(target);
        query.CopyTo(target[path.Length..]);
        if (!TryFind(published, target, AcceptEncoding.Preferred(request.Headers.AcceptEncoding), out var hot, out var body, out var sent))
        {
            return null;
        }
        using var lease = limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            return null;
        }
        published.Responses.CountHot();
        var response = context.Response;
        SecurityHeaders.Apply(context, publicRead: true);
        var headers = response.Headers;
        headers.ETag = hot.ETag;
        headers.CacheControl = SnapshotResponse.CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (EntityTags.Match(request.Headers.IfNoneMatch, hot.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        if (sent != ContentCoding.Identity)
        {
            headers.ContentEncoding = sent.Token();
        }
        response.ContentType = hot.Answer.ContentType;
        response.ContentLength = body.Length;
        return head ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
