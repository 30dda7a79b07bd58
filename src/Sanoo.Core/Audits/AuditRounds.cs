namespace Sanoo.Core.Audits;

/// <summary>
/// How the audit goes from round to round (docs/audits.md). The first round draws as many batches as would confirm the outcome
/// if the hand count found no error. After a round, a risk at or below the limit confirms; a batch with taint 1 or more, or a next
/// round that would need as many draws as there are batches to draw, means a full hand count; otherwise the next round brings the
/// draws to what would then confirm with no further error, and at least doubles them, so that the audit ends in a few rounds.
/// </summary>
public static class AuditRounds
{
    /// <summary>The draws of the first round, or null when the audit goes straight to a full hand count.</summary>
    public static int? FirstRound(BatchComparison comparison, double riskLimit)
    {
        if (!comparison.HasPositiveMargins)
        {
            return null;
        }
        var draws = comparison.DrawsToReach(riskLimit, 1);
        return draws < comparison.DrawableBatches ? Math.Max(1, draws) : null;
    }

    /// <summary>
    /// The decision after a round whose draws so far (all rounds) are <paramref name="draws"/> and whose Kaplan–Markov product is
    /// <paramref name="risk"/> (<see cref="BatchComparison.Risk"/>), and, for <see cref="AuditDecision.NextRound"/>, how many
    /// draws all rounds together reach.
    /// </summary>
    public static (AuditDecision Decision, int TotalDraws) After(BatchComparison comparison, double riskLimit, int draws, double risk)
    {
        if (risk <= riskLimit)
        {
            return (AuditDecision.Confirmed, draws);
        }
        if (double.IsPositiveInfinity(risk))
        {
            return (AuditDecision.FullCount, draws);
        }
        var total = draws + Math.Max(draws, comparison.DrawsToReach(riskLimit, risk));
        return total < comparison.DrawableBatches ? (AuditDecision.NextRound, total) : (AuditDecision.FullCount, draws);
    }
}
