using System.Collections.Immutable;

namespace Sanoo.Core.Audits;

/// <summary>
/// The course of a whole audit, recomputed from what decides it and nothing else: the reported count (the comparison), the
/// public seed, the risk limit and the hand recounts entered so far. The server that records the audit and every verifier who
/// checks it run this same function, so a recorded sample, risk or decision that it does not give is caught.
/// </summary>
public static class AuditCourse
{
    /// <summary>
    /// The rounds so far: each complete round with its risk and decision, then the round waiting for recounts, if any.
    /// <paramref name="recount"/> gives a batch's hand count of every audited contest it votes on, or null while it has none.
    /// An audit that cannot start (a tie, or as many draws needed as batches) is one round with no draws and
    /// <see cref="AuditDecision.FullCount"/>.
    /// </summary>
    public static ImmutableArray<AuditRound> Run(
        BatchComparison comparison, string seed, double riskLimit, Func<int, IReadOnlyList<BatchCount>?> recount)
    {
        if (AuditRounds.FirstRound(comparison, riskLimit) is not { } total)
        {
            return [new AuditRound(1, 1, [], 1, AuditDecision.FullCount, 0)];
        }
        var rounds = ImmutableArray.CreateBuilder<AuditRound>();
        var taints = new List<double>();
        var drawn = 0;
        while (true)
        {
            var draws = AuditSampler.Draw(seed, drawn + 1, total - drawn, comparison.Weights);
            var round = new AuditRound(rounds.Count + 1, drawn + 1, draws, null, null, 0);
            var figures = draws.Distinct().ToDictionary(b => b, recount);
            if (figures.Values.Any(f => f is null))
            {
                rounds.Add(round);
                return rounds.ToImmutable();
            }
            taints.AddRange(draws.Select(b => comparison.Taint(b, figures[b]!)));
            drawn = total;
            var risk = comparison.Risk(taints);
            var (decision, next) = AuditRounds.After(comparison, riskLimit, drawn, risk);
            rounds.Add(round with { Risk = Math.Min(1, risk), Decision = decision, NextDraws = decision == AuditDecision.NextRound ? next : 0 });
            if (decision != AuditDecision.NextRound)
            {
                return rounds.ToImmutable();
            }
            total = next;
        }
    }
}
