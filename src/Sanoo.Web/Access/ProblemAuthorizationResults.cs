using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Sanoo.Web.Access;

/// <summary>Says, on an endpoint that needs an operator, who may use it; the 403 answer quotes it.</summary>
/// <param name="Text">Who may, e.g. "the result is certified by an admin of the central commission".</param>
public sealed record WhoMay(string Text);

/// <summary>
/// Answers an endpoint's authorization failure as RFC 9457 problem details: 401 with
/// <c>WWW-Authenticate: Bearer</c> and the reason (no token, or a token nobody holds) when the
/// caller is not authenticated, 403 naming who may when the operator may not.
/// </summary>
public sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = OperatorAuthentication.SchemeName;
            var caller = await Caller.OfAsync(context);
            await Problems.Status(401, "Not authenticated", $"this needs a commission operator's token: {caller.Missing}").ExecuteAsync(context);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var who = context.GetEndpoint()?.Metadata.GetMetadata<WhoMay>()?.Text ?? "this needs another operator's role";
            await Problems.Status(403, "Not allowed", $"{who}.").ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
