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
/// A header with an unknown token or another scheme: a failure that names the reason. Station
/// devices do not authenticate per request: each protocol they send carries its own Ed25519
/// signature, checked against the station's enrolled key by <see cref="Ingest.Authorizer"/>.
/// </summary>
public sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WriterRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Bearer";

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
        if (registry.OperatorByToken(value.Parameter.Trim()) is not { } op)
        {
            return Task.FromResult(AuthenticateResult.Fail("the operator token is not known"));
        }
        var principal = new ClaimsPrincipal(new OperatorIdentity(op, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
