using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Audits;

/// <summary>
/// The assertions a contest's reported outcome rests on, as this audit defines the outcome (docs/audits.md):
/// a single-member contest's winner beats every other choice ("against all" included); a party-list contest's set of parties over
/// its national threshold is exactly the reported one (each party over it stays over, each party under it stays under). The
/// allocation of seats among the parties over the threshold, regional and coalition thresholds, absolute majorities and minimum
/// turnouts are not asserted.
/// </summary>
public static class AuditAssertions
{
    /// <summary>
    /// The assertions of <paramref name="plan"/>'s reported outcome, from its reported totals: votes per choice in ballot order and
    /// the ballots that took part. A party-list contest without a threshold has none.
    /// </summary>
    public static ImmutableArray<AuditAssertion> For(ContestPlan plan, ReadOnlySpan<long> votes, long ballots) =>
        plan.Contest.Kind == ContestKind.SingleMember
            ? Plurality(plan, votes)
            : plan.Contest.SeatRules?.Threshold is { } threshold ? ThresholdSet(plan, threshold, votes, ballots) : [];

    private static ImmutableArray<AuditAssertion> Plurality(ContestPlan plan, ReadOnlySpan<long> votes)
    {
        var winner = 0;
        for (var i = 1; i < votes.Length; i++)
        {
            if (votes[i] > votes[winner])
            {
                winner = i;
            }
        }
        var assertions = ImmutableArray.CreateBuilder<AuditAssertion>();
        for (var loser = 0; loser < votes.Length; loser++)
        {
            if (loser == winner)
            {
                continue;
            }
            var weights = new long[votes.Length];
            weights[winner] = 1;
            weights[loser] = -1;
            assertions.Add(new AuditAssertion(
                plan.Contest.Id, AssertionKind.Beats, plan.Choices[winner].Id, plan.Choices[loser].Id, [.. weights], 0));
        }
        return assertions.ToImmutable();
    }

    private static ImmutableArray<AuditAssertion> ThresholdSet(ContestPlan plan, Threshold threshold, ReadOnlySpan<long> votes, long ballots)
    {
        // The share τ = Percent/100 as a fraction of whole numbers share/scale, so that every score is an integer.
        var places = threshold.Percent.Scale;
        var scale = 100L * (long)Math.Pow(10, places);
        var share = (long)(threshold.Percent * (decimal)Math.Pow(10, places));
        var inBase = plan.Choices.Select(c => threshold.Base switch
        {
            ThresholdBase.Valid => true,
            ThresholdBase.PartyVotes => c.Kind == ChoiceKind.Party,
            ThresholdBase.Participation => false,
            _ => throw new InvalidOperationException($"unknown threshold base {threshold.Base}"),
        }).ToArray();
        var ballotWeight = threshold.Base == ThresholdBase.Participation ? -share : 0;
        var assertions = ImmutableArray.CreateBuilder<AuditAssertion>();
        for (var p = 0; p < plan.Choices.Length; p++)
        {
            if (plan.Choices[p].Kind != ChoiceKind.Party)
            {
                continue;
            }
            var weights = new long[plan.Choices.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (inBase[i] ? -share : 0) + (i == p ? scale : 0);
            }
            var over = new AuditAssertion(plan.Contest.Id, AssertionKind.OverThreshold, plan.Choices[p].Id, null, [.. weights], ballotWeight);
            assertions.Add(over.Score(votes, ballots) >= 0
                ? over
                : over with
                {
                    Kind = AssertionKind.UnderThreshold,
                    ChoiceWeights = [.. weights.Select(w => -w)],
                    BallotWeight = -ballotWeight,
                });
        }
        return assertions.ToImmutable();
    }
}
