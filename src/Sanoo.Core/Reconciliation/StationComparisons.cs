using System.Collections;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Reconciliation;

/// <summary>
/// A ledger's comparisons, contest by contest in station order, each made from the snapshot when read. For every station with a
/// count in, the ledger keeps only where it is in its contest (4 bytes) and its class (1 byte): an object a comparison was some
/// 80 bytes, 80 MB at a million stations for as long as the snapshot is served, on the server and in the verifier. The snapshot
/// is frozen, so a comparison made again is equal to the one the ledger classed and added up.
/// </summary>
public sealed class StationComparisons : IReadOnlyList<StationComparison>
{
    private readonly Snapshot _snapshot;
    private readonly ReconciliationRule _rule;
    private readonly int _first;
    private readonly int _second;
    private readonly List<int> _offsets = [];
    private readonly List<byte> _classes = [];
    private readonly int[] _starts; // by contest index, where its comparisons begin; filled up to the last contest added
    private int _started;

    /// <summary>No comparisons yet, of <paramref name="snapshot"/> under <paramref name="rule"/>.</summary>
    internal StationComparisons(Snapshot snapshot, ReconciliationRule rule)
    {
        var election = snapshot.Election;
        (_snapshot, _rule) = (snapshot, rule);
        _first = election.TrySourceIndex(rule.First, out var f) ? f : -1;
        _second = election.TrySourceIndex(rule.Second, out var s) ? s : -1;
        _starts = new int[election.Contests.Length];
    }

    /// <inheritdoc />
    public int Count => _offsets.Count;

    /// <inheritdoc />
    public StationComparison this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The contest whose comparisons hold the index: the last start at or before it (past the last filled, Count).
            var (low, high) = (0, _started);
            while (high - low > 1)
            {
                var middle = (low + high) / 2;
                (low, high) = _starts[middle] <= index ? (middle, high) : (low, middle);
            }
            return Compare(_snapshot.Election.Contests[low], _offsets[index])!;
        }
    }

    /// <summary>The comparisons whose class passes <paramref name="which"/>, made only for those.</summary>
    public IEnumerable<StationComparison> Classed(Func<ReconciliationClass, bool> which) =>
        Enumerable.Range(0, Count).Where(i => which((ReconciliationClass)_classes[i])).Select(i => this[i]);

    /// <inheritdoc />
    public IEnumerator<StationComparison> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The two counts of the station at <paramref name="offset"/> in <paramref name="plan"/> compared; null when neither is in.</summary>
    internal StationComparison? Compare(ContestPlan plan, int offset)
    {
        var election = _snapshot.Election;
        return StationComparison.Of(
            plan,
            _rule,
            election.Station(plan.OrdinalAt(offset)).Id,
            _first < 0 ? null : _snapshot.Counted(plan, _first, offset),
            _second < 0 ? null : _snapshot.Counted(plan, _second, offset));
    }

    /// <summary>Adds the comparison at <paramref name="offset"/> in <paramref name="plan"/>: contests in order, stations in order.</summary>
    internal void Add(ContestPlan plan, int offset, ReconciliationClass @class)
    {
        for (; _started <= plan.Index; _started++)
        {
            _starts[_started] = _offsets.Count;
        }
        _offsets.Add(offset);
        _classes.Add((byte)@class);
    }
}
