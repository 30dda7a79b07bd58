using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Audits;

/// <summary>What an assertion claims about a contest's outcome.</summary>
public enum AssertionKind
{
    /// <summary>The winner of a single-member contest has more votes than the loser.</summary>
    Beats,

    /// <summary>The party reaches the party-list threshold.</summary>
    OverThreshold,

    /// <summary>The party stays below the party-list threshold.</summary>
    UnderThreshold,
}

/// <summary>
/// One linear claim that the reported outcome of a contest rests on: the sum over every station of a score is positive. A
/// station's score is <c>Σ ChoiceWeights[i]·votes[i] + BallotWeight·ballots</c> (integers: a threshold's share is scaled to whole
/// numbers), for example <c>votes(w) − votes(l)</c> for "w beats l", or <c>95·votes(p) − 5·(other valid votes)</c> for "p reaches
/// 5% of the valid votes". The reported outcome stands as long as every assertion of it holds in the hand count.
/// Invariant: <see cref="ChoiceWeights"/> has one weight per choice of the contest, in ballot order.
/// </summary>
/// <param name="Contest">The contest.</param>
/// <param name="Kind">What it claims.</param>
/// <param name="Choice">The winner (<see cref="AssertionKind.Beats"/>) or the party the threshold claim is about.</param>
/// <param name="Loser">The loser, for <see cref="AssertionKind.Beats"/>.</param>
/// <param name="ChoiceWeights">The score's weight of each choice's votes.</param>
/// <param name="BallotWeight">The score's weight of the ballots that took part (a threshold on participation).</param>
public sealed record AuditAssertion(
    ContestId Contest, AssertionKind Kind, ChoiceId Choice, ChoiceId? Loser, ImmutableArray<long> ChoiceWeights, long BallotWeight)
{
    /// <summary>A station's score from its figures: votes per choice (in ballot order) and the ballots that took part.</summary>
    public long Score(ReadOnlySpan<long> votes, long ballots)
    {
        var score = BallotWeight * ballots;
        for (var i = 0; i < votes.Length; i++)
        {
            score += ChoiceWeights[i] * votes[i];
        }
        return score;
    }

    /// <summary>
    /// The lowest score a station with at most <paramref name="ballots"/> ballots can have, whatever is marked on them: every
    /// ballot counted, all of them for the choice that lowers the score most (or none valid, where that is lower).
    /// </summary>
    public long LowestScore(long ballots)
    {
        var lowestChoice = Math.Min(0, ChoiceWeights.Min());
        return ballots * Math.Min(0, BallotWeight + lowestChoice);
    }

    /// <summary>A short reading of the claim, e.g. <c>national: p03 over the threshold</c>.</summary>
    public override string ToString() => Kind switch
    {
        AssertionKind.Beats => $"{Contest}: {Choice} beats {Loser}",
        AssertionKind.OverThreshold => $"{Contest}: {Choice} over the threshold",
        AssertionKind.UnderThreshold => $"{Contest}: {Choice} under the threshold",
        _ => throw new InvalidOperationException($"unknown assertion kind {Kind}"),
    };
}
