namespace Sanoo.Core.Definitions;

/// <summary>The two kinds of ballot question.</summary>
public enum ContestKind
{
    /// <summary>Votes for parties; seats shared out by the contest's <see cref="SeatRules"/>.</summary>
    PartyList,

    /// <summary>One seat, won by plurality of the candidates (see <see cref="Contest.AgainstAllBlocks"/>).</summary>
    SingleMember,
}
