using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Tally;

public class TallyEngineTests
{
    private static readonly Election Election = ElectionBuilder.Small();
    private static readonly AreaId Nation = new("nation");
    private static readonly AreaId North = new("north");

    private static AreaTally National(TallyEngine engine, SourceId? source = null) =>
        engine.Freeze().Tally(ElectionBuilder.PartyList, source ?? ElectionBuilder.Hand, Nation)!;

    [Fact]
    public void Protocols_add_up_the_tree_with_reporting_progress()
    {
        var engine = new TallyEngine(Election);
        Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], invalid: 15)));
        Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(ProtocolMaker.Valid(Election, "s1-2", [50, 60, 70, 5], invalid: 2)));
        var snapshot = engine.Freeze();
        var nation = snapshot.Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, Nation)!;
        Assert.Equal<long>([350, 260, 170, 15], nation.Votes);
        Assert.Equal(795, nation.TotalVotes);
        Assert.Equal(795 + 17, nation.Participation);
        Assert.Equal(2, nation.StationsReporting);
        Assert.Equal(8, nation.StationsExpected);
        Assert.Equal(1000 + 610, nation.RegisteredCovered);
        Assert.Equal(7830, nation.RegisteredTotal);
        var north = snapshot.Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, North)!;
        Assert.Equal<long>([300, 200, 100, 10], north.Votes);
        Assert.Equal(1, north.StationsReporting);
        Assert.Equal(5, north.StationsExpected);
        Assert.True(snapshot.IsPublishable, string.Join("\n", snapshot.InvariantViolations));
    }

    [Fact]
    public void Sources_are_tallied_apart()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [301, 199, 100, 10], source: ElectionBuilder.Machine));
        Assert.Equal<long>([300, 200, 100, 10], National(engine).Votes);
        Assert.Equal<long>([301, 199, 100, 10], National(engine, ElectionBuilder.Machine).Votes);
    }

    [Fact]
    public void An_identical_retry_is_counted_once()
    {
        var engine = new TallyEngine(Election);
        var protocol = ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]);
        engine.Apply(protocol);
        var position = engine.Position;
        var outcome = Assert.IsType<ApplyOutcome.Duplicate>(engine.Apply(protocol with { }));
        Assert.Equal(protocol, outcome.Current);
        Assert.Equal(position, engine.Position);
        Assert.Equal<long>([300, 200, 100, 10], National(engine).Votes);
        Assert.Equal(1, National(engine).StationsReporting);
    }

    [Fact]
    public void A_correction_replaces_the_counted_version()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        var outcome = Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [290, 210, 100, 10], version: 2)));
        Assert.Equal(1, outcome.SupersededVersion);
        Assert.Equal<long>([290, 210, 100, 10], National(engine).Votes);
        Assert.Equal(1, National(engine).StationsReporting);
    }

    [Fact]
    public void An_older_version_arriving_late_changes_nothing()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [290, 210, 100, 10], version: 3));
        Assert.Equal(3, Assert.IsType<ApplyOutcome.Stale>(
            engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], version: 2))).CurrentVersion);
        Assert.Equal<long>([290, 210, 100, 10], National(engine).Votes);
    }

    [Fact]
    public void The_same_version_with_other_figures_is_a_conflict_and_the_first_stands()
    {
        var engine = new TallyEngine(Election);
        var first = ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]);
        engine.Apply(first);
        Assert.Equal(first, Assert.IsType<ApplyOutcome.Conflict>(engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [100, 200, 300, 10]))).Current);
        Assert.Equal<long>([300, 200, 100, 10], National(engine).Votes);
    }

    [Fact]
    public void Party_votes_exceeding_valid_ballots_are_rejected_with_the_relation_and_both_values_and_never_counted()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n2-1", [10, 10, 10, 0]));
        var before = engine.Freeze();
        var inflated = ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]) is var p ? p with { Votes = p.Votes.SetItem(0, 900) } : null;
        var rejected = Assert.IsType<ApplyOutcome.Rejected>(engine.Apply(inflated!));
        var violation = Assert.Single(rejected.Violations);
        Assert.Equal("valid_equals_votes", violation.Relation.Value);
        Assert.Equal(610, violation.Left);
        Assert.Equal(1210, violation.Right);
        Assert.True(before.SameNumbersAs(engine.Freeze()));
        Assert.Null(engine.Current(new AreaId("n1-1"), ElectionBuilder.PartyList, ElectionBuilder.Hand));
    }

    [Fact]
    public void Ballots_found_exceeding_ballots_issued_are_rejected_and_never_counted()
    {
        var engine = new TallyEngine(Election);
        var protocol = ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]).WithLine("issued", 600).WithLine("cancelled", 15);
        // received 625 = issued 600 + cancelled 15 + 10 → also unbalanced; keep it balanced so only one relation fails:
        protocol = protocol.WithLine("received", 615);
        var rejected = Assert.IsType<ApplyOutcome.Rejected>(engine.Apply(protocol));
        var violation = Assert.Single(rejected.Violations);
        Assert.Equal("found_within_issued", violation.Relation.Value);
        Assert.Equal(610, violation.Left);
        Assert.Equal(600, violation.Right);
        Assert.Equal(0, National(engine).StationsReporting);
    }

    [Fact]
    public void A_rejected_correction_leaves_the_counted_version_in_place()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        var bad = ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], version: 2).WithLine("valid", 1);
        Assert.IsType<ApplyOutcome.Rejected>(engine.Apply(bad));
        Assert.Equal(1, engine.Current(new AreaId("n1-1"), ElectionBuilder.PartyList, ElectionBuilder.Hand)!.Version);
        Assert.Equal<long>([300, 200, 100, 10], National(engine).Votes);
    }

    [Fact]
    public void A_protocol_breaking_only_a_warning_is_counted_and_flagged()
    {
        var engine = new TallyEngine(Election);
        var outcome = Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [10, 10, 10, 0], invalid: 100)));
        Assert.Equal("invalid_below_valid", Assert.Single(outcome.Warnings).Relation.Value);
        Assert.Equal(1, National(engine).Flagged);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [50, 10, 10, 0], invalid: 10, version: 2));
        Assert.Equal(0, National(engine).Flagged);
    }

    [Fact]
    public void A_protocol_that_does_not_fit_the_election_is_never_checked_so_never_reaches_the_engine()
    {
        var protocol = ProtocolMaker.Valid(Election, "n1-1", [1, 2, 3, 4]) with { Station = new AreaId("n1") };
        var invalid = Assert.IsType<ProtocolReadResult.Invalid>(ProtocolReader.Check(Election, protocol));
        Assert.Contains(invalid.Problems, p => p.Path == "$.station");
    }

    [Fact]
    public void A_single_member_contest_is_tallied_only_in_its_district()
    {
        var engine = new TallyEngine(Election);
        var contest = new ContestId("smd-n1");
        engine.Apply(ProtocolMaker.Valid(Election, "n1-2", [100, 50, 25, 5], contest: contest));
        var snapshot = engine.Freeze();
        Assert.Equal<long>([100, 50, 25, 5], snapshot.Tally(contest, ElectionBuilder.Hand, new AreaId("n1"))!.Votes);
        Assert.Null(snapshot.Tally(contest, ElectionBuilder.Hand, Nation));
        Assert.Equal(3, snapshot.Tally(contest, ElectionBuilder.Hand, new AreaId("n1"))!.StationsExpected);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_engine_moves_on()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        var snapshot = engine.Freeze();
        engine.Apply(ProtocolMaker.Valid(Election, "n1-2", [1, 2, 3, 4]));
        Assert.Equal<long>([300, 200, 100, 10], snapshot.Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, Nation)!.Votes);
        Assert.Equal(1, snapshot.Position);
    }

    [Fact]
    public void A_rebuild_from_the_current_versions_equals_the_incremental_tally()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [290, 210, 100, 10], version: 2));
        engine.Apply(ProtocolMaker.Valid(Election, "s1-3", [5, 6, 7, 8], source: ElectionBuilder.Machine));
        var rebuilt = TallyEngine.Rebuild(Election, engine.CurrentProtocols());
        Assert.True(engine.Freeze().SameNumbersAs(rebuilt.Freeze()));
    }

    [Fact]
    public void An_unknown_area_or_source_is_not_found_and_a_known_one_is()
    {
        Assert.False(Election.TryAreaIndex(new AreaId("nowhere"), out _));
        Assert.False(Election.TrySourceIndex(new SourceId("nobody"), out _));
        Assert.True(Election.TryAreaIndex(new AreaId("n1-1"), out var station));
        Assert.True(Election.TryStationOrdinal(station, out _));
        Assert.False(Election.TryStationOrdinal(Election.AreaIndex(new AreaId("nation")), out _));
        Assert.Throws<KeyNotFoundException>(() => Election.AreaIndex(new AreaId("nowhere")));
    }

    [Fact]
    public void A_snapshot_asked_for_an_unknown_area_or_station_answers_nothing()
    {
        var snapshot = new TallyEngine(Election).Freeze();
        Assert.Null(snapshot.Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, new AreaId("nowhere")));
        Assert.Null(snapshot.Counted(new AreaId("nation"), ElectionBuilder.PartyList, ElectionBuilder.Hand));
        Assert.Null(new TallyEngine(Election).Current(new AreaId("nowhere"), ElectionBuilder.PartyList, ElectionBuilder.Hand));
    }
}
