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
    public static bool[] Decide(SeatRequest request, ImmutableArray<string>.Builder steps)
    {
        var passes = new bool[request.Parties.Length];
        if (request.Threshold is { } threshold)
        {
            steps.Add(SeatAllocator.Invariant($"Threshold: {threshold.Percent}% of {request.ThresholdBase:N0} ({request.ThresholdBaseLabel ?? Describe(threshold.Base)}) = {threshold.Percent * request.ThresholdBase / 100m:N2} votes."));
        }
        foreach (var coalition in request.CoalitionThresholds.OrderBy(c => c.MinMembers))
        {
            steps.Add(SeatAllocator.Invariant($"Coalitions of {coalition.MinMembers} or more parties: {coalition.Percent}% = {coalition.Percent * request.ThresholdBase / 100m:N2} votes."));
        }
        var below = new List<string>();
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
                    ? SeatAllocator.Invariant($"{party} ({party.Votes:N0}{(party.CoalitionMembers > 1 ? $", a coalition of {party.CoalitionMembers} needing {percent}%" : "")})")
                    : $"{party} (under {request.Regional!.Percent}% in {failedRegion})");
            }
            else if (!national || failedRegion is not null)
            {
                steps.Add(SeatAllocator.Invariant($"{party} is below the threshold but takes part: it won {party.DistrictSeats} district seat(s), at least the {request.AlternativeDistrictSeats} required."));
            }
        }
        if (request.Threshold is not null || request.Regional is not null || !request.CoalitionThresholds.IsEmpty)
        {
            steps.Add(below.Count == 0 ? "Every party passed the threshold." : $"Below the threshold, no seats: {string.Join(", ", below)}.");
        }
        return passes;
    }

    private static decimal? PercentFor(SeatRequest request, PartyVotes party)
    {
        var coalition = request.CoalitionThresholds.Where(c => party.CoalitionMembers >= c.MinMembers).OrderByDescending(c => c.MinMembers).FirstOrDefault();
        return coalition?.Percent ?? request.Threshold?.Percent;
    }

    private static string Describe(ThresholdBase b) => b switch
    {
        ThresholdBase.Participation => "all voters who took part",
        ThresholdBase.Valid => "valid ballots",
        ThresholdBase.PartyVotes => "votes for parties",
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };
}
