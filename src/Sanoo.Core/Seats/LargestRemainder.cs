using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>Largest-remainder allocation with an exact quota.</summary>
internal static class LargestRemainder
{
    public static int[] Allocate(
        SeatRequest request, List<int> active, int seats, ImmutableArray<SeatStep>.Builder steps, ImmutableArray<SeatTie>.Builder ties)
    {
        var total = active.Sum(i => request.Parties[i].Votes);
        var quota = Quota(request.Method.Name, total, seats);
        steps.Add(new SeatStep.Quota(request.Method.Name, total, seats, quota));
        var result = new int[request.Parties.Length];
        var remainders = new Dictionary<int, Fraction>();
        foreach (var i in active)
        {
            Int128 votes = request.Parties[i].Votes;
            var whole = (int)(votes * quota.Denominator / quota.Numerator);
            result[i] = whole;
            remainders[i] = new Fraction((votes * quota.Denominator) - (whole * quota.Numerator), quota.Denominator);
        }
        var left = seats - result.Sum();
        steps.Add(new SeatStep.WholeQuotas([.. active.Select(i => new QuotaShare(StepParty.Of(request.Parties[i]), result[i], remainders[i]))]));
        if (left < 0)
        {
            // Possible only with a quota smaller than Hare's (Imperiali): take seats back from the smallest remainders.
            var lottery = SeatAllocator.LotteryOrder(request, active).Select((party, rank) => (party, rank)).ToDictionary(x => x.party, x => x.rank);
            for (var k = 0; k < -left; k++)
            {
                // Among equal remainders the public lottery decides, never the order parties are listed in.
                var smallest = active.Where(i => result[i] > 0).OrderBy(i => remainders[i]).ThenByDescending(i => lottery[i]).First();
                result[smallest]--;
                remainders[smallest] = new Fraction(remainders[smallest].Numerator + quota.Numerator, remainders[smallest].Denominator);
            }
            steps.Add(new SeatStep.QuotaTakeBack(-left));
            return result;
        }
        var ranked = active.OrderByDescending(i => remainders[i]).ToList();
        if (left > 0 && left < ranked.Count && remainders[ranked[left - 1]].CompareTo(remainders[ranked[left]]) == 0)
        {
            var edge = remainders[ranked[left]];
            var tied = ranked.Where(i => remainders[i].CompareTo(edge) == 0).ToList();
            var above = ranked.Count(i => remainders[i] > edge);
            var lottery = SeatAllocator.LotteryOrder(request, tied);
            ranked = [.. ranked.Where(i => remainders[i] > edge), .. lottery, .. ranked.Where(i => remainders[i] < edge)];
            ties.Add(new SeatTie.ForRemainders(
                left - above, SeatAllocator.Named(request, tied), SeatAllocator.Named(request, lottery), request.TieSeed));
        }
        // More seats left than parties (a quota rounded up over few votes, as Droop's can be): the order of remainders goes round again.
        var winners = Enumerable.Range(0, Math.Max(left, 0)).Select(k => ranked[k % ranked.Count]).ToList();
        foreach (var i in winners)
        {
            result[i]++;
        }
        if (left > 0)
        {
            steps.Add(new SeatStep.RemainderSeats(left, left > ranked.Count, SeatAllocator.Named(request, winners)));
        }
        return result;
    }

    /// <summary>The exact quota of a largest-remainder method for <paramref name="votes"/> and <paramref name="seats"/>.</summary>
    internal static Fraction Quota(string method, long votes, int seats) => method switch
    {
        "hare" => new Fraction(votes, seats),
        "droop" => new Fraction((votes / (seats + 1)) + 1, 1),
        "hagenbach-bischoff" => new Fraction(votes, seats + 1),
        // Fewer votes than half the seats (the first stations of the night) would round the quota to nothing: it is one vote then.
        "hagenbach-bischoff-rounded" => new Fraction(Math.Max(1, ((2 * votes) + seats + 1) / (2 * ((long)seats + 1))), 1),
        "imperiali-quota" => new Fraction(votes, seats + 2),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not a largest-remainder method"),
    };
}
