using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sanoo.Web;

/// <summary>
/// Headers on every answer that keep a results page what it is: no script but the site's own
/// (Content-Security-Policy; style attributes are allowed, the bars are drawn with them), never
/// framed by another site (frame-ancestors), never sniffed as another type (nosniff), and no
/// address of a page sent on to other sites (Referrer-Policy); over HTTPS only, HTTPS from then
/// on for a year (HSTS). Public reads (GET and HEAD outside the operators' entry API) carry
/// <c>Access-Control-Allow-Origin: *</c>, so a newsroom's page or an observer's notebook in a
/// browser can read the open data directly.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every answer.</summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The headers of a public read over plain HTTP, as <see cref="Apply"/> sets them, for an answer written without a request object
    /// (<see cref="PublicApi.ConnectionHotReads"/>).
    /// </summary>
    internal static IReadOnlyList<(string Name, string Value)> OfPlainPublicRead { get; } =
    [
        (HeaderNames.ContentSecurityPolicy, Policy), (HeaderNames.XContentTypeOptions, NoSniff), (ReferrerPolicy, NoReferrer),
        (HeaderNames.AccessControlAllowOrigin, AnyOrigin), (HeaderNames.AccessControlExposeHeaders, ExposedHeaders),
    ];

    private const string NoSniff = "nosniff";
    private const string ReferrerPolicy = "Referrer-Policy";
    private const string NoReferrer = "no-referrer";
    private const string AnyOrigin = "*";
    private const string ExposedHeaders = "ETag, Retry-After";

    /// <summary>Adds the headers to every answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Apply(context, IsPublicRead(context.Request));
        return next(context);
    });

    /// <summary>Sets the headers on the answer to <paramref name="context"/>, a <paramref name="publicRead"/> or not.</summary>
    public static void Apply(HttpContext context, bool publicRead)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = NoSniff;
        headers[ReferrerPolicy] = NoReferrer;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        if (publicRead)
        {
            headers.AccessControlAllowOrigin = AnyOrigin;
            headers.AccessControlExposeHeaders = ExposedHeaders;
        }
    }

    /// <summary>Whether a request reads what anyone may read: GET or HEAD, outside the operators' entries.</summary>
    public static bool IsPublicRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api/v1/hand-entries", StringComparison.OrdinalIgnoreCase);
}
