using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>
/// A tie the public lottery broke. The lottery orders the tied parties by SHA-256 of
/// "<see cref="Seed"/>:party id" (never a name in some language), smallest first; anyone can
/// recompute it. A closed set, worded like <see cref="SeatStep"/>.
/// </summary>
public abstract record SeatTie
{
    private SeatTie(ImmutableArray<StepParty> tied, ImmutableArray<StepParty> lottery, string seed)
    {
        Tied = tied;
        Lottery = lottery;
        Seed = seed;
    }

    /// <summary>The tied parties, in the order they take part.</summary>
    public ImmutableArray<StepParty> Tied { get; }

    /// <summary>The same parties in lottery order: the first is served first.</summary>
    public ImmutableArray<StepParty> Lottery { get; }

    /// <summary>The lottery's public seed.</summary>
    public string Seed { get; }

    /// <summary>Equal quotients for one highest-averages seat, with too few seats left for all of them.</summary>
    /// <param name="Seat">The seat's number, from 1.</param>
    /// <param name="Tied">The tied parties.</param>
    /// <param name="Lottery">Lottery order.</param>
    /// <param name="Seed">The seed.</param>
    public sealed record ForSeat(int Seat, ImmutableArray<StepParty> Tied, ImmutableArray<StepParty> Lottery, string Seed)
        : SeatTie(Tied, Lottery, Seed);

    /// <summary>Equal remainders for fewer remainder seats than tied parties.</summary>
    /// <param name="Seats">The remainder seats the tied parties compete for.</param>
    /// <param name="Tied">The tied parties.</param>
    /// <param name="Lottery">Lottery order.</param>
    /// <param name="Seed">The seed.</param>
    public sealed record ForRemainders(int Seats, ImmutableArray<StepParty> Tied, ImmutableArray<StepParty> Lottery, string Seed)
        : SeatTie(Tied, Lottery, Seed);
}
