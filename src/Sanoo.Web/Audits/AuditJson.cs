using Sanoo.Core.Audits;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Audits;

/// <summary>
/// The audit's wire form (<see cref="Wire.AuditStatus"/>), recomputed from its register records and the reported count it compares,
/// as <c>sanoo verify</c> recomputes it: the rounds, risks and decisions are <see cref="AuditBook.Course"/>'s.
/// </summary>
public static class AuditJson
{
    /// <summary>How each draw picks its station (docs/audits.md, "The sampler").</summary>
    public const string Sampler = "Draw j (1, 2, 3 … across rounds) takes the SHA-256 of the ASCII text \"SEED,j\", reads its first 16 bytes as a "
        + "big-endian integer h and picks r = floor(h·W / 2^128); the station drawn is the first, in the election's station order, whose "
        + "running sum of weights (error bounds in millionths, rounded up) exceeds r.";

    /// <summary>The audit of <paramref name="book"/> (which has a plan) over the reported count <paramref name="comparison"/>.</summary>
    public static Wire.AuditStatus Of(AuditBook book, BatchComparison comparison)
    {
        var plan = book.Plan ?? throw new InvalidOperationException("the audit has no plan");
        var course = book.Course(comparison);
        var last = course[^1].Decision;
        return new Wire.AuditStatus(
            last is { } decision && decision != AuditDecision.NextRound ? AuditBook.Word(decision) : "recounting",
            plan.Seed,
            plan.RiskLimit,
            plan.Source,
            plan.LogSize,
            plan.Contests,
            comparison.Batches.Length,
            Math.Round(comparison.TotalErrorBound, 6),
            comparison.TotalWeight,
            Sampler,
            [.. comparison.Assertions.Select((a, i) => new Wire.AuditedAssertion(
                a.ToString(), a.Contest.Value, KindWord(a.Kind), a.Choice.Value, a.Loser?.Value, comparison.Margins[i]))],
            [.. course.Select(r => Round(book, comparison, r))],
            plan.By,
            plan.At);
    }

    /// <summary>The word of an assertion's kind.</summary>
    public static string KindWord(AssertionKind kind) => kind switch
    {
        AssertionKind.Beats => "beats",
        AssertionKind.OverThreshold => "over-threshold",
        AssertionKind.UnderThreshold => "under-threshold",
        _ => throw new InvalidOperationException($"unknown assertion kind {kind}"),
    };

    private static Wire.AuditRoundStatus Round(AuditBook book, BatchComparison comparison, AuditRound round) => new(
        round.Number,
        round.FirstDraw,
        [.. round.Draws.Select(d => comparison.Batches[d].Station.Value)],
        [.. round.Batches.Select(b => Station(book, comparison, b, round.Draws.Count(d => d == b)))],
        round.Risk is { } risk ? AuditBook.RiskText(risk) : null,
        round.Decision is { } decision ? AuditBook.Word(decision) : null,
        round.NextDraws);

    private static Wire.AuditDrawnStation Station(AuditBook book, BatchComparison comparison, int index, int times)
    {
        var batch = comparison.Batches[index];
        var station = batch.Station.Value;
        var agreed = batch.Counts.Select(c => book.Agreed(station, c.Contest.Value)).ToList();
        var recounted = agreed.All(a => a is not null);
        return new Wire.AuditDrawnStation(
            station,
            times,
            comparison.Weights[index] / (double)BatchComparison.WeightScale,
            recounted,
            recounted ? Math.Round(comparison.Taint(index, [.. agreed.OfType<BatchCount>()]), 6) : null,
            [.. batch.Counts.Zip(agreed).Select(p => new Wire.AuditStationCount(
                p.First.Contest.Value,
                p.First.Ballots,
                p.First.Votes,
                p.Second?.Ballots,
                p.Second?.Votes,
                book.Recounts.Count(r => r.StationId == station && r.Contest == p.First.Contest.Value)))]);
    }
}
