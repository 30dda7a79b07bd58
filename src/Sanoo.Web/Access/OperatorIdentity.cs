using System.Security.Claims;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// The identity of a request that presented a known operator token: the operator as stored
/// (name, role, district), with the name and role also as standard claims so that ASP.NET Core's
/// role checks and logging see them.
/// </summary>
public sealed class OperatorIdentity : ClaimsIdentity
{
    /// <summary>The claim type that carries a district operator's district.</summary>
    public const string DistrictClaim = "sanoo:district";

    /// <summary>Makes the identity of <paramref name="op"/>, authenticated by <paramref name="scheme"/>.</summary>
    public OperatorIdentity(Operator op, string scheme)
        : base(ClaimsOf(op), scheme, ClaimTypes.Name, ClaimTypes.Role) => Operator = op;

    /// <summary>The operator.</summary>
    public Operator Operator { get; }

    /// <summary>The role as a claim value: "district", "admin", "observer" or "party-agent".</summary>
    public static string RoleName(OperatorRole role) => role switch
    {
        OperatorRole.District => "district",
        OperatorRole.Admin => "admin",
        OperatorRole.Observer => "observer",
        OperatorRole.PartyAgent => "party-agent",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static IEnumerable<Claim> ClaimsOf(Operator op)
    {
        yield return new Claim(ClaimTypes.Name, op.Name);
        yield return new Claim(ClaimTypes.Role, RoleName(op.Role));
        if (op.District is { } district)
        {
            yield return new Claim(DistrictClaim, district.Value);
        }
    }
}
