using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Storage.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The entries behind one page's figures with their inclusion proofs (<see cref="Wire.AreaEntries"/>): what a results page's own
/// check fetches, live from <c>/api/v1/area-entries</c> and in a published folder from <c>api/v1/area-entries/{area}.json</c>.
/// A small area's entries are read station by station, so their cost follows the area's size, not the log's; a large area's in
/// one pass over the log.
/// </summary>
public static class AreaEntriesJson
{
    private const int StationsReadOneByOne = 512;

    /// <summary>The entries of <paramref name="area"/>'s stations (for an area above them, of the contests tallied there) in the
    /// first <paramref name="size"/> entries of the log, each proved in the tree of that size.</summary>
    public static async Task<Wire.AreaEntries> OfAsync(ElectionLog log, Area area, long size, CancellationToken cancellationToken = default)
    {
        var election = log.Election;
        var index = election.AreaIndex(area.Id);
        var contests = area.IsStation
            ? null
            : election.Contests.Where(c => c.TallyAreas.Contains(index)).Select(c => c.Contest.Id).ToHashSet();
        var stations = area.IsStation
            ? [area]
            : election.StationsOf(index).ToArray().Select(o => election.Areas[election.StationAreaIndex(o)]).ToList();
        bool Wanted(LogEntry e) => e.Sequence <= size && (contests is null || contests.Contains(e.Contest));
        var read = new List<LogEntry>();
        if (stations.Count <= StationsReadOneByOne)
        {
            foreach (var station in stations)
            {
                read.AddRange((await log.StationEntriesAsync(station.Id, cancellationToken)).Where(Wanted));
            }
        }
        else
        {
            // A large area (a region, the nation) holds most of the log: one pass over it in order beats a query per station.
            var ids = stations.Select(s => s.Id).ToHashSet();
            await foreach (var entry in log.EntriesAsync(0, withCanonical: true, cancellationToken))
            {
                if (entry.Sequence > size)
                {
                    break;
                }
                if (ids.Contains(entry.Station) && Wanted(entry))
                {
                    read.Add(entry);
                }
            }
        }
        read.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var proofs = await log.InclusionProofsAsync([.. read.Select(e => e.Sequence)], size, cancellationToken);
        return new Wire.AreaEntries(area.Id.Value, size, [.. read.Select((e, i) => Of(e, proofs[i]))]);
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
