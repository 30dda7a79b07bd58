using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Storage.Entries;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Double entry's record on both backends: decided under the writer lock, every entry kept, nothing changed after.</summary>
[Collection("stores")]
public class HandEntryStoreTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    private static HandEntry Entry(string op, string hash, string station = "s0001") =>
        new(
            0, new AreaId(station), new ContestId("list"), new SourceId("hand"), 1, op, ImmutableArray.Create((byte)1, (byte)2),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hash))),
            DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), EntryStatus.AwaitingSecond);

    private static Func<IReadOnlyList<HandEntry>, EntryStatus> Rule(HandEntry entry) =>
        earlier => DoubleEntry.Decide(
            [.. earlier.Select(e => new EntryRecord(e.Operator, e.ContentHash, e.Status))], entry.Operator, entry.ContentHash);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Entries_are_decided_in_order_kept_and_never_changed(string backend)
    {
        var address = NewAddress(backend);
        await using var store = await StoreAddress.OpenAsync(address);
        async Task<HandEntry> Enter(HandEntry e) => await store.EnterAsync(e, Rule(e));

        Assert.Equal(EntryStatus.AwaitingSecond, (await Enter(Entry("anna", "a"))).Status);
        Assert.Equal(EntryStatus.Repeat, (await Enter(Entry("anna", "a"))).Status);
        Assert.Equal(EntryStatus.Mismatch, (await Enter(Entry("bakyt", "b"))).Status);
        var settled = await Enter(Entry("supervisor", "a"));
        Assert.Equal(EntryStatus.Matched, settled.Status);
        Assert.True(settled.Sequence > 0);
        Assert.Equal(EntryStatus.AlreadyMatched, (await Enter(Entry("chynara", "c"))).Status);
        Assert.Equal(EntryStatus.AwaitingSecond, (await Enter(Entry("anna", "a", station: "s0002"))).Status);

        var kept = await store.ReadEntriesAsync("s0001");
        Assert.Equal(["anna", "bakyt", "supervisor"], kept.Select(e => e.Operator));
        Assert.Equal([EntryStatus.AwaitingSecond, EntryStatus.Mismatch, EntryStatus.Matched], kept.Select(e => e.Status));
        Assert.Equal(new byte[] { 1, 2 }, kept[0].Canonical);
        Assert.Equal(4, (await store.ReadEntriesAsync()).Count);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, "UPDATE hand_entry SET status = 'matched'"));
        Assert.Contains("append-only", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Operators_typing_at_once_make_exactly_one_pair(string backend)
    {
        await using var store = await StoreAddress.OpenAsync(NewAddress(backend));
        var entries = Enumerable.Range(0, 12).Select(i => Entry($"operator-{i}", "same")).ToList();
        var results = await Task.WhenAll(entries.Select(e => Task.Run(() => store.EnterAsync(e, Rule(e)))));
        Assert.Equal(1, results.Count(r => r.Status == EntryStatus.AwaitingSecond));
        Assert.Equal(1, results.Count(r => r.Status == EntryStatus.Matched));
        Assert.Equal(10, results.Count(r => r.Status == EntryStatus.AlreadyMatched));
        Assert.Equal(2, (await store.ReadEntriesAsync()).Count);
    }
}
