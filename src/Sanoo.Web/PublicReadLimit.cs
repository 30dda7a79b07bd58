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
    /// <summary>
    /// The limiter applied to every request: public reads take from <paramref name="addresses"/> (<see cref="ByAddress"/>), everything
    /// else is not limited (writes have their own policy).
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> Create(PartitionedRateLimiter<object> addresses) => new ReadsOnly(addresses);

    /// <summary>
    /// The public reads' token buckets by client address (<see cref="AddressOf"/>): those of <see cref="Create"/>, and of the reads
    /// answered at the connection (<see cref="PublicApi.ConnectionHotReads"/>), so both take from the same buckets.
    /// </summary>
    public static PartitionedRateLimiter<object> ByAddress(ServerOptions options) =>
        PartitionedRateLimiter.Create<object, object>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PublicReadBurst,
                TokensPerPeriod = options.PublicReadsPerSecondPerAddress,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>
    /// The partition of a client: its address itself (compared by value, so no text is made for each request), or one key for
    /// every request of no known address.
    /// </summary>
    public static object AddressOf(HttpContext context) => (object?)context.Connection.RemoteIpAddress ?? UnknownAddress;

    private static readonly object UnknownAddress = new();

    /// <summary>Public reads limited by their client's address; every other request let through.</summary>
    private sealed class ReadsOnly(PartitionedRateLimiter<object> byAddress) : PartitionedRateLimiter<HttpContext>
    {
        private static readonly RateLimiter Unlimited = RateLimitPartition.GetNoLimiter(UnknownAddress).Factory(UnknownAddress);

        public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
            SecurityHeaders.IsPublicRead(resource.Request) ? byAddress.GetStatistics(AddressOf(resource)) : null;

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            SecurityHeaders.IsPublicRead(resource.Request)
                ? byAddress.AttemptAcquire(AddressOf(resource), permitCount)
                : Unlimited.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            SecurityHeaders.IsPublicRead(resource.Request)
                ? byAddress.AcquireAsync(AddressOf(resource), permitCount, cancellationToken)
                : Unlimited.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                byAddress.Dispose();
            }
            base.Dispose(disposing);
        }
    }

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
