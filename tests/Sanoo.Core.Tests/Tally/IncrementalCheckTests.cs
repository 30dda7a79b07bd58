using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Tally;

/// <summary>
/// A snapshot checked from the one frozen just before it adds up only the stations that changed since: it must find what a full
/// check finds, catch a sum broken after the previous snapshot, and leave earlier snapshots as they were.
/// </summary>
public class IncrementalCheckTests
{
    private static readonly Election Election = ElectionBuilder.Small();

    private static TallyEngine Engine()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], invalid: 15));
        engine.Apply(ProtocolMaker.Valid(Election, "s1-2", [50, 60, 70, 5], invalid: 2));
        return engine;
    }

    [Fact]
    public void What_the_stations_add_is_the_same_updated_as_summed_afresh()
    {
        var engine = Engine();
        var first = engine.Capture().Check(null);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [310, 190, 100, 10], invalid: 15, version: 2));
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [320, 190, 100, 10], invalid: 15, version: 3));
        engine.Apply(ProtocolMaker.Valid(Election, "s1-1", [40, 30, 20, 1], invalid: 3));
        var captured = engine.Capture();
        var second = captured.Check(first);
        var updated = captured.Books.Select(b => b.Stations!).ToList();
        var afresh = SnapshotInvariants.Check(Election, captured.Books);
        Assert.True(second.IsPublishable);
        Assert.Empty(afresh);
        for (var b = 0; b < captured.Books.Length; b++)
        {
            Assert.Equal(captured.Books[b].Stations!.Sums, updated[b].Sums);
            Assert.Equal(captured.Books[b].Stations!.Reporting, updated[b].Reporting);
            Assert.Equal(captured.Books[b].Stations!.Covered, updated[b].Covered);
        }
        Assert.Contains(updated[1].Sums, s => s != 0); // the hand count's book was updated, not left empty
    }

    [Fact]
    public void A_sum_broken_after_the_previous_snapshot_is_caught_from_it()
    {
        var engine = Engine();
        var first = engine.Capture().Check(null);
        engine.Apply(ProtocolMaker.Valid(Election, "s1-1", [40, 30, 20, 1], invalid: 3));
        var captured = engine.Capture();
        var hand = captured.Books[1];
        var district = hand.Layout.SlotOfArea[Election.AreaIndex(new AreaId("s1"))];
        hand.Sums[(district * hand.Width) + hand.Plan.Form.Lines.Length] += 7;
        var second = captured.Check(first);
        Assert.NotNull(hand.ChangedSincePrevious);
        Assert.Contains(second.InvariantViolations, v => v.Area.Value == "s1" && v.Invariant == "children-sum");
    }

    [Fact]
    public void A_snapshot_keeps_its_protocols_while_the_engine_moves_on()
    {
        var engine = Engine();
        var first = engine.Freeze();
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [310, 190, 100, 10], invalid: 15, version: 2));
        var second = engine.Freeze();
        var station = new AreaId("n1-1");
        Assert.Equal(1, first.Counted(station, ElectionBuilder.PartyList, ElectionBuilder.Hand)!.Version);
        Assert.Equal(2, second.Counted(station, ElectionBuilder.PartyList, ElectionBuilder.Hand)!.Version);
        Assert.Equal(300, first.Counted(station, ElectionBuilder.PartyList, ElectionBuilder.Hand)!.Votes[0]);
    }
}
