using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Audits;

/// <summary>
/// The audit's batches from a snapshot: every station that votes on an audited contest, in the election's station order, with
/// the reported source's current counted protocol of each contest. A station with no counted protocol of that source is a batch
/// reported as zero votes whose ballots may be as many as its registered voters, so its error bound covers whatever its hand
/// count finds.
/// </summary>
public static class AuditManifest
{
    /// <summary>The batches of <paramref name="contests"/>' reported count by <paramref name="source"/> in <paramref name="snapshot"/>.</summary>
    public static ImmutableArray<AuditBatch> Of(Snapshot snapshot, IReadOnlyList<ContestPlan> contests, SourceId source)
    {
        var election = snapshot.Election;
        var batches = ImmutableArray.CreateBuilder<AuditBatch>();
        for (var ordinal = 0; ordinal < election.StationCount; ordinal++)
        {
            var area = election.StationAreaIndex(ordinal);
            var station = election.Areas[area].Id;
            var counts = contests.Where(plan => plan.OffsetOf(ordinal) >= 0)
                .Select(plan => snapshot.CountedRefOf(station, plan.Contest.Id, source) is { } counted
                    ? Count(plan, counted.Lines, counted.Votes)
                    : new BatchCount(plan.Contest.Id, election.RegisteredVoters(area), [.. new long[plan.Choices.Length]]))
                .ToImmutableArray();
            if (!counts.IsEmpty)
            {
                batches.Add(new AuditBatch(station, counts));
            }
        }
        return batches.ToImmutable();
    }

    /// <summary>A protocol's figures as the audit reads them: its votes, and its participation (at least the votes' sum) as ballots.</summary>
    public static BatchCount Count(ContestPlan plan, ReadOnlySpan<int> lines, ReadOnlySpan<int> votes)
    {
        var longVotes = CountedFigures.Widened(votes);
        var ballots = Math.Max(plan.Rules.Participation.Evaluate(lines, votes), longVotes.Sum());
        return new BatchCount(plan.Contest.Id, ballots, [.. longVotes]);
    }

    /// <summary>The assertions of <paramref name="contests"/>' reported outcomes, from the batches' sums.</summary>
    public static ImmutableArray<AuditAssertion> Assertions(IReadOnlyList<ContestPlan> contests, ImmutableArray<AuditBatch> batches) =>
    [
        .. contests.SelectMany(plan =>
        {
            var votes = new long[plan.Choices.Length];
            long ballots = 0;
            foreach (var count in batches.Select(b => b.Of(plan.Contest.Id)).OfType<BatchCount>())
            {
                ballots += count.Ballots;
                for (var i = 0; i < votes.Length; i++)
                {
                    votes[i] += count.Votes[i];
                }
            }
            return AuditAssertions.For(plan, votes, ballots);
        }),
    ];

    /// <summary>The comparison of <paramref name="contests"/>' count by <paramref name="source"/> in <paramref name="snapshot"/>.</summary>
    public static BatchComparison Comparison(Snapshot snapshot, IReadOnlyList<ContestPlan> contests, SourceId source)
    {
        var batches = Of(snapshot, contests, source);
        return new BatchComparison(Assertions(contests, batches), batches);
    }
}
