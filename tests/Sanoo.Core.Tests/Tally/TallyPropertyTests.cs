using CsCheck;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Tally;

/// <summary>
/// Random elections and random election nights: corrections, identical retries, conflicts,
/// out-of-order versions and invalid protocols. Thousands of cases run in CI
/// (SANOO_PROPERTY_ITERATIONS raises the count for a longer soak).
/// </summary>
public class TallyPropertyTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("SANOO_PROPERTY_ITERATIONS"), out var n) ? n : 2_000;

    private static readonly Gen<(ElectionShape Shape, Step[] Steps)> Nights = Gen.Select(ElectionGen.Shape, SubmissionScript.Steps);

    [Fact]
    public void Generated_elections_are_valid_definitions()
    {
        ElectionGen.Shape.Sample(shape =>
        {
            var election = shape.Build();
            Assert.True(election.StationCount > 0);
            Assert.All(election.Contests, c => Assert.True(c.StationCount > 0));
        }, iter: Iterations);
    }

    [Fact]
    public void Generated_protocols_fit_their_election_and_break_exactly_the_relations_they_mean_to()
    {
        Nights.Sample(night =>
        {
            var election = night.Shape.Build();
            var protocols = SubmissionScript.Play(election, night.Steps);
            foreach (var (step, protocol, index) in night.Steps.Zip(protocols, Enumerable.Range(0, protocols.Count)))
            {
                if (step.Kind == StepKind.Retry && protocols.Take(index).Any(earlier => ReferenceEquals(earlier, protocol)))
                {
                    continue; // a retry repeats an earlier protocol, valid or not
                }
                Assert.Empty(ProtocolShape.Check(election, protocol));
                var broken = election.Contest(protocol.Contest)!.Rules.Check(protocol.Lines.AsSpan(), protocol.Votes.AsSpan())
                    .Where(v => v.Severity == Severity.Error).Select(v => v.Relation.Value).ToList();
                switch (step.Kind)
                {
                    case StepKind.VotesOverValid:
                        Assert.Contains("valid_equals_votes", broken);
                        break;
                    case StepKind.FoundOverIssued:
                        Assert.Contains("found_within_issued", broken);
                        break;
                    case StepKind.Unbalanced:
                        Assert.Equal(["ballots_balance"], broken);
                        break;
                    default:
                        Assert.Empty(broken);
                        break;
                }
            }
        }, iter: Iterations / 2);
    }

    [Fact]
    public void The_incremental_tally_equals_a_rebuild_and_the_plain_specification()
    {
        Nights.Sample(night =>
        {
            var election = night.Shape.Build();
            var protocols = SubmissionScript.Play(election, night.Steps);
            var engine = new TallyEngine(election);
            foreach (var protocol in protocols)
            {
                engine.Apply(protocol);
            }
            var snapshot = engine.Freeze();
            Assert.True(
                snapshot.SameNumbersAs(TallyEngine.Rebuild(election, engine.CurrentProtocols()).Freeze()),
                "incremental differs from rebuild");
            var counted = ReferenceTally.Counted(election, protocols);
            Assert.Equal(counted.Values.OrderBy(Key), engine.CurrentProtocols().OrderBy(Key));
            foreach (var plan in election.Contests)
            {
                foreach (var source in election.Sources)
                {
                    foreach (var areaIndex in plan.TallyAreas)
                    {
                        var area = election.Areas[areaIndex].Id;
                        var tally = snapshot.Tally(plan.Contest.Id, source.Id, area)!;
                        Assert.Equal<long>(
                            ReferenceTally.Sum(election, counted.Values, plan.Contest.Id, source.Id, area),
                            tally.Lines.Concat(tally.Votes));
                    }
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void No_snapshot_along_the_way_breaks_an_invariant()
    {
        Nights.Sample(night =>
        {
            var election = night.Shape.Build();
            var engine = new TallyEngine(election);
            foreach (var protocol in SubmissionScript.Play(election, night.Steps))
            {
                engine.Apply(protocol);
                var snapshot = engine.Freeze();
                Assert.True(snapshot.IsPublishable, string.Join("\n", snapshot.InvariantViolations));
            }
        }, iter: Iterations / 2);
    }

    [Fact]
    public void Only_an_accepted_protocol_moves_a_total()
    {
        Nights.Sample(night =>
        {
            var election = night.Shape.Build();
            var engine = new TallyEngine(election);
            var before = engine.Freeze();
            foreach (var protocol in SubmissionScript.Play(election, night.Steps))
            {
                var outcome = engine.Apply(protocol);
                var after = engine.Freeze();
                if (outcome is not ApplyOutcome.Accepted)
                {
                    Assert.True(before.SameNumbersAs(after), $"{outcome.GetType().Name} moved a total");
                }
                before = after;
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_order_of_arrival_does_not_matter_when_no_version_conflicts()
    {
        Gen.Select(ElectionGen.Shape, SubmissionScript.Steps, Gen.Int).Sample((shape, steps, seed) =>
        {
            var election = shape.Build();
            var protocols = SubmissionScript.Play(election, steps.Where(s => s.Kind != StepKind.Conflict).ToArray());
            var unique = protocols.GroupBy(p => (p.Slot, p.Version)).Where(g => g.Distinct().Count() == 1).SelectMany(g => g).ToList();
            var shuffled = unique.ToArray();
            new Random(seed).Shuffle(shuffled);
            var inOrder = TallyEngine.Rebuild(election, unique).Freeze();
            var outOfOrder = TallyEngine.Rebuild(election, shuffled).Freeze();
            Assert.True(inOrder.SameNumbersAs(outOfOrder));
        }, iter: Iterations);
    }

    private static string Key(Protocol p) => $"{p.Station}/{p.Contest}/{p.Source}";
}
