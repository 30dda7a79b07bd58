using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanoo.Web.Access;

/// <summary>
/// Bearer authentication of commission operators (RFC 6750): the token in
/// <c>Authorization: Bearer TOKEN</c> (the scheme name in any case) is looked up by its SHA-256
/// among the enrolled operators. No header: no identity, and endpoints that need one answer 401.
/// A header with an unknown token, a revoked one (<see cref="Core.Register.OperatorRevokedRecord"/>) or another scheme: a
/// failure that names the reason, answered 401. Station
/// devices do not authenticate per request: each protocol they send carries its own Ed25519
/// signature, checked against the station's enrolled key by <see cref="Ingest.Authorizer"/>.
/// </summary>
public sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WriterRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Bearer";

    /// <summary>What a request with a revoked operator's token is told.</summary>
    public static string RevokedMessage(string name, long record, string? reason) =>
        $"operator {name}'s token was revoked by register record {record}{(reason is null ? "" : $" ({reason})")}; nothing is taken "
        + "with it any more: the commission enrols a new operator under another name (sanoo operators add)";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            return Task.FromResult(AuthenticateResult.Fail($"the Authorization header is not a bearer token: {Caller.NoToken}"));
        }
        var token = value.Parameter.Trim();
        if (registry.OperatorByToken(token) is not { } op)
        {
            return Task.FromResult(AuthenticateResult.Fail(registry.RevocationOfToken(token) is { } revoked
                ? RevokedMessage(revoked.Name, revoked.Sequence, revoked.Reason)
                : "the operator token is not known"));
        }
        var principal = new ClaimsPrincipal(new OperatorIdentity(op, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
