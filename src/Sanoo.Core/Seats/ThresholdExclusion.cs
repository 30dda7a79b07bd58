namespace Sanoo.Core.Seats;

/// <summary>Why a party takes no part in an allocation: the national (or coalition) threshold, or a region.</summary>
public abstract record ThresholdExclusion
{
    private ThresholdExclusion(StepParty party) => Party = party;

    /// <summary>The party left out.</summary>
    public StepParty Party { get; }

    /// <summary>Under the national threshold, or under its coalition's when it is a list of several parties.</summary>
    /// <param name="Party">The party.</param>
    /// <param name="Votes">Its votes.</param>
    /// <param name="CoalitionMembers">Parties standing together on its list (1 for a single party).</param>
    /// <param name="Percent">The threshold it needed, in percent.</param>
    public sealed record BelowNational(StepParty Party, long Votes, int CoalitionMembers, decimal Percent) : ThresholdExclusion(Party);

    /// <summary>Over the national threshold but under the regional one in a region.</summary>
    /// <param name="Party">The party.</param>
    /// <param name="Percent">The regional threshold, in percent.</param>
    /// <param name="Region">The first region (in the request's order) where it fell short.</param>
    public sealed record BelowRegional(StepParty Party, decimal Percent, string Region) : ThresholdExclusion(Party);
}
