using Sanoo.Core.Definitions;

namespace Sanoo.Web.Reports;

/// <summary>Where a report's station lies on the map: under an area at any level, or in one of its groupings.</summary>
public static class ReportAreas
{
    /// <summary>Whether <paramref name="station"/> is one of the stations of <paramref name="area"/> (or is it).</summary>
    public static bool Under(Election election, AreaId station, AreaId area) =>
        election.TryAreaIndex(area, out var target)
        && election.TryAreaIndex(station, out var index)
        && election.TryStationOrdinal(index, out var ordinal)
        && election.StationsOf(target).BinarySearch(ordinal) >= 0;
}
