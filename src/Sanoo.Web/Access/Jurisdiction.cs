using Sanoo.Core.Definitions;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Which stations an operator acts for: an admin for every station, a district operator for the
/// stations of their area (at any depth of the map, or an area of a grouping).
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

    /// <summary>
    /// Whether <paramref name="op"/>, an observer or party agent, is accredited for <paramref name="station"/>: it is a polling station
    /// under their area, or of the election when they are accredited for the whole of it.
    /// </summary>
    public bool Accredits(Operator op, AreaId station) =>
        op.Reports && (op.District is { } area ? Under(station, area) : election.Area(station) is { IsStation: true });

    private bool Under(AreaId station, AreaId district)
    {
        return election.TryAreaIndex(district, out var target)
            && election.TryAreaIndex(station, out var index)
            && election.TryStationOrdinal(index, out var ordinal)
            && election.StationsOf(target).BinarySearch(ordinal) >= 0;
    }
}
