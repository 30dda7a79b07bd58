using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>Highest-averages allocation: each seat to the largest exact quotient votes ÷ divisor(seats won).</summary>
internal static class HighestAverages
{
    public static int[] Allocate(SeatRequest request, List<int> active, int seats, ImmutableArray<string>.Builder steps, ImmutableArray<string>.Builder ties)
    {
        var result = new int[request.Parties.Length];
        var awarded = new List<string>(seats);
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
                    ties.Add($"Tie for seat {seat} between {string.Join(", ", tied.Select(i => request.Parties[i]))}; lottery order: {string.Join(", ", lottery.Select(i => request.Parties[i]))}.");
                }
            }
            result[winner]++;
            awarded.Add($"{seat}: {request.Parties[winner]}");
        }
        steps.Add($"Seats in order ({request.Method.Name}): {string.Join("; ", awarded)}.");
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
