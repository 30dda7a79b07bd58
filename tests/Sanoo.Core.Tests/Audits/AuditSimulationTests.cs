using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tests.Audits;

/// <summary>
/// The audit run on simulated elections of 400 stations whose hand count is the truth: a correct machine count is confirmed in the
/// first round with the sample size the arithmetic predicts; a machine count with a wrong outcome planted in it goes to a full
/// count; and over 1,000 wrong outcomes, the audit confirms at most 5% of them (the risk limit).
/// </summary>
public class AuditSimulationTests
{
    private const double RiskLimit = 0.05;
    private const int Stations = 400;
    private static readonly ContestId Contest = new("c");
    private static readonly AuditAssertion ABeatsB = new(Contest, AssertionKind.Beats, new ChoiceId("a"), new ChoiceId("b"), [1, -1], 0);

    /// <summary>An election's two counts: the machine count (reported) and the hand count (the truth), station by station.</summary>
    private sealed record Simulated(ImmutableArray<AuditBatch> Machine, ImmutableArray<AuditBatch> Hand);

    /// <summary>Stations of 300–500 ballots, A taking about <paramref name="shareA"/> of each (invalid ballots beside).</summary>
    private static ImmutableArray<AuditBatch> Honest(Random random, double shareA) =>
    [
        .. Enumerable.Range(0, Stations).Select(i =>
        {
            var ballots = random.Next(300, 501);
            var invalid = random.Next(0, 10);
            var a = (long)Math.Round((ballots - invalid) * Math.Clamp(shareA + ((random.NextDouble() - 0.5) * 0.2), 0, 1));
            return new AuditBatch(
                new AreaId("s" + i.ToString(CultureInfo.InvariantCulture)),
                [new BatchCount(Contest, ballots, [a, ballots - invalid - a])]);
        }),
    ];

    /// <summary>
    /// A hand count that B wins narrowly, and a machine count that says A won with a lead of <paramref name="lead"/> of the votes:
    /// votes moved from B to A in about <paramref name="stationsChanged"/> stations (more where those run out of B's votes).
    /// </summary>
    private static Simulated WrongOutcome(Random random, int stationsChanged, double lead)
    {
        var hand = Honest(random, 0.49);
        var margin = hand.Sum(b => b.Counts[0].Votes[0] - b.Counts[0].Votes[1]); // negative: B won
        var votes = hand.Sum(b => b.Counts[0].Votes[0] + b.Counts[0].Votes[1]);
        var toMove = (-margin / 2) + 1 + (long)(lead * votes / 2);
        var machine = hand.ToArray();
        var perStation = (toMove + stationsChanged - 1) / stationsChanged;
        foreach (var i in Enumerable.Range(0, Stations).OrderBy(_ => random.Next()))
        {
            var count = machine[i].Counts[0];
            var moved = Math.Min(Math.Min(count.Votes[1], perStation), toMove);
            machine[i] = machine[i] with { Counts = [count with { Votes = [count.Votes[0] + moved, count.Votes[1] - moved] }] };
            toMove -= moved;
            if (toMove == 0)
            {
                break;
            }
        }
        return new Simulated([.. machine], hand);
    }

    private static ImmutableArray<AuditRound> Audit(Simulated election, string seed)
    {
        var comparison = new BatchComparison([ABeatsB], election.Machine);
        return AuditCourse.Run(comparison, seed, RiskLimit, b => election.Hand[b].Counts);
    }

    [Fact]
    public void A_correct_count_stops_in_the_first_round_with_the_expected_sample_size()
    {
        var random = new Random(2021);
        var machine = Honest(random, 0.56);
        var rounds = Audit(new Simulated(machine, machine), "75019283746501928374");
        var round = Assert.Single(rounds);
        Assert.Equal(AuditDecision.Confirmed, round.Decision);
        // U = Σ (A − B + ballots) / margin, worked out here without the audit's code; n = ⌈ln α / ln(1 − 1/U)⌉.
        var margin = machine.Sum(b => b.Counts[0].Votes[0] - b.Counts[0].Votes[1]);
        var u = machine.Sum(b => (b.Counts[0].Votes[0] - b.Counts[0].Votes[1] + b.Counts[0].Ballots) / (double)margin);
        var expected = (int)Math.Ceiling(Math.Log(RiskLimit) / Math.Log(1 - (1 / u)));
        Assert.Equal(expected, round.Draws.Length);
        Assert.InRange(expected, 20, Stations / 2);
        Assert.True(round.Risk <= RiskLimit);
    }

    [Fact]
    public void A_wrong_outcome_planted_in_the_machine_count_escalates_to_a_full_count()
    {
        var election = WrongOutcome(new Random(7), 40, 0.05);
        Assert.True(election.Machine.Sum(b => b.Counts[0].Votes[0] - b.Counts[0].Votes[1]) > 0);
        Assert.True(election.Hand.Sum(b => b.Counts[0].Votes[0] - b.Counts[0].Votes[1]) < 0);
        var rounds = Audit(election, "11223344556677889900");
        Assert.Equal(AuditDecision.FullCount, rounds[^1].Decision);
        Assert.All(rounds[..^1], r => Assert.Equal(AuditDecision.NextRound, r.Decision));
        Assert.True(rounds.Length > 1, "the audit should have tried a next round before the full count");
    }

    [Fact]
    public void Over_1000_wrong_outcomes_the_audit_confirms_at_most_five_percent()
    {
        var random = new Random(19);
        var (confirmed, rounds) = (0, 0);
        for (var run = 0; run < 1000; run++)
        {
            // From errors concentrated in a few stations to errors spread thinly over all of them, reported leads of 0.5% to 6%.
            var election = WrongOutcome(random, 1 + random.Next(Stations), 0.005 + (random.NextDouble() * 0.055));
            var seed = random.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
            var course = Audit(election, seed);
            rounds += course.Count(r => r.Draws.Length > 0);
            if (course[^1].Decision == AuditDecision.Confirmed)
            {
                confirmed++;
            }
        }
        Assert.True(confirmed <= 50, $"{confirmed} of 1,000 wrong outcomes were confirmed");
        Assert.True(rounds > 1000, "the wrong outcomes should have been sampled, not all sent to a full count at once");
    }
}
