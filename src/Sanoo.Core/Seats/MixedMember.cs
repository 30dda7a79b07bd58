using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>A party's seats in a mixed-member allocation.</summary>
/// <param name="Party">The party.</param>
/// <param name="DistrictSeats">District seats won.</param>
/// <param name="ListSeats">Seats from its list.</param>
/// <param name="Overhang">District seats beyond its proportional share, kept by growing the house.</param>
public sealed record MixedMemberSeats(PartyVotes Party, int DistrictSeats, int ListSeats, int Overhang)
{
    /// <summary>All its seats.</summary>
    public int Total => DistrictSeats + ListSeats;
}

/// <summary>The result of a mixed-member allocation.</summary>
/// <param name="Parties">Each party, in request order.</param>
/// <param name="HouseSize">The house after overhang.</param>
/// <param name="Steps">The explanation.</param>
/// <param name="Ties">Ties the lottery broke.</param>
public sealed record MixedMemberResult(
    ImmutableArray<MixedMemberSeats> Parties, int HouseSize, ImmutableArray<SeatStep> Steps, ImmutableArray<SeatTie> Ties);

/// <summary>
/// Mixed-member proportional seats with overhang, as in New Zealand: district seats won by
/// independents or by parties that take no list seats are set aside; the remaining seats are
/// shared among the parties that pass (threshold, or enough district seats) by the request's
/// method on party votes; each party then fills its share with its district seats first and
/// its list after; a party with more district seats than its share keeps them, and the house
/// grows by that overhang.
/// </summary>
public static class MixedMember
{
    /// <summary>Allocates a house of <paramref name="request"/>.Seats; <paramref name="otherDistrictSeats"/> are districts won by
    /// independents.</summary>
    public static MixedMemberResult Allocate(SeatRequest request, int otherDistrictSeats = 0)
    {
        var steps = ImmutableArray.CreateBuilder<SeatStep>();
        var eligible = Eligibility.Decide(request, ImmutableArray.CreateBuilder<SeatStep>());
        var setAside = otherDistrictSeats + request.Parties.Where((p, i) => !eligible[i]).Sum(p => p.DistrictSeats);
        steps.Add(new SeatStep.DistrictSeatsSetAside(setAside, request.Seats - setAside));
        var shared = SeatAllocator.Allocate(request with
        {
            Seats = request.Seats - setAside,
            Parties = [.. request.Parties.Select((p, i) => eligible[i] ? p : p with { Votes = 0 })],
        });
        steps.AddRange(shared.Steps);
        var parties = ImmutableArray.CreateBuilder<MixedMemberSeats>();
        var overhang = 0;
        for (var i = 0; i < request.Parties.Length; i++)
        {
            var party = request.Parties[i];
            var share = eligible[i] ? shared.Parties[i].Seats : 0;
            var extra = eligible[i] ? Math.Max(0, party.DistrictSeats - share) : 0;
            overhang += extra;
            parties.Add(new MixedMemberSeats(party, party.DistrictSeats, Math.Max(0, share - party.DistrictSeats), extra));
            if (extra > 0)
            {
                steps.Add(new SeatStep.Overhang(StepParty.Of(party), party.DistrictSeats, share, extra));
            }
        }
        steps.Add(new SeatStep.House(request.Seats, overhang));
        return new MixedMemberResult(parties.ToImmutable(), request.Seats + overhang, steps.ToImmutable(), shared.Ties);
    }
}
