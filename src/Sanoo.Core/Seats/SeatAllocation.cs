using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>One party's outcome.</summary>
/// <param name="Party">The party.</param>
/// <param name="Votes">Its votes.</param>
/// <param name="PassedThreshold">Whether it took part in the allocation.</param>
/// <param name="Seats">Seats won.</param>
public sealed record PartySeats(ChoiceId Party, long Votes, bool PassedThreshold, int Seats);

/// <summary>
/// The result of an allocation with every step that led to it, as data a voter can follow once worded.
/// Invariant: the parties' seats sum to the seats filled; <see cref="Ties"/> lists every tie
/// the lottery had to break (empty when none).
/// </summary>
/// <param name="Parties">Each party's outcome, in the order given.</param>
/// <param name="Steps">The explanation: threshold, quota or divisors, who got which seat.</param>
/// <param name="Ties">Ties broken by the lottery.</param>
public sealed record SeatAllocation(ImmutableArray<PartySeats> Parties, ImmutableArray<SeatStep> Steps, ImmutableArray<SeatTie> Ties)
{
    /// <summary>Seats by area and party, for an allocation apportioned to areas first (empty otherwise).</summary>
    public ImmutableArray<RegionSeats> Regions { get; init; } = [];

    /// <summary>The seats filled: the contest's seats, or more with overhang.</summary>
    public int Total => Parties.Sum(p => p.Seats);

    /// <summary>The seats of one party (0 if unknown).</summary>
    public int SeatsOf(ChoiceId party) => Parties.FirstOrDefault(p => p.Party == party)?.Seats ?? 0;
}
