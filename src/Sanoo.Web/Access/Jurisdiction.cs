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
        OperatorRole.District => op.District is { } district && Under(station, district),
        _ => false,
    };

    private bool Under(AreaId station, AreaId district)
    {
        if (!election.TryAreaIndex(district, out var target) || !election.TryAreaIndex(station, out var start))
        {
            return false;
        }
        for (var a = start; a >= 0; a = election.ParentIndex(a))
        {
            if (a == target)
            {
                return true;
            }
        }
        return false;
    }
}
