using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Reconciliation;

/// <summary>
/// Two counts of one station's ballots for one contest, compared line by line and choice by
/// choice. Differences are second − first (hand − machine by default); empty when one side is
/// missing. The differences are read from the two counted versions when asked (the engine keeps them anyway), not kept: a ledger
/// holds a comparison for every station as long as its snapshot is served, and two arrays of differences a station were some
/// 300 MB at a million stations with both counts in.
/// </summary>
public sealed record StationComparison
{
    // Each side as its kept versions and index, not a CountedRef? (16 bytes with its flag and padding): 72 bytes a comparison, not 96.
    private readonly CountedFigures? _firstKept;
    private readonly CountedFigures? _secondKept;
    private readonly int _firstIndex;
    private readonly int _secondIndex;

    /// <summary>A comparison of <paramref name="first"/> and <paramref name="second"/>, classed <paramref name="class"/>.</summary>
    /// <param name="station">The station.</param>
    /// <param name="contest">The contest.</param>
    /// <param name="class">How they compare.</param>
    /// <param name="first">The first count's version counted, if any.</param>
    /// <param name="second">The second count's version counted, if any.</param>
    public StationComparison(AreaId station, ContestId contest, ReconciliationClass @class, CountedRef? first, CountedRef? second)
    {
        (Station, Contest, Class) = (station, contest, @class);
        (_firstKept, _firstIndex) = first is { } a ? (a.Kept, a.Index) : (null, -1);
        (_secondKept, _secondIndex) = second is { } b ? (b.Kept, b.Index) : (null, -1);
        VotesApart = first is { } x && second is { } y ? Apart(x.Votes, y.Votes) : 0;
    }

    /// <summary>The station.</summary>
    public AreaId Station { get; }

    /// <summary>The contest.</summary>
    public ContestId Contest { get; }

    /// <summary>How they compare.</summary>
    public ReconciliationClass Class { get; }

    /// <summary>The first count's version counted, if any.</summary>
    public CountedRef? First => _firstKept is null ? null : new CountedRef(_firstKept, _firstIndex);

    /// <summary>The second count's version counted, if any.</summary>
    public CountedRef? Second => _secondKept is null ? null : new CountedRef(_secondKept, _secondIndex);

    /// <summary>The sum of the absolute vote differences: ballots counted for another choice, or not at all.</summary>
    public long VotesApart { get; }

    /// <summary>Per line of the form: second − first; empty when one side is missing.</summary>
    public ImmutableArray<long> LineDifferences => ImmutableCollectionsMarshal.AsImmutableArray(
        First is { } a && Second is { } b ? Differences(a.Lines, b.Lines) : []);

    /// <summary>Per choice, in ballot order: second − first; empty when one side is missing.</summary>
    public ImmutableArray<long> VoteDifferences => ImmutableCollectionsMarshal.AsImmutableArray(
        First is { } a && Second is { } b ? Differences(a.Votes, b.Votes) : []);

    /// <summary>Line <paramref name="line"/>'s difference, second − first (both counts in), without making the whole list.</summary>
    public long LineDifference(int line) => (long)Second!.Value.Lines[line] - First!.Value.Lines[line];

    /// <summary>Choice <paramref name="choice"/>'s difference, second − first (both counts in), without making the whole list.</summary>
    public long VoteDifference(int choice) => (long)Second!.Value.Votes[choice] - First!.Value.Votes[choice];

    /// <summary>The largest absolute difference on any line or choice.</summary>
    public long Largest => LineDifferences.Concat(VoteDifferences).Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Compares two counts of a station; null when neither is in. Versions need not match:
    /// each side's counted version is what that count says now.
    /// </summary>
    public static StationComparison? Of(ContestPlan plan, ReconciliationRule rule, AreaId station, CountedRef? first, CountedRef? second)
    {
        if (first is not { } a || second is not { } b)
        {
            return first is null && second is null
                ? null
                : new StationComparison(station, plan.Contest.Id, ReconciliationClass.OneSideMissing, first, second);
        }
        var (lines, votes) = (Compare(rule, a.Lines, b.Lines), Compare(rule, a.Votes, b.Votes));
        var @class = lines == ReconciliationClass.Match && votes == ReconciliationClass.Match ? ReconciliationClass.Match
            : lines != ReconciliationClass.Discrepancy && votes != ReconciliationClass.Discrepancy ? ReconciliationClass.WithinTolerance
            : ReconciliationClass.Discrepancy;
        return new StationComparison(station, plan.Contest.Id, @class, first, second);
    }

    /// <summary>How two lists of figures compare, pair by pair (as far as the shorter goes): match, within tolerance, or not.</summary>
    private static ReconciliationClass Compare(ReconciliationRule rule, ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var @class = ReconciliationClass.Match;
        for (var i = 0; i < Math.Min(first.Length, second.Length); i++)
        {
            if (first[i] == second[i])
            {
                continue;
            }
            if (!rule.Tolerates(first[i], second[i]))
            {
                return ReconciliationClass.Discrepancy;
            }
            @class = ReconciliationClass.WithinTolerance;
        }
        return @class;
    }

    /// <summary>Second − first, pair by pair (as far as the shorter goes).</summary>
    private static long[] Differences(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var differences = new long[Math.Min(first.Length, second.Length)];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = (long)second[i] - first[i];
        }
        return differences;
    }

    /// <summary>The sum of the absolute differences, pair by pair, without making them.</summary>
    private static long Apart(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var sum = 0L;
        for (var i = 0; i < Math.Min(first.Length, second.Length); i++)
        {
            sum += Math.Abs((long)second[i] - first[i]);
        }
        return sum;
    }
}
