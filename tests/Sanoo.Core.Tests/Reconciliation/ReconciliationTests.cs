using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Reconciliation;

public class ReconciliationTests
{
    private static readonly Election Election = ElectionBuilder.Small();
    private static readonly ContestPlan List = Election.Contest(ElectionBuilder.PartyList)!;
    private static readonly ReconciliationRule Strict = new(ElectionBuilder.Machine, ElectionBuilder.Hand, 0, 0);

    private static Core.Protocols.Protocol Count(string station, int[] votes, SourceId source, int invalid = 3) =>
        ProtocolMaker.Valid(Election, station, votes, invalid, source: source);

    /// <summary>A version as the engine keeps it counted.</summary>
    private static CountedRef Kept(string station, int[] votes, SourceId source, int invalid = 3)
    {
        var protocol = Count(station, votes, source, invalid);
        var kept = new CountedFigures(Election, List, Election.SourceIndex(source));
        return new CountedRef(kept, kept.Add(List.OffsetOf(Election.StationOrdinal(Election.AreaIndex(protocol.Station))), protocol));
    }

    /// <summary>The party list counted twice at n1-1 (the same) and n1-2 (ten votes apart), once at s1-1 (the machine only).</summary>
    private static TallyEngine ThreeStationsCounted()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(Count("n1-1", [300, 200, 100, 10], ElectionBuilder.Machine));
        engine.Apply(Count("n1-1", [300, 200, 100, 10], ElectionBuilder.Hand));
        engine.Apply(Count("n1-2", [100, 100, 100, 10], ElectionBuilder.Machine));
        engine.Apply(Count("n1-2", [95, 105, 100, 10], ElectionBuilder.Hand));
        engine.Apply(Count("s1-1", [50, 60, 70, 5], ElectionBuilder.Machine));
        return engine;
    }

    [Fact]
    public void Identical_counts_match_and_any_difference_is_a_discrepancy_by_default()
    {
        var machine = Kept("n1-1", [300, 200, 100, 10], ElectionBuilder.Machine);
        Assert.Equal(
            ReconciliationClass.Match,
            StationComparison.Of(List, Strict, new("n1-1"), machine, Kept("n1-1", [300, 200, 100, 10], ElectionBuilder.Hand))!.Class);
        var off = StationComparison.Of(List, Strict, new("n1-1"), machine, Kept("n1-1", [299, 201, 100, 10], ElectionBuilder.Hand))!;
        Assert.Equal(ReconciliationClass.Discrepancy, off.Class);
        Assert.Equal<long>([-1, 1, 0, 0], off.VoteDifferences);
        Assert.Equal(2, off.VotesApart);
        Assert.All(off.LineDifferences, d => Assert.Equal(0, d));
    }

    [Fact]
    public void Each_difference_read_alone_is_the_one_in_the_lists_and_the_largest_and_votes_apart_follow_them()
    {
        var machine = Kept("n1-1", [300, 200, 100, 10], ElectionBuilder.Machine, invalid: 3);
        var hand = Kept("n1-1", [290, 207, 100, 12], ElectionBuilder.Hand, invalid: 9);
        var compared = StationComparison.Of(List, Strict, new("n1-1"), machine, hand)!;

        Assert.Equal(compared.LineDifferences, Enumerable.Range(0, machine.Lines.Length).Select(compared.LineDifference));
        Assert.Equal(compared.VoteDifferences, Enumerable.Range(0, machine.Votes.Length).Select(compared.VoteDifference));
        Assert.Equal<long>([-10, 7, 0, 2], compared.VoteDifferences);
        Assert.Equal(19, compared.VotesApart);
        Assert.Equal(compared.LineDifferences.Concat(compared.VoteDifferences).Max(Math.Abs), compared.Largest);
        Assert.Equal(10, compared.Largest);
        var missing = StationComparison.Of(List, Strict, new("n1-1"), machine, null)!;
        Assert.Equal((0L, 0L, 0, 0), (missing.VotesApart, missing.Largest, missing.LineDifferences.Length, missing.VoteDifferences.Length));
    }

    [Fact]
    public void A_tolerance_lets_small_differences_through_and_flags_the_rest()
    {
        var machine = Kept("n1-1", [300, 200, 100, 10], ElectionBuilder.Machine);
        var close = Kept("n1-1", [298, 202, 100, 10], ElectionBuilder.Hand);
        var far = Kept("n1-1", [290, 210, 100, 10], ElectionBuilder.Hand);
        var twoBallots = Strict with { Absolute = 2 };
        Assert.Equal(ReconciliationClass.WithinTolerance, StationComparison.Of(List, twoBallots, new("n1-1"), machine, close)!.Class);
        Assert.Equal(ReconciliationClass.Discrepancy, StationComparison.Of(List, twoBallots, new("n1-1"), machine, far)!.Class);
        var fivePercent = Strict with { RelativePercent = 5 };
        // 10 of 300 is 3.3%
        Assert.Equal(ReconciliationClass.WithinTolerance, StationComparison.Of(List, fivePercent, new("n1-1"), machine, far)!.Class);
        Assert.Equal(
            ReconciliationClass.Discrepancy,
            StationComparison.Of(List, Strict with { RelativePercent = 3 }, new("n1-1"), machine, far)!.Class);
    }

    [Fact]
    public void A_station_with_one_count_is_listed_and_one_with_none_is_not()
    {
        Assert.Equal(
            ReconciliationClass.OneSideMissing,
            StationComparison.Of(List, Strict, new("n1-1"), null, Kept("n1-1", [1, 2, 3, 4], ElectionBuilder.Hand))!.Class);
        Assert.Null(StationComparison.Of(List, Strict, new("n1-1"), null, null));
    }

    [Fact]
    public void The_ledger_totals_every_area_from_its_stations()
    {
        var engine = ThreeStationsCounted();
        var ledger = Ledger.Of(engine.Freeze(), Strict);

        Assert.Equal(3, ledger.Stations.Count(s => s.Contest == ElectionBuilder.PartyList));
        var nation = ledger.Area(Election.Areas[0].Id, ElectionBuilder.PartyList)!;
        Assert.Equal((1, 0, 1, 1, 10L), (nation.Match, nation.WithinTolerance, nation.Discrepancy, nation.OneSideMissing, nation.VotesApart));
        var north = ledger.Area(new AreaId("north"), ElectionBuilder.PartyList)!;
        Assert.Equal((1, 1, 0), (north.Match, north.Discrepancy, north.OneSideMissing));
        Assert.Equal(2, north.Compared);
        Assert.Equal(1, ledger.Area(new AreaId("south"), ElectionBuilder.PartyList)!.OneSideMissing);
    }

    [Fact]
    public void A_stations_comparisons_are_found_by_its_id_contest_by_contest_and_no_other_area_has_any()
    {
        var district = new ContestId("smd-n1");
        var engine = new TallyEngine(Election);
        engine.Apply(Count("n1-1", [300, 200, 100, 10], ElectionBuilder.Machine));
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [40, 50, 60, 5], 1, source: ElectionBuilder.Hand, contest: district));
        engine.Apply(Count("n1-2", [100, 100, 100, 10], ElectionBuilder.Hand));
        engine.Apply(Count("s1-1", [50, 60, 70, 5], ElectionBuilder.Machine));
        var ledger = Ledger.Of(engine.Freeze(), Strict);

        var both = ledger.OfStation(new AreaId("n1-1")).ToList();
        Assert.Equal([ElectionBuilder.PartyList, district], both.Select(c => c.Contest));
        Assert.All(both, c => Assert.Equal(new AreaId("n1-1"), c.Station));
        foreach (var station in Election.Areas.Where(a => a.IsStation).Select(a => a.Id))
        {
            Assert.Equal(ledger.Stations.Where(c => c.Station == station), ledger.OfStation(station));
        }
        Assert.Single(ledger.OfStation(new AreaId("s1-1")));
        Assert.Empty(ledger.OfStation(new AreaId("n2-1")));
        Assert.Empty(ledger.OfStation(new AreaId("n1")));
        Assert.Empty(ledger.OfStation(new AreaId("no-such-station")));
    }

    [Fact]
    public void The_ledger_keeps_where_each_comparison_is_and_makes_it_again_equal_contest_by_contest_and_by_class()
    {
        var engine = ThreeStationsCounted();
        engine.Apply(ProtocolMaker.Valid(Election, "s1-2", [40, 50, 5], 1, source: ElectionBuilder.Hand, contest: new("smd-s1")));
        var snapshot = engine.Freeze();
        var ledger = Ledger.Of(snapshot, Strict);

        // What the ledger must hold: every station with a count in, contest by contest in station order (smd-n1 has none).
        var expected = Election.Contests.SelectMany(plan => Enumerable.Range(0, plan.StationCount)
            .Select(k => Election.Areas[Election.StationAreaIndex(plan.OrdinalAt(k))].Id)
            .Select(station => StationComparison.Of(
                plan,
                Strict,
                station,
                snapshot.CountedRefOf(station, plan.Contest.Id, ElectionBuilder.Machine),
                snapshot.CountedRefOf(station, plan.Contest.Id, ElectionBuilder.Hand)))
            .OfType<StationComparison>()).ToList();
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, ledger.Stations);
        Assert.Equal(expected, Enumerable.Range(0, ledger.Stations.Count).Select(i => ledger.Stations[i]));
        Assert.Equal(expected[^1].Second!.Value.Votes.ToArray(), ledger.Stations[^1].Second!.Value.Votes.ToArray());
        foreach (var @class in Enum.GetValues<ReconciliationClass>())
        {
            Assert.Equal(expected.Where(c => c.Class == @class), ledger.Stations.Classed(c => c == @class));
        }
        Assert.Equal(
            [ReconciliationClass.Match, ReconciliationClass.Discrepancy, ReconciliationClass.OneSideMissing],
            ledger.Stations.Classed(c => c != ReconciliationClass.WithinTolerance).Where(c => c.Contest == ElectionBuilder.PartyList)
                .Select(c => c.Class));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Stations[ledger.Stations.Count]);
    }

    [Fact]
    public void The_definition_may_state_the_counts_compared_and_the_tolerance()
    {
        Assert.Equal(new ReconciliationRule(new("machine"), new("hand"), 0, 0), DefinitionJson.LoadSmall().Reconciliation);
        var json = DefinitionJson.With(root => root["reconciliation"] = new JsonObject
        {
            ["between"] = new JsonArray("hand", "machine"),
            ["absolute"] = 2,
            ["relativePercent"] = 0.5,
        });
        var loaded = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(json)).Election;
        Assert.Equal(new ReconciliationRule(new("hand"), new("machine"), 2, 0.5m), loaded.Reconciliation);
        var wrong = DefinitionJson.With(root => root["reconciliation"] = new JsonObject { ["between"] = new JsonArray("hand", "robot") });
        var problems = Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(wrong)).Problems;
        Assert.Contains(problems, p => p.Path == "$.reconciliation.between"
            && p.Message.Contains("'robot' is not a count source", StringComparison.Ordinal));
    }
}
