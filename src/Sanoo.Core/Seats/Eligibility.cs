using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>
/// Which parties take part in an allocation. A party passes when it reaches the threshold that
/// applies to it (the national one, or a coalition's, by how many parties stand together) and
/// the regional threshold in every region; or, failing those, when it won at least the
/// alternative number of district seats. Every comparison is exact: votes × 100 ≥ percent × base.
/// </summary>
public static class Eligibility
{
    /// <summary>Whether each party (in request order) takes part; the reasons go into <paramref name="steps"/>.</summary>
    public static bool[] Decide(SeatRequest request, ImmutableArray<SeatStep>.Builder steps)
    {
        var passes = new bool[request.Parties.Length];
        if (request.Threshold is { } threshold)
        {
            var basis = request.ThresholdBasis ?? BasisOf(threshold.Base);
            steps.Add(new SeatStep.Threshold(threshold.Percent, request.ThresholdBase, basis, threshold.Percent * request.ThresholdBase / 100m));
        }
        foreach (var coalition in request.CoalitionThresholds.OrderBy(c => c.MinMembers))
        {
            steps.Add(new SeatStep.CoalitionThreshold(coalition.MinMembers, coalition.Percent, coalition.Percent * request.ThresholdBase / 100m));
        }
        var below = ImmutableArray.CreateBuilder<ThresholdExclusion>();
        for (var i = 0; i < request.Parties.Length; i++)
        {
            var party = request.Parties[i];
            var percent = PercentFor(request, party);
            var national = percent is not { } p || party.Votes * 100m >= p * request.ThresholdBase;
            var failedRegion = request.Regional is { } regional
                ? regional.Regions.FirstOrDefault(r => r.Votes[i] * 100m < regional.Percent * r.Base).Region
                : null;
            var alternative = request.AlternativeDistrictSeats is { } n && party.DistrictSeats >= n;
            passes[i] = (national && failedRegion is null) || alternative;
            if (!passes[i])
            {
                below.Add(!national
                    ? new ThresholdExclusion.BelowNational(StepParty.Of(party), party.Votes, party.CoalitionMembers, percent!.Value)
                    : new ThresholdExclusion.BelowRegional(StepParty.Of(party), request.Regional!.Percent, failedRegion!));
            }
            else if (!national || failedRegion is not null)
            {
                steps.Add(new SeatStep.AlternativeEntry(StepParty.Of(party), party.DistrictSeats, request.AlternativeDistrictSeats!.Value));
            }
        }
        if (request.Threshold is not null || request.Regional is not null || !request.CoalitionThresholds.IsEmpty)
        {
            steps.Add(below.Count == 0 ? new SeatStep.AllPassed() : new SeatStep.BelowThreshold(below.ToImmutable()));
        }
        return passes;
    }

    private static decimal? PercentFor(SeatRequest request, PartyVotes party)
    {
        var coalition = request.CoalitionThresholds
            .Where(c => party.CoalitionMembers >= c.MinMembers)
            .OrderByDescending(c => c.MinMembers)
            .FirstOrDefault();
        return coalition?.Percent ?? request.Threshold?.Percent;
    }

    private static ThresholdBasis BasisOf(ThresholdBase b) => b switch
    {
        ThresholdBase.Participation => ThresholdBasis.Participation,
        ThresholdBase.Valid => ThresholdBasis.ValidBallots,
        ThresholdBase.PartyVotes => ThresholdBasis.PartyVotes,
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };
}
