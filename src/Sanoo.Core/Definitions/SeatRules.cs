using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// How a party-list contest's seats are shared out, as the election law states it.
/// Percentages are exact decimals (e.g. 5 or 0.5), never floating point.
/// </summary>
/// <param name="Method">The allocation method's name, as listed in docs/seats.md (e.g. <c>hare</c>).</param>
/// <param name="Threshold">The national threshold, if any.</param>
/// <param name="RegionalThreshold">A minimum share in every region, if any.</param>
/// <param name="MaxSeatsPerParty">A cap on any one party's seats, if any; the excess goes to the others.</param>
public sealed record SeatRules(
    string Method,
    Threshold? Threshold,
    Threshold? RegionalThreshold,
    int? MaxSeatsPerParty)
{
    /// <summary>Higher thresholds for lists of several parties (choices with <see cref="Choice.CoalitionMembers"/> above 1).</summary>
    public ImmutableArray<Seats.CoalitionThreshold> CoalitionThresholds { get; init; } = [];

    /// <summary>A party below the threshold still takes part if its candidates won at least this many single-member contests.</summary>
    public int? AlternativeDistrictSeats { get; init; }

    /// <summary>
    /// Seats first go to the areas of this level (or grouping, by id) under the contest's area (by Hare largest
    /// remainder on their valid votes), then to parties inside each area by <see cref="Method"/>;
    /// with a quota method, seats left over go to a national second tier (Czech Chamber).
    /// </summary>
    public string? ApportionTo { get; init; }

    /// <summary>
    /// Mixed-member proportional: the contest's seats are the whole house; each party's share is
    /// filled first by the single-member contests its candidates won, and a party that won more
    /// keeps them as overhang (New Zealand).
    /// </summary>
    public bool MixedMember { get; init; }

    /// <summary>
    /// Apportionment agreements (Israel's surplus agreements, Swiss apparentements): each is a group of party choices that first
    /// takes seats as one list, the group's seats then split among its members by the same method. Members that take no part
    /// (below the threshold) drop out; an agreement left with one member is void.
    /// </summary>
    public ImmutableArray<ImmutableArray<ChoiceId>> Agreements { get; init; } = [];
}
