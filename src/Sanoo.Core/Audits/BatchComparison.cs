using System.Collections.Immutable;

namespace Sanoo.Core.Audits;

/// <summary>
/// The arithmetic of a batch-comparison risk-limiting audit with MACRO (Stark 2008, "Conservative statistical post-election
/// audits"; Stark 2009, "Risk-limiting post-election audits: P-values from common probability inequalities"). For each assertion
/// a with reported margin M_a (the sum of its scores over every batch) and each batch p with reported score s_pa:
/// the most the batch can overstate the margin, relative to it, is u_pa = (s_pa − lowest score the batch's ballots allow) / M_a;
/// the batch's error bound is u_p = max over assertions of u_pa (MACRO). Batches are drawn with probability proportional to u_p
/// (PPEB), with replacement. A drawn batch recounted by hand has relative overstatement e_p = max_a (s_pa − hand score) / M_a
/// and taint t = e_p / u_p ≤ 1; the reported outcome can be wrong only if the taints' mean is at least 1/U, U = Σ u_p.
/// Error bounds are kept as whole millionths rounded up (<see cref="Weights"/>), so that anyone can redraw the sample exactly;
/// rounding up keeps every bound a bound.
/// </summary>
public sealed class BatchComparison
{
    /// <summary>Error bounds are whole multiples of 1/<see cref="WeightScale"/>.</summary>
    public const long WeightScale = 1_000_000;

    /// <summary>The comparison of <paramref name="batches"/>' reported counts under <paramref name="assertions"/>.</summary>
    public BatchComparison(ImmutableArray<AuditAssertion> assertions, ImmutableArray<AuditBatch> batches)
    {
        Assertions = assertions;
        Batches = batches;
        Margins = [.. assertions.Select(a => batches.Sum(b => b.Of(a.Contest) is { } c ? a.Score(c.Votes.AsSpan(), c.Ballots) : 0))];
        Weights = [.. batches.Select(Weight)];
        TotalWeight = Weights.Sum();
    }

    /// <summary>The assertions, in order.</summary>
    public ImmutableArray<AuditAssertion> Assertions { get; }

    /// <summary>The batches, in order: the sampler's order.</summary>
    public ImmutableArray<AuditBatch> Batches { get; }

    /// <summary>Each assertion's reported margin (in its scaled score units).</summary>
    public ImmutableArray<long> Margins { get; }

    /// <summary>Each batch's error bound u_p in millionths, rounded up; 0 for a batch that no assertion depends on.</summary>
    public ImmutableArray<long> Weights { get; }

    /// <summary>The sum of <see cref="Weights"/>.</summary>
    public long TotalWeight { get; }

    /// <summary>U: the sum of the batches' error bounds.</summary>
    public double TotalErrorBound => TotalWeight / (double)WeightScale;

    /// <summary>Whether every assertion has a positive reported margin: otherwise the reported outcome is a tie or not an outcome.</summary>
    public bool HasPositiveMargins => !Assertions.IsEmpty && Margins.All(m => m > 0);

    /// <summary>How many batches can be drawn (a positive error bound).</summary>
    public int DrawableBatches => Weights.Count(w => w > 0);

    /// <summary>
    /// The taint e_p / u_p of batch <paramref name="batch"/> recounted as <paramref name="recount"/> (the hand count of every
    /// audited contest it votes on): 0 when the hand count agrees, negative when the reported count understated the margins,
    /// and 1 or more when it overstated one as much as the batch allows (or the hand count found more ballots than reported).
    /// </summary>
    public double Taint(int batch, IReadOnlyList<BatchCount> recount)
    {
        var reported = Batches[batch];
        var largest = double.NegativeInfinity;
        for (var a = 0; a < Assertions.Length; a++)
        {
            var assertion = Assertions[a];
            if (reported.Of(assertion.Contest) is not { } count)
            {
                continue;
            }
            var hand = recount.FirstOrDefault(r => r.Contest == assertion.Contest)
                ?? throw new ArgumentException($"the recount of {reported.Station} lacks contest {assertion.Contest}", nameof(recount));
            var overstatement = assertion.Score(count.Votes.AsSpan(), count.Ballots) - assertion.Score(hand.Votes.AsSpan(), hand.Ballots);
            largest = Math.Max(largest, overstatement / (double)Margins[a]);
        }
        return Weights[batch] == 0 ? 0 : largest * WeightScale / Weights[batch];
    }

    /// <summary>
    /// The Kaplan–Markov product of the draws' taints, in draw order: Π (1 − 1/U) / (1 − t), infinite once any taint is 1 or more
    /// (such a batch alone could hide a wrong outcome). Its value up to 1 is the measured risk (the P-value): at or below the risk
    /// limit the reported outcome is confirmed. Above 1 it still says how far the audit is from confirming.
    /// </summary>
    public double Risk(IEnumerable<double> taints)
    {
        var factor = 1 - (1 / TotalErrorBound);
        var risk = 1.0;
        foreach (var t in taints)
        {
            if (t >= 1)
            {
                return double.PositiveInfinity;
            }
            risk *= factor / (1 - t);
        }
        return risk;
    }

    /// <summary>How many more draws finding no error would bring <paramref name="risk"/> to <paramref name="riskLimit"/> or below.</summary>
    public int DrawsToReach(double riskLimit, double risk) =>
        risk <= riskLimit ? 0 : TotalErrorBound <= 1 ? 1 : (int)Math.Ceiling(Math.Log(riskLimit / risk) / Math.Log(1 - (1 / TotalErrorBound)));

    private long Weight(AuditBatch batch)
    {
        long largest = 0;
        for (var a = 0; a < Assertions.Length; a++)
        {
            var assertion = Assertions[a];
            if (Margins[a] <= 0 || batch.Of(assertion.Contest) is not { } count)
            {
                continue;
            }
            var room = (Int128)(assertion.Score(count.Votes.AsSpan(), count.Ballots) - assertion.LowestScore(count.Ballots)) * WeightScale;
            var weight = (room + Margins[a] - 1) / Margins[a];
            largest = Math.Max(largest, (long)weight);
        }
        return largest;
    }
}
