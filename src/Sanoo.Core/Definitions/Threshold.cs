namespace Sanoo.Core.Definitions;

/// <summary>A minimum share of a base that a party must reach to win seats.</summary>
/// <param name="Percent">The share in percent, exact (e.g. 5).</param>
/// <param name="Base">What the share is taken of.</param>
public sealed record Threshold(decimal Percent, ThresholdBase Base);

/// <summary>The denominator of a threshold.</summary>
public enum ThresholdBase
{
    /// <summary>All voters who took part, valid and invalid ballots alike (the form's participation).</summary>
    Participation,

    /// <summary>Valid ballots: the votes for every choice, "against all" included.</summary>
    Valid,

    /// <summary>Votes for parties only: "against all" left out.</summary>
    PartyVotes,
}
