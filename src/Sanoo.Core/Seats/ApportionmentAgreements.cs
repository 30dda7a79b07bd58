using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>
/// Apportionment agreements (Israel's surplus agreements, Swiss apparentements). The parties of each agreement that take part
/// (past the threshold, with votes) stand as one list, named by their members joined with " + " and with their votes summed;
/// the method shares the seats among these blocs and the parties standing alone; then each bloc's seats are shared among
/// its members by the same method. An agreement with fewer than two members taking part is void. Ties use the request's
/// lottery seed; a bloc goes by its first member's id, which is also its lottery ticket.
/// </summary>
public static class ApportionmentAgreements
{
    /// <summary>Each party's seats (in request order); the steps and ties go into the builders.</summary>
    internal static int[] Allocate(
        SeatRequest request, bool[] eligible, ImmutableArray<SeatStep>.Builder steps, ImmutableArray<SeatTie>.Builder ties)
    {
        var n = request.Parties.Length;
        var index = new Dictionary<ChoiceId, int>();
        for (var i = 0; i < n; i++)
        {
            index.TryAdd(request.Parties[i].Party, i);
        }
        var blocOf = Enumerable.Repeat(-1, n).ToArray();
        var blocs = new List<List<int>>();
        var alone = new List<int>();
        foreach (var agreement in request.Agreements)
        {
            var taking = agreement.Where(index.ContainsKey).Select(m => index[m]).Distinct()
                .Where(i => blocOf[i] < 0 && eligible[i] && request.Parties[i].Votes > 0).Order().ToList();
            if (taking.Count < 2)
            {
                alone.AddRange(taking);
                continue;
            }
            taking.ForEach(i => blocOf[i] = blocs.Count);
            blocs.Add(taking);
        }
        steps.Add(new SeatStep.Agreements(
            [.. blocs.Select(b => new AgreementBloc(SeatAllocator.Named(request, b), b.Sum(i => request.Parties[i].Votes)))],
            SeatAllocator.Named(request, alone.Order())));
        var units = Enumerable.Range(0, n)
            .Where(i => blocOf[i] < 0 || blocs[blocOf[i]][0] == i)
            .Select(i => blocOf[i] < 0 ? [i] : blocs[blocOf[i]])
            .ToList();
        var unitRequest = request with { Parties = [.. units.Select(u => Unit(request, u))], Agreements = [] };
        var unitSeats = SeatAllocator.Proportional(unitRequest, [.. units.Select(u => u.All(i => eligible[i]))], steps, ties);
        var seats = new int[n];
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Count == 1)
            {
                seats[units[u][0]] = unitSeats[u];
                continue;
            }
            if (unitSeats[u] == 0)
            {
                continue;
            }
            var members = request with { Seats = unitSeats[u], Parties = [.. units[u].Select(i => request.Parties[i])], Agreements = [] };
            var split = SeatAllocator.Proportional(members, [.. units[u].Select(_ => true)], steps, ties);
            for (var m = 0; m < units[u].Count; m++)
            {
                seats[units[u][m]] = split[m];
            }
            steps.Add(new SeatStep.BlocSplit(
                StepParty.Of(unitRequest.Parties[u]),
                unitSeats[u],
                [.. units[u].Select((i, m) => new PartyCount(StepParty.Of(request.Parties[i]), split[m]))]));
        }
        return seats;
    }

    private static PartyVotes Unit(SeatRequest request, List<int> members) => members.Count == 1
        ? request.Parties[members[0]]
        : new PartyVotes(
            request.Parties[members[0]].Party,
            members.Sum(i => request.Parties[i].Votes),
            string.Join(" + ", members.Select(i => request.Parties[i].ToString())));
}
