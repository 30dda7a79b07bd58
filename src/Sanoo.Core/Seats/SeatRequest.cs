using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>A party's votes entering an allocation.</summary>
/// <param name="Party">The party's choice id.</param>
/// <param name="Votes">Its votes; non-negative.</param>
/// <param name="Label">How the explanation names it; its id when null.</param>
public sealed record PartyVotes(ChoiceId Party, long Votes, string? Label = null)
{
    /// <inheritdoc />
    public override string ToString() => Label ?? Party.Value;
}

/// <summary>
/// Everything an allocation needs: seats, the parties' votes, the method, and the law's
/// threshold, cap and tie-break seed.
/// </summary>
/// <param name="Seats">Seats to fill; positive.</param>
/// <param name="Parties">Every party on the ballot ("against all" is never a party here).</param>
/// <param name="Method">The allocation method.</param>
/// <param name="Threshold">The national threshold, if any.</param>
/// <param name="ThresholdBase">The threshold's denominator (e.g. all voters who took part).</param>
/// <param name="MaxSeatsPerParty">A cap on one party's seats, if any.</param>
/// <param name="TieSeed">The public seed of the tie-break lottery.</param>
public sealed record SeatRequest(
    int Seats,
    ImmutableArray<PartyVotes> Parties,
    SeatMethod Method,
    Threshold? Threshold,
    long ThresholdBase,
    int? MaxSeatsPerParty,
    string TieSeed);
