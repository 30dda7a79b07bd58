using Sanoo.Core.Definitions;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Which stations an operator acts for: an admin for every station, a district operator for the
/// stations under their district (at any depth of the map).
/// </summary>
public sealed class Jurisdiction(Election election)
{
    /// <summary>Whether <paramref name="op"/> may act for <paramref name="station"/>.</summary>
    public bool Covers(Operator op, AreaId station) => op.Role switch
    {
        OperatorRole.Admin => true,
        OperatorRole.District => op.District is { } district && Under(station, new AreaId(district)),
        _ => false,
    };

    private bool Under(AreaId station, AreaId district)
    {
        var target = election.AreaIndex(district);
        if (target < 0)
        {
            return false;
        }
        for (var a = election.AreaIndex(station); a >= 0; a = election.ParentIndex(a))
        {
            if (a == target)
            {
                return true;
            }
        }
        return false;
    }
}
