namespace Sanoo.Core.Seats;

/// <summary>What a threshold's base (its denominator) counts, so that a step can say so in any language.</summary>
public enum ThresholdBasis
{
    /// <summary>All voters who took part, invalid ballots included.</summary>
    Participation,

    /// <summary>Every valid vote, "against all" included.</summary>
    ValidBallots,

    /// <summary>Votes for parties only.</summary>
    PartyVotes,

    /// <summary>The sum of the votes listed for the allocation (e.g. every row of a file).</summary>
    VotesListed,

    /// <summary>A denominator stated by whoever asked for the allocation.</summary>
    GivenBase,
}
