using Microsoft.AspNetCore.Http;

namespace Sanoo.Web;

/// <summary>RFC 9457 problem details, every one naming what is wrong and where.</summary>
public static class Problems
{
    /// <summary>400 with the problems by JSON path.</summary>
    public static IResult BadRequest(string title, Dictionary<string, string[]> errors) =>
        Results.Problem(
            statusCode: 400,
            title: title,
            detail: $"{errors.Sum(e => e.Value.Length)} problem(s): {string.Join("; ", errors.Take(3).Select(e => $"{e.Key}: {e.Value[0]}"))}",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>Any status with a title and detail, and optionally the reasons by path.</summary>
    public static IResult Status(int status, string title, string detail, Dictionary<string, string[]>? errors = null) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: errors is null ? detail : $"{detail} {string.Join("; ", errors.Take(3).Select(e => $"{e.Key}: {e.Value[0]}"))}",
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>503 with Retry-After: the store cannot be reached; the client retries.</summary>
    public static IResult Unavailable(string detail) => Busy("The store is unavailable; retry shortly", detail, 5);

    /// <summary>503 with Retry-After of <paramref name="seconds"/>: the server cannot answer now, and says why; the client retries.</summary>
    public static IResult Busy(string title, string detail, int seconds) =>
        new RetryAfter(Results.Problem(statusCode: 503, title: title, detail: detail), seconds);

    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
