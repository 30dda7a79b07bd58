using Sanoo.Core.Entries;

namespace Sanoo.Core.Tests.Entries;

public class DoubleEntryTests
{
    private static EntryRecord E(string op, string hash, EntryStatus status) => new(op, hash, status);

    [Fact]
    public void The_first_entry_waits_for_a_second_operator() =>
        Assert.Equal(EntryStatus.AwaitingSecond, DoubleEntry.Decide([], "anna", "x"));

    [Fact]
    public void A_second_operator_typing_the_same_figures_completes_the_pair() =>
        Assert.Equal(EntryStatus.Matched, DoubleEntry.Decide([E("anna", "x", EntryStatus.AwaitingSecond)], "bakyt", "x"));

    [Fact]
    public void The_same_operator_twice_never_counts()
    {
        Assert.Equal(EntryStatus.Repeat, DoubleEntry.Decide([E("anna", "x", EntryStatus.AwaitingSecond)], "anna", "x"));
        Assert.Equal(EntryStatus.AwaitingSecond, DoubleEntry.Decide([E("anna", "x", EntryStatus.AwaitingSecond)], "anna", "y"));
    }

    [Fact]
    public void Different_figures_from_another_operator_are_a_mismatch_that_a_supervisor_settles()
    {
        List<EntryRecord> entries = [E("anna", "x", EntryStatus.AwaitingSecond), E("bakyt", "y", EntryStatus.Mismatch)];
        Assert.Equal(EntryStatus.Mismatch, DoubleEntry.Decide([entries[0]], "bakyt", "y"));
        Assert.Equal(EntryStatus.Matched, DoubleEntry.Decide(entries, "supervisor", "x"));
        Assert.Equal(EntryStatus.Matched, DoubleEntry.Decide(entries, "supervisor", "y"));
        Assert.Equal(EntryStatus.Mismatch, DoubleEntry.Decide(entries, "supervisor", "z"));
    }

    [Fact]
    public void Neither_side_of_a_mismatch_can_settle_it()
    {
        List<EntryRecord> entries = [E("anna", "x", EntryStatus.AwaitingSecond), E("bakyt", "y", EntryStatus.Mismatch)];
        Assert.Equal(EntryStatus.Mismatch, DoubleEntry.Decide(entries, "anna", "y"));
        Assert.Equal(EntryStatus.Mismatch, DoubleEntry.Decide(entries, "bakyt", "x"));
        Assert.Equal(EntryStatus.Repeat, DoubleEntry.Decide(entries, "bakyt", "y"));
        List<EntryRecord> agreed = [.. entries, E("bakyt", "x", EntryStatus.Mismatch)];
        Assert.Equal(EntryStatus.Repeat, DoubleEntry.Decide(agreed, "anna", "x"));
        Assert.Equal(EntryStatus.Matched, DoubleEntry.Decide(agreed, "chynara", "x"));
    }

    [Fact]
    public void An_operator_stands_by_their_latest_entry_only() =>
        Assert.Equal(
            EntryStatus.Mismatch,
            DoubleEntry.Decide([E("anna", "x", EntryStatus.AwaitingSecond), E("anna", "z", EntryStatus.AwaitingSecond)], "bakyt", "x"));

    [Fact]
    public void Nothing_is_recorded_after_the_pair_is_complete() =>
        Assert.Equal(
            EntryStatus.AlreadyMatched,
            DoubleEntry.Decide([E("anna", "x", EntryStatus.AwaitingSecond), E("bakyt", "x", EntryStatus.Matched)], "chynara", "y"));
}
