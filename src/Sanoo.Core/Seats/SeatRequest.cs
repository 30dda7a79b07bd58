using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>A party's votes entering an allocation.</summary>
/// <param name="Party">The party's choice id.</param>
/// <param name="Votes">Its votes; non-negative.</param>
/// <param name="Label">How the explanation names it; its id when null.</param>
public sealed record PartyVotes(ChoiceId Party, long Votes, string? Label = null)
{
    /// <summary>How many parties stand together on this list (1 for a single party); coalition thresholds depend on it.</summary>
    public int CoalitionMembers { get; init; } = 1;

    /// <summary>District (constituency) seats the party won, for alternative thresholds and mixed-member systems.</summary>
    public int DistrictSeats { get; init; }

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
    string TieSeed)
{
    /// <summary>Higher thresholds for coalitions: the highest whose <see cref="CoalitionThreshold.MinMembers"/> a list reaches applies.</summary>
    public ImmutableArray<CoalitionThreshold> CoalitionThresholds { get; init; } = [];

    /// <summary>A party below the threshold still takes part if it won at least this many district seats.</summary>
    public int? AlternativeDistrictSeats { get; init; }

    /// <summary>A minimum share in every region, with each region's votes.</summary>
    public RegionalThreshold? Regional { get; init; }

    /// <summary>What the threshold's base counts, when the caller says; by default from <see cref="Threshold"/>'s base.</summary>
    public ThresholdBasis? ThresholdBasis { get; init; }

    /// <summary>Apportionment agreements: groups of parties that take seats as one list first (see <see cref="ApportionmentAgreements"/>).</summary>
    public ImmutableArray<ImmutableArray<ChoiceId>> Agreements { get; init; } = [];
}

/// <summary>A threshold for lists of at least <paramref name="MinMembers"/> parties.</summary>
/// <param name="MinMembers">Lists of this many parties or more.</param>
/// <param name="Percent">Their threshold, in percent of the same base as the national threshold.</param>
public sealed record CoalitionThreshold(int MinMembers, decimal Percent);

/// <summary>A minimum share a party must reach in every region.</summary>
/// <param name="Percent">The share, in percent.</param>
/// <param name="Regions">Each region's name, its base, and the parties' votes there (in the request's party order).</param>
public sealed record RegionalThreshold(decimal Percent, ImmutableArray<(string Region, long Base, ImmutableArray<long> Votes)> Regions);
