namespace Sanoo.Core.Forensics;

/// <summary>Why a station is flagged for a closer look. A flag is a reason to look, never a finding of fraud.</summary>
public enum FlagReason
{
    /// <summary>Turnout at or above <see cref="ForensicsParameters.HighPercent"/> at a station of at least
    /// <see cref="ForensicsParameters.LargeStation"/> registered voters.</summary>
    TurnoutAboveThreshold,

    /// <summary>One choice's share of the voters who took part at or above the same threshold, at a station as large.</summary>
    ChoiceAboveThreshold,

    /// <summary>The voters who took part and every choice's votes of 10 or more are all multiples of ten.</summary>
    RoundFigures,

    /// <summary>The election's two counts of the station differ beyond the tolerance (the reconciliation ledger's discrepancy).</summary>
    CountsDiffer,

    /// <summary>Turnout far from its parent area's stations (<see cref="ForensicsParameters.OutlierScore"/>).</summary>
    TurnoutOutlier,

    /// <summary>The leader's share far from its parent area's stations.</summary>
    LeaderShareOutlier,

    /// <summary>
    /// More voters took part by the count than the station's last turnout report of the day said, by more than
    /// <see cref="ForensicsParameters.JumpPercent"/> points of its registered voters (docs/turnout.md).
    /// </summary>
    TurnoutJump,
}
