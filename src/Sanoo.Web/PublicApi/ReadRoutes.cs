using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Public reads answer <c>HEAD</c> as they answer <c>GET</c>, without the body (RFC 9110 §9.3.2):
/// minimal APIs map only the methods they are told, so every read is mapped for both. The
/// <c>HEAD</c> twin is left out of the OpenAPI document, which describes the <c>GET</c>.
/// </summary>
public static class ReadRoutes
{
    /// <summary>Maps <paramref name="handler"/> for <c>GET</c> (returned, to be described) and <c>HEAD</c> at <paramref name="pattern"/>.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler)
    {
        app.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return app.MapGet(pattern, handler);
    }
}
