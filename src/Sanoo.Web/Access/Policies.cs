using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Who may do what, as ASP.NET Core authorization policies over the operator's bearer identity:
/// <see cref="Operator"/> (any commission operator), <see cref="Admin"/> (an admin of the central
/// commission) and <see cref="Station"/> (resource-based: an operator whose jurisdiction covers
/// the station named, see <see cref="Jurisdiction"/>). Station devices are authorized per
/// protocol by its signature, not by a policy (see <see cref="Ingest.Authorizer"/>).
/// </summary>
public static class Policies
{
    /// <summary>Any authenticated commission operator (district or admin; not an observer or party agent).</summary>
    public const string Operator = "operator";

    /// <summary>An accredited observer or party agent, who may file reports (see <see cref="Jurisdiction.Accredits"/>).</summary>
    public const string Reporter = "reporter";

    /// <summary>An admin of the central commission.</summary>
    public const string Admin = "admin";

    /// <summary>An operator acting for the station given as the resource (an <see cref="Core.Definitions.AreaId"/>).</summary>
    public const string Station = "station";

    /// <summary>Registers the bearer scheme, the policies and their problem-details answers.</summary>
    public static IServiceCollection AddOperatorAccess(this IServiceCollection services)
    {
        services.AddAuthentication(OperatorAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthentication>(OperatorAuthentication.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, StationAuthorization>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Operator, p => p.RequireRole(
                OperatorIdentity.RoleName(OperatorRole.District), OperatorIdentity.RoleName(OperatorRole.Admin)))
            .AddPolicy(Reporter, p => p.RequireRole(
                OperatorIdentity.RoleName(OperatorRole.Observer), OperatorIdentity.RoleName(OperatorRole.PartyAgent)))
            .AddPolicy(Admin, p => p.RequireRole(OperatorIdentity.RoleName(OperatorRole.Admin)))
            .AddPolicy(Station, p => p.RequireAuthenticatedUser().AddRequirements(new StationRequirement()));
        return services;
    }
}
