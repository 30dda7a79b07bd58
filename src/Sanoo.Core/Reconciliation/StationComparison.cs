using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Reconciliation;

/// <summary>
/// Two counts of one station's ballots for one contest, compared line by line and choice by
/// choice. Differences are second − first (hand − machine by default); empty when one side is
/// missing.
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Class">How they compare.</param>
/// <param name="First">The first count's protocol counted, if any.</param>
/// <param name="Second">The second count's protocol counted, if any.</param>
/// <param name="LineDifferences">Per line of the form: second − first.</param>
/// <param name="VoteDifferences">Per choice, in ballot order: second − first.</param>
public sealed record StationComparison(
    AreaId Station,
    ContestId Contest,
    ReconciliationClass Class,
    Protocol? First,
    Protocol? Second,
    ImmutableArray<long> LineDifferences,
    ImmutableArray<long> VoteDifferences)
{
    /// <summary>The sum of the absolute vote differences: ballots counted for another choice, or not at all.</summary>
    public long VotesApart => VoteDifferences.Sum(Math.Abs);

    /// <summary>The largest absolute difference on any line or choice.</summary>
    public long Largest => LineDifferences.Concat(VoteDifferences).Select(Math.Abs).DefaultIfEmpty(0).Max();

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
            return new StationComparison(station, plan.Contest.Id, ReconciliationClass.OneSideMissing, first, second, [], []);
        }
        var lines = first.Lines.Zip(second.Lines, (a, b) => (long)b - a).ToImmutableArray();
        var votes = first.Votes.Zip(second.Votes, (a, b) => (long)b - a).ToImmutableArray();
        var pairs = first.Lines.Zip(second.Lines).Concat(first.Votes.Zip(second.Votes)).ToList();
        var @class = pairs.All(p => p.First == p.Second) ? ReconciliationClass.Match
            : pairs.All(p => rule.Tolerates(p.First, p.Second)) ? ReconciliationClass.WithinTolerance
            : ReconciliationClass.Discrepancy;
        return new StationComparison(station, plan.Contest.Id, @class, first, second, lines, votes);
    }
}
