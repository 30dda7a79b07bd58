using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Audits;

/// <summary>The batch-comparison arithmetic against small examples worked by hand.</summary>
public class BatchComparisonTests
{
    private static readonly ContestId Contest = new("c");

    private static AuditAssertion ABeatsB() => new(Contest, AssertionKind.Beats, new ChoiceId("a"), new ChoiceId("b"), [1, -1], 0);

    private static AuditBatch Batch(string station, long a, long b, long ballots) =>
        new(new AreaId(station), [new BatchCount(Contest, ballots, [a, b])]);

    // Four stations of 100 ballots: A 220, B 180, margin 40. u_p = (A − B + 100) / 40: 3, 2.5, 3.5 and 2, so U = 11.
    private static BatchComparison FourStations() => new(
        [ABeatsB()],
        [Batch("s1", 60, 40, 100), Batch("s2", 50, 50, 100), Batch("s3", 70, 30, 100), Batch("s4", 40, 60, 100)]);

    [Fact]
    public void Error_bounds_are_the_largest_overstatement_each_station_allows_relative_to_the_margin()
    {
        var comparison = FourStations();
        Assert.Equal<long>([40], comparison.Margins);
        Assert.Equal<long>([3_000_000, 2_500_000, 3_500_000, 2_000_000], comparison.Weights);
        Assert.Equal(11.0, comparison.TotalErrorBound);
    }

    [Fact]
    public void A_taint_is_the_overstatement_found_over_the_error_bound()
    {
        var comparison = FourStations();
        // Station 1 recounted as 50–50: the margin was overstated by 20 of 40 (e = 0.5) of a bound of 3.
        Assert.Equal(1 / 6.0, comparison.Taint(0, [new BatchCount(Contest, 100, [50, 50])]), 12);
        Assert.Equal(0, comparison.Taint(1, [new BatchCount(Contest, 100, [50, 50])]));
        // An understatement is a negative taint; the worst case, every ballot for B, is a taint of 1.
        Assert.Equal(-0.1, comparison.Taint(3, [new BatchCount(Contest, 100, [44, 56])]), 12);
        Assert.Equal(1, comparison.Taint(2, [new BatchCount(Contest, 100, [0, 100])]), 12);
    }

    [Fact]
    public void The_risk_is_the_Kaplan_Markov_product()
    {
        var comparison = FourStations();
        // (10/11)² / (1 − 1/6) = 600/605.
        Assert.Equal(600 / 605.0, comparison.Risk([0, 1 / 6.0]), 12);
        Assert.Equal(Math.Pow(10 / 11.0, 3), comparison.Risk([0, 0, 0]), 12);
        Assert.True(double.IsPositiveInfinity(comparison.Risk([0, 1])));
    }

    [Fact]
    public void Draws_needed_with_no_error_are_log_alpha_over_log_one_minus_one_over_U()
    {
        var comparison = FourStations();
        // ln 0.05 / ln(10/11) = 31.43…: 32 draws, more than the 4 stations, so the audit is a full count.
        Assert.Equal(32, comparison.DrawsToReach(0.05, 1));
        Assert.Null(AuditRounds.FirstRound(comparison, 0.05));
    }

    [Fact]
    public void A_tie_cannot_be_confirmed_by_sampling()
    {
        var tie = new BatchComparison([ABeatsB()], [Batch("s1", 50, 50, 100), Batch("s2", 30, 30, 60)]);
        Assert.False(tie.HasPositiveMargins);
        Assert.Equal(AuditDecision.FullCount, Assert.Single(AuditCourse.Run(tie, "1", 0.05, _ => null)).Decision);
    }

    [Fact]
    public void The_threshold_set_is_asserted_party_by_party_on_the_thresholds_base()
    {
        var election = ElectionBuilder.Small();
        var plan = election.DefaultContest;
        var index = plan.ChoiceIndex;
        var votes = new long[plan.Choices.Length];
        votes[index[new ChoiceId("p1")]] = 900;
        votes[index[new ChoiceId("p2")]] = 60;
        votes[index[new ChoiceId("p3")]] = 40;
        var assertions = AuditAssertions.For(plan, votes, 1000);
        // 5% of the 1,000 who took part is 50: p1 and p2 over, p3 under; "against all" is no party.
        Assert.Equal(3, assertions.Length);
        var p2 = assertions.Single(a => a.Choice == new ChoiceId("p2"));
        Assert.Equal(AssertionKind.OverThreshold, p2.Kind);
        Assert.Equal(1000, p2.Score(votes, 1000)); // 100·60 − 5·1000
        var p3 = assertions.Single(a => a.Choice == new ChoiceId("p3"));
        Assert.Equal(AssertionKind.UnderThreshold, p3.Kind);
        Assert.Equal(1000, p3.Score(votes, 1000)); // 5·1000 − 100·40
        // The worst a station of 200 ballots can do to "p3 under": all 200 for p3, 5·200 − 100·200.
        Assert.Equal(-19_000, p3.LowestScore(200));
        Assert.Equal(-1_000, p2.LowestScore(200));
    }

    [Fact]
    public void A_single_member_contest_asserts_that_its_winner_beats_every_other_choice()
    {
        var plan = ElectionBuilder.Small().Contests.First(c => c.Contest.Kind == ContestKind.SingleMember);
        var votes = new long[plan.Choices.Length];
        votes[1] = 30;
        votes[0] = 10;
        var assertions = AuditAssertions.For(plan, votes, 50);
        Assert.Equal(plan.Choices.Length - 1, assertions.Length);
        Assert.All(assertions, a => Assert.Equal(plan.Choices[1].Id, a.Choice));
        Assert.All(assertions, a => Assert.Equal(-50, a.LowestScore(50)));
    }
}
