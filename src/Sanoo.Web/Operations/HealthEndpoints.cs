using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Log;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Operations;

/// <summary>
/// <c>/healthz</c> (the process answers: 200) and <c>/readyz</c> (200 "ready", or 503 with the reason in one line, see
/// <see cref="Readiness"/>), for a supervisor and a load balancer. Operators' endpoints: not in the OpenAPI document, never cached.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps both.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (HttpResponse response) => Plain(response, StatusCodes.Status200OK, "alive")).ExcludeFromDescription();
        app.MapGet("/readyz", (HttpResponse response, SnapshotPublisher publisher, ElectionLog log) =>
            Readiness.NotReady(publisher.Current, publisher.ReadFailure, log.WriteFailure) is { } reason
                ? Plain(response, StatusCodes.Status503ServiceUnavailable, $"not ready: {reason}")
                : Plain(response, StatusCodes.Status200OK, "ready")).ExcludeFromDescription();
    }

    private static IResult Plain(HttpResponse response, int status, string text)
    {
        response.Headers.CacheControl = "no-store";
        return Results.Text(text + "\n", "text/plain; charset=utf-8", statusCode: status);
    }
}
