using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Reconciliation;

/// <summary>
/// Two counts of one station's ballots for one contest, compared line by line and choice by
/// choice. Differences are second − first (hand − machine by default); empty when one side is
/// missing. The differences are read from the two protocols when asked (the snapshot holds them anyway), not kept: a ledger
/// holds a comparison for every station as long as its snapshot is served, and two arrays of differences a station were some
/// 300 MB at a million stations with both counts in.
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Class">How they compare.</param>
/// <param name="First">The first count's protocol counted, if any.</param>
/// <param name="Second">The second count's protocol counted, if any.</param>
public sealed record StationComparison(
    AreaId Station,
    ContestId Contest,
    ReconciliationClass Class,
    Protocol? First,
    Protocol? Second)
{
    /// <summary>The sum of the absolute vote differences: ballots counted for another choice, or not at all.</summary>
    public long VotesApart { get; } = Differences(First?.Votes, Second?.Votes).Sum(Math.Abs);

    /// <summary>Per line of the form: second − first; empty when one side is missing.</summary>
    public ImmutableArray<long> LineDifferences => ImmutableCollectionsMarshal.AsImmutableArray(Differences(First?.Lines, Second?.Lines));

    /// <summary>Per choice, in ballot order: second − first; empty when one side is missing.</summary>
    public ImmutableArray<long> VoteDifferences => ImmutableCollectionsMarshal.AsImmutableArray(Differences(First?.Votes, Second?.Votes));

    /// <summary>Line <paramref name="line"/>'s difference, second − first (both counts in), without making the whole list.</summary>
    public long LineDifference(int line) => (long)Second!.Lines[line] - First!.Lines[line];

    /// <summary>Choice <paramref name="choice"/>'s difference, second − first (both counts in), without making the whole list.</summary>
    public long VoteDifference(int choice) => (long)Second!.Votes[choice] - First!.Votes[choice];

    /// <summary>The largest absolute difference on any line or choice.</summary>
    public long Largest => Differences(First?.Lines, Second?.Lines).Concat(Differences(First?.Votes, Second?.Votes))
        .Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Compares two counts of a station; null when neither is in. Versions need not match:
    /// each side's counted version is what that count says now.
    /// </summary>
    public static StationComparison? Of(ContestPlan plan, ReconciliationRule rule, AreaId station, Protocol? first, Protocol? second)
    {
        if (first is null && second is null)
        {
            return null;
        }
        if (first is null || second is null)
        {
            return new StationComparison(station, plan.Contest.Id, ReconciliationClass.OneSideMissing, first, second);
        }
        var (lines, votes) = (Compare(rule, first.Lines, second.Lines), Compare(rule, first.Votes, second.Votes));
        var @class = lines == ReconciliationClass.Match && votes == ReconciliationClass.Match ? ReconciliationClass.Match
            : lines != ReconciliationClass.Discrepancy && votes != ReconciliationClass.Discrepancy ? ReconciliationClass.WithinTolerance
            : ReconciliationClass.Discrepancy;
        return new StationComparison(station, plan.Contest.Id, @class, first, second);
    }

    /// <summary>How two lists of figures compare, pair by pair (as far as the shorter goes): match, within tolerance, or not.</summary>
    private static ReconciliationClass Compare(ReconciliationRule rule, ImmutableArray<int> first, ImmutableArray<int> second)
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

    /// <summary>Second − first, pair by pair (as far as the shorter goes); empty when one side is missing.</summary>
    private static long[] Differences(ImmutableArray<int>? first, ImmutableArray<int>? second)
    {
        if (first is not { } a || second is not { } b)
        {
            return [];
        }
        var differences = new long[Math.Min(a.Length, b.Length)];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = (long)b[i] - a[i];
        }
        return differences;
    }
}
