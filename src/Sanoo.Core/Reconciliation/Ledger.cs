using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Reconciliation;

/// <summary>How the stations of one area compare, for one contest: how many in each class, and how many votes apart.</summary>
/// <param name="Area">The area.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Match">Stations whose two counts agree exactly.</param>
/// <param name="WithinTolerance">Stations that differ within the tolerance.</param>
/// <param name="Discrepancy">Stations that differ beyond it.</param>
/// <param name="OneSideMissing">Stations with only one count in.</param>
/// <param name="VotesApart">The sum over compared stations of their absolute vote differences.</param>
public sealed record AreaReconciliation(
    AreaId Area,
    ContestId Contest,
    int Match,
    int WithinTolerance,
    int Discrepancy,
    int OneSideMissing,
    long VotesApart)
{
    /// <summary>Stations with both counts in.</summary>
    public int Compared => Match + WithinTolerance + Discrepancy;
}

/// <summary>
/// The discrepancy ledger of a snapshot: every station with at least one count in, compared
/// under the election's rule, and the totals per area from station to nation. A pure function
/// of the snapshot, so anyone re-adding the published protocols gets the same ledger.
/// </summary>
public sealed class Ledger
{
    private readonly Dictionary<(AreaId, ContestId), AreaReconciliation> _areas;
    private readonly Election _election;
    private readonly StationChains _byStation;

    private Ledger(
        ReconciliationRule rule,
        Election election,
        StationComparisons stations,
        StationChains byStation,
        Dictionary<(AreaId, ContestId), AreaReconciliation> areas)
    {
        Rule = rule;
        Stations = stations;
        _election = election;
        _byStation = byStation;
        _areas = areas;
    }

    /// <summary>The rule the counts were compared under.</summary>
    public ReconciliationRule Rule { get; }

    /// <summary>Every comparison, contest by contest, in station order (each made from the snapshot when read).</summary>
    public StationComparisons Stations { get; }

    /// <summary>One station's comparisons, contest by contest (indexed once: every station page asks for its own).</summary>
    public IEnumerable<StationComparison> OfStation(AreaId station)
    {
        var comparisons = new List<StationComparison>(); // a list, not an iterator: the core reads no thread id (CorePurityTests)
        if (_election.TryAreaIndex(station, out var index) && _election.TryStationOrdinal(index, out var ordinal))
        {
            for (var at = _byStation.First[ordinal]; at >= 0; at = _byStation.Next[at])
            {
                comparisons.Add(Stations[at]);
            }
        }
        return comparisons;
    }

    /// <summary>The totals of an area (not a station) for a contest; null where the contest is not voted.</summary>
    public AreaReconciliation? Area(AreaId area, ContestId contest) => _areas.GetValueOrDefault((area, contest));

    /// <summary>Each party's copy of <paramref name="snapshot"/> compared with the official count (the copy first), in definition order.</summary>
    public static IReadOnlyList<Ledger> PartyCopiesOf(Snapshot snapshot) =>
        [.. snapshot.Election.PartyCopies.Select(copy => Of(snapshot, ReconciliationRule.PartyCopy(copy, snapshot.Election.DefaultSource)))];

    /// <summary>The ledger of <paramref name="snapshot"/> under <paramref name="rule"/>.</summary>
    public static Ledger Of(Snapshot snapshot, ReconciliationRule rule)
    {
        var election = snapshot.Election;
        var stations = new StationComparisons(snapshot, rule);
        var ordinals = new List<int>();
        var counts = new Dictionary<(AreaId, ContestId), int[]>();
        var apart = new Dictionary<(AreaId, ContestId), long>();
        foreach (var plan in election.Contests)
        {
            foreach (var areaIndex in plan.TallyAreas)
            {
                counts[(election.Areas[areaIndex].Id, plan.Contest.Id)] = new int[4];
                apart[(election.Areas[areaIndex].Id, plan.Contest.Id)] = 0;
            }
            for (var k = 0; k < plan.StationCount; k++)
            {
                if (stations.Compare(plan, k) is not { } comparison)
                {
                    continue;
                }
                var ordinal = plan.OrdinalAt(k);
                ordinals.Add(ordinal);
                stations.Add(plan, k, comparison.Class);
                // The station counts in its parents up the tree and in its grouping areas, where the contest is tallied.
                void Count(int a)
                {
                    if (counts.TryGetValue((election.Areas[a].Id, plan.Contest.Id), out var tally))
                    {
                        tally[(int)comparison.Class]++;
                        apart[(election.Areas[a].Id, plan.Contest.Id)] += comparison.VotesApart;
                    }
                }
                for (var a = election.ParentIndex(election.StationAreaIndex(ordinal)); a >= 0; a = election.ParentIndex(a))
                {
                    Count(a);
                }
                foreach (var a in election.GroupingAreasOf(ordinal))
                {
                    Count(a);
                }
            }
        }
        var areas = counts.ToDictionary(
            p => p.Key,
            p => new AreaReconciliation(p.Key.Item1, p.Key.Item2, p.Value[0], p.Value[1], p.Value[2], p.Value[3], apart[p.Key]));
        return new Ledger(rule, election, stations, StationChains.Of(election.StationCount, ordinals), areas);
    }

    /// <summary>
    /// Each station's comparisons as a chain through <see cref="Stations"/>: where its first is and, from each, where the next of the
    /// same station is (−1: none), in the order of <see cref="Stations"/>. An integer a station and one a comparison, where a lookup
    /// held an object, a grouping and an array a station (some 170 MB at a million stations, for as long as the snapshot is served).
    /// </summary>
    /// <param name="First">By station ordinal, the position of its first comparison; −1 where it has none.</param>
    /// <param name="Next">By comparison's position, the position of the same station's next one; −1 after its last.</param>
    private sealed record StationChains(int[] First, int[] Next)
    {
        /// <summary>The chains of comparisons whose stations' ordinals are <paramref name="ordinals"/>, in order.</summary>
        public static StationChains Of(int stations, List<int> ordinals)
        {
            var (first, next) = (new int[stations], new int[ordinals.Count]);
            Array.Fill(first, -1);
            for (var at = ordinals.Count - 1; at >= 0; at--)
            {
                (next[at], first[ordinals[at]]) = (first[ordinals[at]], at);
            }
            return new(first, next);
        }
    }
}
