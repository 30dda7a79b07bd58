using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Who sent a request, as the bearer authentication found it: a known operator, or nobody with
/// the reason (no token, or a token nobody holds). Endpoints open to devices and operators alike
/// (protocols are signed by devices, entered by operators) read it to say which was missing.
/// </summary>
/// <param name="Operator">The operator, when the token is known.</param>
/// <param name="Missing">Why there is no operator, in words, when there is none.</param>
public sealed record Caller(Operator? Operator, string? Missing)
{
    /// <summary>What a request without a token is told.</summary>
    public const string NoToken = "send 'Authorization: Bearer TOKEN'";

    /// <summary>
    /// The caller of a request whose every submission is signed by a station device: the signature says who sent it, so no token is
    /// looked for (an operator's would not be used).
    /// </summary>
    public static Caller Device { get; } = new(null, NoToken);

    /// <summary>
    /// The caller of <paramref name="context"/>'s request. The scheme's handler keeps its result for
    /// the request, so asking again costs no second token lookup; it is asked because the
    /// middleware keeps only a success, and a failure's reason is what the caller must be told.
    /// </summary>
    public static async Task<Caller> OfAsync(HttpContext context)
    {
        if (context.User.Operator() is { } op)
        {
            return new Caller(op, null);
        }
        var result = await context.AuthenticateAsync(OperatorAuthentication.SchemeName);
        return result.Principal?.Operator() is { } authenticated
            ? new Caller(authenticated, null)
            : new Caller(null, result.Failure?.Message ?? NoToken);
    }
}

/// <summary>The operator behind a principal.</summary>
public static class OperatorPrincipal
{
    /// <summary>The operator authenticated for <paramref name="user"/>, or null.</summary>
    public static Operator? Operator(this ClaimsPrincipal user) =>
        user.Identities.OfType<OperatorIdentity>().FirstOrDefault(i => i.IsAuthenticated)?.Operator;
}
