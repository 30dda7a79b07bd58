using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sanoo.Web;

/// <summary>
/// The per-address limit on public reads: a token bucket per client address of
/// <see cref="ServerOptions.PublicReadBurst"/> reads, refilled by
/// <see cref="ServerOptions.PublicReadsPerSecondPerAddress"/> every second; beyond it a read gets
/// 429 with <c>Retry-After</c>. The client address is the connection's, or, for a connection from a
/// <see cref="ServerOptions.TrustedProxies">trusted proxy</see>, the one its <c>X-Forwarded-For</c>
/// names, so a CDN in front is limited per reader, not as one.
/// </summary>
public static class PublicReadLimit
{
    /// <summary>The limiter applied to every request: public reads by address, everything else not at all (writes have their own policy).</summary>
    public static PartitionedRateLimiter<HttpContext> Create(ServerOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, object>(context => SecurityHeaders.IsPublicRead(context.Request)
            ? RateLimitPartition.GetTokenBucketLimiter(
                AddressOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.PublicReadBurst,
                    TokensPerPeriod = options.PublicReadsPerSecondPerAddress,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
            : RateLimitPartition.GetNoLimiter(NotLimited));

    /// <summary>
    /// The partition of a client: its address itself (compared by value, so no text is made for each request), or one key for
    /// every request of no known address.
    /// </summary>
    public static object AddressOf(HttpContext context) => (object?)context.Connection.RemoteIpAddress ?? UnknownAddress;

    private static readonly object UnknownAddress = new();
    private static readonly object NotLimited = new();

    /// <summary>Believes <c>X-Forwarded-For</c> from the trusted proxies only; without any, the header is never read.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, ServerOptions options)
    {
        if (options.TrustedProxies.Count == 0)
        {
            return app;
        }
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.TrustedProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        // A CDN edge in front of a reverse proxy: each trusted hop may name the one before it.
        forwarded.ForwardLimit = options.TrustedProxies.Count + 1;
        return app.UseForwardedHeaders(forwarded);
    }
}
