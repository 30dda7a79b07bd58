using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>Highest-averages allocation: each seat to the largest exact quotient votes ÷ divisor(seats won).</summary>
internal static class HighestAverages
{
    public static int[] Allocate(
        SeatRequest request, List<int> active, int seats, ImmutableArray<SeatStep>.Builder steps, ImmutableArray<SeatTie>.Builder ties)
    {
        var result = new int[request.Parties.Length];
        var awarded = ImmutableArray.CreateBuilder<AwardedSeat>(seats);
        for (var seat = 1; seat <= seats; seat++)
        {
            var best = active.Max(i => Priority(request.Method.Name, request.Parties[i].Votes, result[i]));
            var tied = active.Where(i => Priority(request.Method.Name, request.Parties[i].Votes, result[i]).CompareTo(best) == 0).ToList();
            var winner = tied[0];
            if (tied.Count > 1)
            {
                var lottery = SeatAllocator.LotteryOrder(request, tied);
                winner = lottery[0];
                if (seat + tied.Count - 1 > seats)
                {
                    ties.Add(new SeatTie.ForSeat(seat, SeatAllocator.Named(request, tied), SeatAllocator.Named(request, lottery), request.TieSeed));
                }
            }
            awarded.Add(new AwardedSeat(seat, StepParty.Of(request.Parties[winner]), best));
            result[winner]++;
        }
        steps.Add(new SeatStep.SeatsInOrder(request.Method.Name, awarded.MoveToImmutable()));
        return result;
    }

    /// <summary>The quotient a party's next seat is ranked by, as an exact fraction.</summary>
    private static Fraction Priority(string method, long votes, int won) => method switch
    {
        "dhondt" => new Fraction(votes, won + 1),
        "sainte-lague" => new Fraction(votes, (2 * won) + 1),
        "modified-sainte-lague" => won == 0 ? new Fraction(5 * (Int128)votes, 7) : new Fraction(votes, (2 * won) + 1),
        "danish" => new Fraction(votes, (3 * won) + 1),
        "imperiali" => new Fraction(votes, won + 2),
        "huntington-hill" => new Fraction((Int128)votes * votes, (Int128)won * (won + 1)),
        "adams" => new Fraction(votes, won),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not a highest-averages method"),
    };
}
