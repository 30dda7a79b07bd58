using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// One ballot question, voted at every station under <see cref="Area"/>.
/// Invariants (held by the loader): the choices exist and are unique; a party-list contest
/// has party choices (and possibly "against all") and seat rules; a single-member contest has
/// candidates (and possibly "against all") and one seat.
/// </summary>
/// <param name="Id">The contest's id.</param>
/// <param name="Kind">Party list or single member.</param>
/// <param name="Name">Its name.</param>
/// <param name="Area">The area whose stations vote on it (the nation, or one district).</param>
/// <param name="Form">The protocol form its counts are written on.</param>
/// <param name="Choices">The choices in ballot order; protocols list votes in this order.</param>
/// <param name="Seats">Seats to fill.</param>
/// <param name="SeatRules">How seats are shared out (party-list contests).</param>
/// <param name="AgainstAllBlocks">
/// For single-member contests: whether "against all" leading means no one is elected
/// (Kyrgyz law: the seat stays vacant and a repeat election is held).
/// </param>
public sealed record Contest(
    ContestId Id,
    ContestKind Kind,
    LocalizedText Name,
    AreaId Area,
    FormId Form,
    ImmutableArray<ChoiceId> Choices,
    int Seats,
    SeatRules? SeatRules,
    bool AgainstAllBlocks)
{
    /// <summary>
    /// Single-member only: a candidate needs more than half of this base to be elected; otherwise the top two candidates
    /// go to a runoff (a contest whose <see cref="RunoffOf"/> names this one). Null: plurality.
    /// </summary>
    public ThresholdBase? AbsoluteMajority { get; init; }

    /// <summary>Single-member only: this contest is the runoff of that one; its candidates are the first round's top two.</summary>
    public ContestId? RunoffOf { get; init; }

    /// <summary>
    /// The contest is valid only if at least this share of the registered voters took part (percent, exact); below it no one
    /// is elected and no seat is given. Null: no minimum.
    /// </summary>
    public decimal? MinimumTurnout { get; init; }
}
