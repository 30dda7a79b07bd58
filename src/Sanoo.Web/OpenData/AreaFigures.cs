using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Web.OpenData;

/// <summary>
/// One contest, source and area's figures from a snapshot, stations included (a station's are
/// those of the protocol it had counted), so open data reads areas and stations alike.
/// </summary>
public static class AreaFigures
{
    private static readonly ImmutableArray<long>[] ZerosOfLength = new ImmutableArray<long>[128];

    /// <summary>The figures, or null when the contest is not voted on in the area.</summary>
    public static AreaTally? Of(Snapshot snapshot, ContestPlan plan, CountSource source, Area area)
    {
        if (!area.IsStation)
        {
            return snapshot.Tally(plan.Contest.Id, source.Id, area.Id);
        }
        var election = snapshot.Election;
        var ordinal = election.StationOrdinal(election.AreaIndex(area.Id));
        if (plan.OffsetOf(ordinal) < 0)
        {
            return null;
        }
        if (snapshot.CountedRefOf(area.Id, plan.Contest.Id, source.Id) is not { } counted)
        {
            return new AreaTally(area.Id, Zeros(plan.Form.Lines.Length), Zeros(plan.Choices.Length), 0, 0, 1, 0, area.Roll!.Total, 0);
        }
        return new AreaTally(
            area.Id,
            Widened(counted.Lines),
            Widened(counted.Votes),
            plan.Rules.Participation.Evaluate(counted.Lines, counted.Votes),
            1,
            1,
            area.Roll!.Total,
            area.Roll.Total,
            plan.Rules.Check(counted.Lines, counted.Votes).IsEmpty ? 0 : 1);
    }

    /// <summary>
    /// <paramref name="length"/> zeros, the same array each time for the lengths of real forms and ballots: a station that has not
    /// reported (most of them early in the night, every one for a source not counted) is read for each page and row of open data.
    /// </summary>
    private static ImmutableArray<long> Zeros(int length)
    {
        if (length >= ZerosOfLength.Length)
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(new long[length]);
        }
        var zeros = ZerosOfLength[length];
        if (zeros.IsDefault)
        {
            ZerosOfLength[length] = zeros = ImmutableCollectionsMarshal.AsImmutableArray(new long[length]);
        }
        return zeros;
    }

    private static ImmutableArray<long> Widened(ReadOnlySpan<int> figures) =>
        ImmutableCollectionsMarshal.AsImmutableArray(CountedFigures.Widened(figures));
}
