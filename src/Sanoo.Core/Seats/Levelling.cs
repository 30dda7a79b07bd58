using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>The result of a levelled allocation: each party's seats nationally and in each state.</summary>
/// <param name="HouseSize">Seats after levelling.</param>
/// <param name="National">Seats per party, in request order.</param>
/// <param name="States">Seats per state (rows, in request order) and party (columns).</param>
/// <param name="Steps">The explanation.</param>
public sealed record LevellingResult(
    int HouseSize, ImmutableArray<int> National, ImmutableArray<ImmutableArray<int>> States, ImmutableArray<SeatStep> Steps);

/// <summary>
/// Personalised proportional representation with levelling seats, as for the German Bundestag
/// from 2013 to 2021: the nominal seats go to the states by population (Sainte-Laguë); inside
/// each state, to the parties that pass (a national threshold, or enough direct seats) by
/// Sainte-Laguë on second votes; a party's minimum in a state is the larger of that and its
/// direct seats; the house grows until the national Sainte-Laguë allocation gives every party at
/// least the sum of its minimums; each party's seats then go to its state lists by Sainte-Laguë,
/// every list keeping at least its direct seats.
/// </summary>
public static class Levelling
{
    /// <summary>Allocates; <paramref name="secondVotes"/> and <paramref name="directSeats"/> are [state][party].</summary>
    public static LevellingResult Allocate(
        int seats,
        ImmutableArray<(string Name, long Population)> states,
        ImmutableArray<ChoiceId> parties,
        long[][] secondVotes,
        int[][] directSeats,
        decimal thresholdPercent,
        int alternativeDirectSeats)
    {
        var steps = ImmutableArray.CreateBuilder<SeatStep>();
        var national = Enumerable.Range(0, parties.Length).Select(p => secondVotes.Sum(s => s[p])).ToArray();
        var direct = Enumerable.Range(0, parties.Length).Select(p => directSeats.Sum(s => s[p])).ToArray();
        var eligible = Eligibility.Decide(
            new SeatRequest(
                seats,
                [.. parties.Select((id, p) => new PartyVotes(id, national[p]) { DistrictSeats = direct[p] })],
                SeatMethod.Find("sainte-lague")!,
                new Threshold(thresholdPercent, ThresholdBase.Valid),
                national.Sum(),
                null,
                "levelling") { AlternativeDistrictSeats = alternativeDirectSeats },
            steps);
        var quota = SeatAllocator.Allocate(new SeatRequest(
            seats,
            [.. states.Select((s, i) => new PartyVotes(new ChoiceId($"state{i}"), s.Population, s.Name))],
            SeatMethod.Find("sainte-lague")!, null, 0, null, "states"));
        steps.Add(new SeatStep.SeatsToStates([.. states.Select((s, i) => new AreaCount(s.Name, quota.Parties[i].Seats))]));
        var minimum = new int[parties.Length];
        for (var s = 0; s < states.Length; s++)
        {
            var inState = SeatAllocator.Allocate(new SeatRequest(
                quota.Parties[s].Seats,
                [.. parties.Select((id, p) => new PartyVotes(id, eligible[p] ? secondVotes[s][p] : 0))],
                SeatMethod.Find("sainte-lague")!, null, 0, null, $"state{s}"));
            for (var p = 0; p < parties.Length; p++)
            {
                minimum[p] += eligible[p] ? Math.Max(inState.Parties[p].Seats, directSeats[s][p]) : 0;
            }
        }
        steps.Add(new SeatStep.LevellingMinimums(
            [.. parties.Select((id, p) => new PartyCount(StepParty.Of(id), minimum[p])).Where((_, p) => eligible[p])]));
        var house = seats;
        int[] shares;
        while (true)
        {
            var allocation = SeatAllocator.Allocate(new SeatRequest(
                house,
                [.. parties.Select((id, p) => new PartyVotes(id, eligible[p] ? national[p] : 0))],
                SeatMethod.Find("sainte-lague")!, null, 0, null, "levelling"));
            shares = [.. allocation.Parties.Select(p => p.Seats)];
            if (Enumerable.Range(0, parties.Length).All(p => shares[p] >= minimum[p]))
            {
                break;
            }
            house++;
        }
        steps.Add(new SeatStep.HouseGrows(seats, house));
        var stateSeats = new int[states.Length][];
        for (var s = 0; s < states.Length; s++)
        {
            stateSeats[s] = new int[parties.Length];
        }
        for (var p = 0; p < parties.Length; p++)
        {
            if (shares[p] == 0)
            {
                continue;
            }
            var split = WithMinimums([.. secondVotes.Select(v => v[p])], [.. directSeats.Select(d => d[p])], shares[p]);
            for (var s = 0; s < states.Length; s++)
            {
                stateSeats[s][p] = split[s];
            }
        }
        return new LevellingResult(house, [.. shares], [.. stateSeats.Select(s => s.ToImmutableArray())], steps.ToImmutable());
    }

    /// <summary>
    /// Sainte-Laguë with a minimum per list: every list starts at its minimum and the remaining
    /// seats go one by one to the largest votes ÷ (seats + ½), which is the divisor method with
    /// the minimums as floors.
    /// </summary>
    public static int[] WithMinimums(long[] votes, int[] minimums, int total)
    {
        var seats = (int[])minimums.Clone();
        if (seats.Sum() > total)
        {
            throw new ArgumentException($"the minimums ({seats.Sum()}) exceed the seats ({total})", nameof(minimums));
        }
        while (seats.Sum() < total)
        {
            var best = Enumerable.Range(0, votes.Length).MaxBy(i => new Fraction(2 * (Int128)votes[i], (2 * seats[i]) + 1));
            seats[best]++;
        }
        return seats;
    }
}
