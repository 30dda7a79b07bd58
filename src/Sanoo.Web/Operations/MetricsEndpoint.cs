using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Sanoo.Log;

namespace Sanoo.Web.Operations;

/// <summary>
/// <c>/metrics</c>: the <c>Sanoo</c> meter (<see cref="ServerMetrics"/> and the log's), ASP.NET Core's request durations by route
/// (<c>http_server_request_duration_seconds</c>) and the .NET runtime's, in Prometheus text through OpenTelemetry. Read only from
/// <see cref="ServerOptions.MetricsFrom"/> (loopback by default) and never through a proxy that is not trusted: a request that still
/// carries <c>X-Forwarded-For</c> or <c>Forwarded</c> came from elsewhere and gets 403.
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>The networks that may read <c>/metrics</c> when none are given: this machine.</summary>
    public static readonly IReadOnlyList<IPNetwork> Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>
    /// ASP.NET Core's meters that are read: request durations by route, Kestrel's connections, routing, errors and rate limits.
    /// Not <c>Microsoft.AspNetCore.MemoryPool</c> (what <c>AddAspNetCoreInstrumentation</c> also adds): it records on every buffer
    /// Kestrel rents, most of the tenth of a cached read's server time that metrics took (docs/performance.md), and says nothing
    /// an operator acts on.
    /// </summary>
    private static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting"];

    /// <summary>Collects the metrics.</summary>
    public static IServiceCollection AddSanooMetrics(this IServiceCollection services)
    {
        services.AddSingleton<ServerMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ElectionLog.MeterName)
            .AddMeter(AspNetCoreMeters)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps <c>/metrics</c> behind the address check.</summary>
    public static void MapMetrics(this IEndpointRouteBuilder app, ServerOptions options)
    {
        var allowed = options.MetricsFrom.Count == 0 ? Loopback : [.. options.MetricsFrom.Select(n => IPNetwork.Parse(n))];
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
        {
            if (Allowed(context, allowed))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("/metrics is read from the addresses given with --metrics-from only (default: loopback)\n");
        }), optionsName: null);
    }

    /// <summary>Whether the request comes straight from an allowed address.</summary>
    public static bool Allowed(HttpContext context, IReadOnlyList<IPNetwork> allowed)
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(n => n.Contains(plain));
    }
}
