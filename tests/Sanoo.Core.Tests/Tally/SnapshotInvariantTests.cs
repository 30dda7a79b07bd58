using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Tally;

/// <summary>
/// The invariant check must catch an aggregation bug even though the engine never makes one:
/// these tests corrupt a frozen book the way the 2021 website did and expect the snapshot to be
/// refused.
/// </summary>
public class SnapshotInvariantTests
{
    private static readonly Election Election = ElectionBuilder.Small();

    private static ContestBook[] FrozenBooks(TallyEngine engine)
    {
        var field = typeof(TallyEngine).GetField("_books", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return [.. ((ContestBook[])field.GetValue(engine)!).Select(b => b.FreezeSums())];
    }

    private static (TallyEngine Engine, ContestBook[] Books, ContestBook Hand) Counted()
    {
        var engine = new TallyEngine(Election);
        engine.Apply(ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], invalid: 15));
        engine.Apply(ProtocolMaker.Valid(Election, "s1-2", [50, 60, 70, 5], invalid: 2));
        var books = FrozenBooks(engine);
        // Books are ordered contest by contest, source by source: [pr/machine, pr/hand, …].
        return (engine, books, books[1]);
    }

    [Fact]
    public void A_sound_tally_passes()
    {
        var (_, books, _) = Counted();
        Assert.Empty(SnapshotInvariants.Check(Election, books));
    }

    [Fact]
    public void Doubled_party_figures_at_the_nation_are_caught()
    {
        var (_, books, hand) = Counted();
        var lines = hand.Plan.Form.Lines.Length;
        for (var i = 0; i < hand.Plan.Choices.Length; i++)
        {
            hand.Sums[lines + i] *= 2; // slot 0 is the nation
        }
        var violations = SnapshotInvariants.Check(Election, books);
        Assert.Contains(violations, v => v.Area.Value == "nation" && v.Invariant == "valid_equals_votes");
        Assert.Contains(violations, v => v.Area.Value == "nation" && v.Invariant == "shares-at-most-100%");
        Assert.Contains(violations, v => v.Area.Value == "nation" && v.Invariant == "children-sum");
    }

    [Fact]
    public void A_region_that_does_not_add_up_to_the_nation_is_caught()
    {
        var (_, books, hand) = Counted();
        var north = hand.Layout.SlotOfArea[Election.AreaIndex(new AreaId("north"))];
        var valid = hand.Plan.LineIndex[new LineId("valid")];
        var firstParty = hand.Plan.Form.Lines.Length;
        hand.Sums[(north * hand.Width) + valid] += 7;
        hand.Sums[(north * hand.Width) + firstParty] += 7;
        hand.Sums[(north * hand.Width) + hand.Plan.LineIndex[new LineId("in_boxes")]] += 7;
        hand.Sums[(north * hand.Width) + hand.Plan.LineIndex[new LineId("issued")]] += 7;
        hand.Sums[(north * hand.Width) + hand.Plan.LineIndex[new LineId("received")]] += 7;
        var violations = SnapshotInvariants.Check(Election, books);
        Assert.Contains(violations, v => v.Area.Value == "north"
            && v.Invariant == "children-sum"
            && v.Detail.StartsWith("valid is", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Area.Value == "nation" && v.Invariant == "children-sum");
    }

    [Fact]
    public void More_stations_reporting_than_exist_is_caught()
    {
        var (_, books, hand) = Counted();
        hand.Reporting[0] = 9;
        Assert.Contains(
            SnapshotInvariants.Check(Election, books),
            v => v.Invariant == "reporting-at-most-expected" && v.Detail == "9 stations reporting of 8");
    }

    [Fact]
    public void A_negative_total_is_caught()
    {
        var (_, books, hand) = Counted();
        hand.Sums[hand.Plan.Form.Lines.Length + 3] = -1;
        Assert.Contains(SnapshotInvariants.Check(Election, books), v => v.Invariant == "non-negative" && v.Detail == "votes(against-all) is -1");
    }
}
