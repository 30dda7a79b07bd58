using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>One region's seats and each party's share of them.</summary>
/// <param name="Region">The region.</param>
/// <param name="Seats">Seats the region received.</param>
/// <param name="PartySeats">Seats per party, in the request's party order.</param>
public sealed record RegionSeats(string Region, int Seats, ImmutableArray<int> PartySeats);

/// <summary>A two-level allocation: seats to regions, then to parties inside each region, with every step.</summary>
/// <param name="Regions">Each region's outcome.</param>
/// <param name="National">Each party's seats summed over the regions, in request order.</param>
/// <param name="Steps">The explanation.</param>
/// <param name="Ties">Ties the lottery broke.</param>
public sealed record RegionalResult(
    ImmutableArray<RegionSeats> Regions, ImmutableArray<int> National, ImmutableArray<SeatStep> Steps, ImmutableArray<SeatTie> Ties);

/// <summary>
/// Regional apportionment of seats followed by allocation inside each region, as in the Czech
/// Chamber of Deputies: the seats go to the regions by Hare largest remainder on all valid votes
/// cast in each; parties pass a national threshold; then inside each region either a
/// highest-averages method gives the region's seats (2017: D'Hondt), or a quota gives whole
/// seats and the seats left over in all regions go nationally by Droop largest remainder on the
/// parties' summed remainders, each party's extra seats landing in the regions where its
/// remainders are largest (2021).
/// </summary>
public static class RegionalAllocation
{
    /// <summary>
    /// Allocates <paramref name="seats"/> among <paramref name="regions"/>: each region's votes
    /// per party in <paramref name="parties"/> order. <paramref name="method"/> is used inside
    /// regions; for a largest-remainder quota the leftovers go to the second, national tier.
    /// </summary>
    public static RegionalResult Allocate(
        int seats,
        ImmutableArray<ChoiceId> parties,
        ImmutableArray<(ChoiceId Id, string Region, ImmutableArray<long> Votes)> regions,
        SeatMethod method,
        Threshold? threshold,
        string tieSeed,
        long? thresholdBase = null)
    {
        var steps = ImmutableArray.CreateBuilder<SeatStep>();
        var ties = ImmutableArray.CreateBuilder<SeatTie>();
        var national = Enumerable.Range(0, parties.Length).Select(i => regions.Sum(r => r.Votes[i])).ToArray();
        var nationalRequest = new SeatRequest(
            seats,
            [.. parties.Select((p, i) => new PartyVotes(p, national[i]))],
            method, threshold, thresholdBase ?? national.Sum(), null, tieSeed);
        var eligible = Eligibility.Decide(nationalRequest, steps);
        var regionSeats = SeatAllocator.Allocate(new SeatRequest(
            seats,
            [.. regions.Select(r => new PartyVotes(r.Id, r.Votes.Sum(), r.Region))],
            SeatMethod.Find("hare")!, null, 0, null, tieSeed + "/regions"));
        steps.Add(new SeatStep.SeatsToRegions([.. regions.Select((r, k) => new AreaCount(r.Region, regionSeats.Parties[k].Seats))]));
        var results = new int[regions.Length][];
        if (method.Kind == SeatMethodKind.HighestAverages)
        {
            for (var k = 0; k < regions.Length; k++)
            {
                var inside = SeatAllocator.Allocate(new SeatRequest(
                    regionSeats.Parties[k].Seats,
                    [.. parties.Select((p, i) => new PartyVotes(p, eligible[i] ? regions[k].Votes[i] : 0))],
                    method, null, 0, null, $"{tieSeed}/{regions[k].Id.Value}"));
                results[k] = [.. inside.Parties.Select(p => p.Seats)];
                ties.AddRange(inside.Ties);
            }
        }
        else
        {
            SecondTier(parties, regions, method, eligible, regionSeats, results, steps);
        }
        var totals = Enumerable.Range(0, parties.Length).Select(i => results.Sum(r => r[i])).ToImmutableArray();
        steps.Add(new SeatStep.SeatsWon([.. parties.Select((p, i) => new PartyCount(StepParty.Of(p), totals[i])).Where(c => c.Seats > 0)]));
        return new RegionalResult(
            [.. regions.Select((r, k) => new RegionSeats(r.Region, regionSeats.Parties[k].Seats, [.. results[k]]))],
            totals, steps.ToImmutable(), ties.ToImmutable());
    }

    private static void SecondTier(
        ImmutableArray<ChoiceId> parties,
        ImmutableArray<(ChoiceId Id, string Region, ImmutableArray<long> Votes)> regions,
        SeatMethod method,
        bool[] eligible,
        SeatAllocation regionSeats,
        int[][] results,
        ImmutableArray<SeatStep>.Builder steps)
    {
        var remainders = new Fraction[regions.Length][];
        var leftover = 0;
        for (var k = 0; k < regions.Length; k++)
        {
            var votes = Enumerable.Range(0, parties.Length).Select(i => eligible[i] ? regions[k].Votes[i] : 0).ToArray();
            var quota = LargestRemainder.Quota(method.Name, votes.Sum(), regionSeats.Parties[k].Seats);
            results[k] = new int[parties.Length];
            remainders[k] = new Fraction[parties.Length];
            for (var i = 0; i < parties.Length; i++)
            {
                Int128 v = votes[i];
                var whole = quota.Numerator == 0 ? 0 : (int)(v * quota.Denominator / quota.Numerator);
                results[k][i] = whole;
                remainders[k][i] = new Fraction((v * quota.Denominator) - (whole * quota.Numerator), quota.Denominator);
            }
            var given = results[k].Sum();
            while (given > regionSeats.Parties[k].Seats)
            {
                // More whole quotas than seats: the party with the smallest remainder gives one back.
                var back = Enumerable.Range(0, parties.Length).Where(i => results[k][i] > 0).MinBy(i => remainders[k][i]);
                results[k][back]--;
                given--;
            }
            leftover += regionSeats.Parties[k].Seats - given;
        }
        steps.Add(new SeatStep.WholeQuotasInRegions(method.Name, results.Sum(r => r.Sum()), leftover));
        if (leftover == 0)
        {
            return;
        }
        var pooled = Enumerable.Range(0, parties.Length)
            .Select(i => eligible[i] ? remainders.Sum(r => (long)Math.Floor(r[i].ToDecimal())) : 0L).ToArray();
        var second = SeatAllocator.Allocate(new SeatRequest(
            leftover,
            [.. parties.Select((p, i) => new PartyVotes(p, pooled[i]))],
            SeatMethod.Find("droop")!, null, 0, null, "second-tier"));
        steps.Add(new SeatStep.SecondTier([.. second.Parties.Where(p => p.Seats > 0).Select(p => new PartyCount(StepParty.Of(p.Party), p.Seats))]));
        var freeSeats = regions.Select((_, k) => regionSeats.Parties[k].Seats - results[k].Sum()).ToArray();
        for (var i = 0; i < parties.Length; i++)
        {
            var extra = second.Parties[i].Seats;
            foreach (var k in Enumerable.Range(0, regions.Length).OrderByDescending(k => remainders[k][i]).ThenBy(k => k))
            {
                if (extra == 0)
                {
                    break;
                }
                results[k][i]++;
                freeSeats[k]--;
                extra--;
            }
        }
    }
}
