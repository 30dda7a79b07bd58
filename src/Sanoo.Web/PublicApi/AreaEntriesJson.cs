using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Storage.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The entries behind one page's figures with their inclusion proofs (<see cref="Wire.AreaEntries"/>): what a results page's own
/// check fetches, live from <c>/api/v1/area-entries</c> and in a published folder from <c>api/v1/area-entries/{area}.json</c>.
/// A station's answer holds its entries, read station by station; an area above the stations names the areas just below it, whose
/// answers the check reads in turn: so no answer grows with the stations below its area, and a new protocol changes only its
/// station's answer (an area's list of children is fixed by the definition).
/// </summary>
public static class AreaEntriesJson
{
    /// <summary>The entries of the station <paramref name="area"/> in the first <paramref name="size"/> entries of the log, each
    /// proved in the tree of that size; for an area above the stations, the areas just below it.</summary>
    public static Task<Wire.AreaEntries> OfAsync(ElectionLog log, Area area, long size, CancellationToken cancellationToken = default) =>
        OfAsync(log, area, size, null, cancellationToken);

    /// <summary>As <see cref="OfAsync(ElectionLog, Area, long, CancellationToken)"/>, from a station's entries already read
    /// (<paramref name="read"/>, as <see cref="ElectionLog.StationEntriesAsync"/> gives them), which are not read again.</summary>
    public static async Task<Wire.AreaEntries> OfAsync(
        ElectionLog log, Area area, long size, IReadOnlyList<LogEntry>? read, CancellationToken cancellationToken = default)
    {
        if (!area.IsStation)
        {
            return new Wire.AreaEntries(area.Id.Value, size, [], ChildrenOf(log.Election, log.Election.AreaIndex(area.Id)));
        }
        var entries = (read ?? await log.StationEntriesAsync(area.Id, cancellationToken)).Where(e => e.Sequence <= size).ToList();
        entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var proofs = await log.InclusionProofsAsync([.. entries.Select(e => e.Sequence)], size, cancellationToken);
        return new Wire.AreaEntries(area.Id.Value, size, [.. entries.Select((e, i) => Of(e, proofs[i]))], []);
    }

    /// <summary>
    /// The ids of the areas whose stations together are exactly <paramref name="areaIndex"/>'s, each once, in map order: in the tree
    /// its children; for an area of a grouping (which cuts across the tree), its stations.
    /// </summary>
    public static IReadOnlyList<string> ChildrenOf(Election election, int areaIndex)
    {
        var children = new List<string>();
        var seen = new HashSet<int>();
        foreach (var station in election.StationsOf(areaIndex))
        {
            var child = election.StationAreaIndex(station);
            if (!election.InGrouping(areaIndex))
            {
                while (election.ParentIndex(child) != areaIndex)
                {
                    child = election.ParentIndex(child);
                }
            }
            if (seen.Add(child))
            {
                children.Add(election.Areas[child].Id.Value);
            }
        }
        return children;
    }

    private static Wire.ProvenEntry Of(LogEntry e, IEnumerable<byte[]> proof) => new(
        e.Sequence,
        e.Station.Value,
        e.Contest.Value,
        e.Source.Value,
        e.Version,
        WireEnums.Of<Wire.StoredOutcome>(e.Outcome),
        e.Sender,
        Convert.ToHexStringLower(e.ContentHash.AsSpan()),
        e.Signature.IsDefaultOrEmpty ? "" : Convert.ToBase64String(e.Signature.AsSpan()),
        e.ReceivedAt.ToUnixTimeMilliseconds(),
        Convert.ToBase64String(e.Canonical.AsSpan()),
        [.. proof.Select(Convert.ToHexStringLower)]);
}
