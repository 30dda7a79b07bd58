using System.Collections.Immutable;

namespace Sanoo.Core.Audits;

/// <summary>
/// One round of the audit: the draws it made (numbered on from the earlier rounds' draws) and, once every batch it drew is
/// recounted, the measured risk over all draws so far and the decision.
/// Invariant: <see cref="Risk"/> and <see cref="Decision"/> are both null (recounts outstanding) or both set.
/// </summary>
/// <param name="Number">The round, from 1.</param>
/// <param name="FirstDraw">The number of its first draw (draws are numbered from 1 across rounds).</param>
/// <param name="Draws">The batch (index in the comparison's batches) each of its draws picked, in draw order.</param>
/// <param name="Risk">The measured risk (P-value, at most 1) over every draw so far, once the round's batches are recounted.</param>
/// <param name="Decision">What the round decides, once its batches are recounted.</param>
/// <param name="NextDraws">For <see cref="AuditDecision.NextRound"/>, how many draws all rounds together reach with the next.</param>
public sealed record AuditRound(int Number, int FirstDraw, ImmutableArray<int> Draws, double? Risk, AuditDecision? Decision, int NextDraws)
{
    /// <summary>The distinct batches it drew, in the order first drawn.</summary>
    public IEnumerable<int> Batches => Draws.Distinct();
}
