using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>
/// Shares out seats by a proportional method with exact integer and rational arithmetic.
/// Order: the threshold removes parties below it; the method allocates among the rest; a
/// party over the cap keeps the cap and the others share the remaining seats again. Ties are
/// broken by a lottery whose order is SHA-256(seed ":" party id), smallest first, and reported.
/// </summary>
public static class SeatAllocator
{
    /// <summary>Allocates the seats of <paramref name="request"/>.</summary>
    public static SeatAllocation Allocate(SeatRequest request)
    {
        var steps = ImmutableArray.CreateBuilder<SeatStep>();
        var ties = ImmutableArray.CreateBuilder<SeatTie>();
        var eligible = Eligibility.Decide(request, steps);
        var seats = request.Agreements.IsEmpty
            ? Proportional(request, eligible, steps, ties)
            : ApportionmentAgreements.Allocate(request, eligible, steps, ties);
        var parties = request.Parties.Select((p, i) => new PartySeats(p.Party, p.Votes, eligible[i], seats[i])).ToImmutableArray();
        steps.Add(new SeatStep.SeatsWon([.. request.Parties.Select((p, i) => new PartyCount(StepParty.Of(p), seats[i])).Where(c => c.Seats > 0)]));
        return new SeatAllocation(parties, steps.ToImmutable(), ties.ToImmutable());
    }

    /// <summary>The method among the eligible parties with votes, then the cap: a party over it keeps the cap and the others share again.</summary>
    internal static int[] Proportional(
        SeatRequest request, bool[] eligible, ImmutableArray<SeatStep>.Builder steps, ImmutableArray<SeatTie>.Builder ties)
    {
        var seats = new int[request.Parties.Length];
        var active = Enumerable.Range(0, request.Parties.Length).Where(i => eligible[i] && request.Parties[i].Votes > 0).ToList();
        var toFill = request.Seats;
        while (active.Count > 0 && toFill > 0)
        {
            var round = request.Method.Kind == SeatMethodKind.LargestRemainder
                ? LargestRemainder.Allocate(request, active, toFill, steps, ties)
                : HighestAverages.Allocate(request, active, toFill, steps, ties);
            var capped = request.MaxSeatsPerParty is { } cap ? active.Where(i => round[i] > cap).ToList() : [];
            if (capped.Count == 0)
            {
                foreach (var i in active)
                {
                    seats[i] += round[i];
                }
                break;
            }
            foreach (var i in capped)
            {
                seats[i] = request.MaxSeatsPerParty!.Value;
                toFill -= seats[i];
                active.Remove(i);
                steps.Add(new SeatStep.CapApplied(StepParty.Of(request.Parties[i]), round[i], seats[i], toFill));
            }
        }
        return seats;
    }

    /// <summary>
    /// Orders tied parties by the public lottery: SHA-256 of "seed:party id", compared as bytes.
    /// Anyone can recompute it from the seed; it never depends on how a party is named in a
    /// language, so every page and every language shows the same seats.
    /// </summary>
    internal static List<int> LotteryOrder(SeatRequest request, IEnumerable<int> tied) =>
        [.. tied.OrderBy(i => Convert.ToHexString(Lottery(request.TieSeed, request.Parties[i].Party)), StringComparer.Ordinal)];

    /// <summary>A party's lottery ticket: SHA-256 of UTF-8 "seed:party id".</summary>
    public static byte[] Lottery(string seed, ChoiceId party) => SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{party.Value}"));

    /// <summary>The parties at <paramref name="indexes"/> of the request, as steps name them.</summary>
    internal static ImmutableArray<StepParty> Named(SeatRequest request, IEnumerable<int> indexes) =>
        [.. indexes.Select(i => StepParty.Of(request.Parties[i]))];
}
