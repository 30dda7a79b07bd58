using Microsoft.AspNetCore.Authorization;
using Sanoo.Core.Definitions;

namespace Sanoo.Web.Access;

/// <summary>The requirement of the <see cref="Policies.Station"/> policy: the operator acts for the station given as the resource.</summary>
public sealed class StationRequirement : IAuthorizationRequirement;

/// <summary>Grants <see cref="StationRequirement"/> when the operator's jurisdiction covers the station.</summary>
public sealed class StationAuthorization(Jurisdiction jurisdiction) : AuthorizationHandler<StationRequirement, AreaId>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StationRequirement requirement, AreaId resource)
    {
        if (context.User.Operator() is { } op && jurisdiction.Covers(op, resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
