using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Log;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>The store's contract, run against SQLite and a real PostgreSQL alike.</summary>
[Collection("stores")]
public class StoreContractTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Theory]
    [MemberData(nameof(Backends))]
    public async Task The_definition_is_stored_on_first_use_and_another_is_refused(string backend)
    {
        var address = NewAddress(backend);
        var empty = await StoreAddress.OpenAsync(address);
        var missing = await Assert.ThrowsAsync<StoreException>(() => ElectionLog.OpenAsync(empty, null));
        Assert.Contains("holds no election yet", missing.Message, StringComparison.Ordinal);
        await empty.DisposeAsync();

        await CloseAsync(await OpenLogAsync(address));
        var reopened = await OpenLogAsync(address, withDefinition: false);
        Assert.Equal("kg-2021", reopened.Election.Id.Value);
        await CloseAsync(reopened);

        var store = await StoreAddress.OpenAsync(address);
        var other = Kg2021Generator.Generate(seed: 5).DefinitionJson;
        var refused = await Assert.ThrowsAsync<StoreException>(() => ElectionLog.OpenAsync(store, other));
        Assert.Contains("already holds a different definition of election 'kg-2021'", refused.Message, StringComparison.Ordinal);
        await store.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task What_was_acknowledged_is_there_after_a_reopen_and_the_rebuild_equals_the_tally_served_before(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        var protocols = Sample.Hand.Take(700).Concat(Sample.Machine.Take(300)).ToList();
        var receipts = await log.SubmitAsync([.. protocols.Select(p => Submit(p))]);
        Assert.All(receipts, r => Assert.Equal(ReceiptOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), receipts.Select(r => r.Sequence));
        var before = await log.FreezeAsync();
        await CloseAsync(log);

        var reopened = await OpenLogAsync(address, withDefinition: false);
        var after = await reopened.FreezeAsync();
        Assert.Equal(1000, after.Position);
        Assert.True(before.SameNumbersAs(after));
        Assert.True(after.SameNumbersAs(TallyEngine.Rebuild(reopened.Election, protocols).Freeze()));
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_identical_retry_gets_the_original_receipt_and_is_counted_once(string backend)
    {
        var log = await OpenLogAsync(NewAddress(backend));
        var protocol = Sample.Hand[0];
        var first = await log.SubmitAsync(Submit(protocol));
        var again = await log.SubmitAsync(Submit(protocol with { }, "another-device"));
        Assert.Equal(ReceiptOutcome.Accepted, first.Outcome);
        Assert.Equal(ReceiptOutcome.Duplicate, again.Outcome);
        Assert.Equal(StoredOutcome.Accepted, Assert.IsType<Receipt.Duplicate>(again).Original);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal(first.ReceivedAt, again.ReceivedAt);
        var second = Sample.Hand.First(p => p.Contest == protocol.Contest && p.Station != protocol.Station);
        var sameBatch = await log.SubmitAsync([Submit(second), Submit(second)]);
        Assert.Equal([ReceiptOutcome.Accepted, ReceiptOutcome.Duplicate], sameBatch.Select(r => r.Outcome));
        Assert.Equal(2, log.Position);
        var snapshot = await log.FreezeAsync();
        Assert.Equal(2, snapshot.Tally(protocol.Contest, protocol.Source, new AreaId("kg"))!.StationsReporting);
        await CloseAsync(log);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Conflicts_stale_versions_and_rejected_protocols_are_stored_never_counted(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        var original = Sample.Hand[0];
        var corrected = original with
        {
            Version = 2,
            Votes = original.Votes.SetItem(0, original.Votes[0] - 1).SetItem(1, original.Votes[1] + 1),
            Correction = new Correction("recount", "DEC 1"),
        };
        var conflicting = corrected with { Votes = corrected.Votes.SetItem(2, corrected.Votes[2] + 1).SetItem(1, corrected.Votes[1] - 1) };
        var inflated = Sample.Hand[5] with { Votes = Sample.Hand[5].Votes.SetItem(0, Sample.Hand[5].Votes[0] + 100) };
        var receipts = await log.SubmitAsync(
            [Submit(original), Submit(corrected), Submit(conflicting), Submit(original with { Version = 1 }), Submit(inflated)]);
        Assert.Equal(
            [ReceiptOutcome.Accepted, ReceiptOutcome.Accepted, ReceiptOutcome.Conflict, ReceiptOutcome.Duplicate, ReceiptOutcome.Rejected],
            receipts.Select(r => r.Outcome));
        var stale = await log.SubmitAsync(Submit(original with
        {
            Version = 1,
            Votes = original.Votes.SetItem(0, original.Votes[0] - 1).SetItem(2, original.Votes[2] + 1),
        }));
        Assert.Equal(ReceiptOutcome.Stale, stale.Outcome);
        Assert.Equal("valid_equals_votes", Assert.Single(receipts[4].Violations).Relation.Value);
        var counted = await log.FreezeAsync();
        await CloseAsync(log);

        var store = await StoreAddress.OpenAsync(address);
        var entries = await store.ReadAsync(0, withCanonical: true).ToListAsync();
        Assert.Equal(
            [StoredOutcome.Accepted, StoredOutcome.Accepted, StoredOutcome.Conflict, StoredOutcome.Rejected, StoredOutcome.Stale],
            entries.Select(e => e.Outcome));
        Assert.Contains("valid_equals_votes", entries[3].Violations, StringComparison.Ordinal);
        Assert.Equal("recount", entries[1].CorrectionReason);
        await store.DisposeAsync();
        var reopened = await OpenLogAsync(address, withDefinition: false);
        Assert.True(counted.SameNumbersAs(await reopened.FreezeAsync()));
        Assert.Equal(2, reopened.Current(original.Station, original.Contest, original.Source)!.Version);
        Assert.Null(reopened.Current(inflated.Station, inflated.Contest, inflated.Source));
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Every_entry_keeps_its_canonical_bytes_their_hash_sender_and_time(string backend)
    {
        var time = new FixedTime(new DateTimeOffset(2021, 11, 28, 20, 15, 0, TimeSpan.Zero));
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address, time: time);
        await log.SubmitAsync([Submit(Sample.Machine[0], "device:s0001"), Submit(Sample.Hand[0], "operator:dec-01")]);
        await CloseAsync(log);
        var store = await StoreAddress.OpenAsync(address);
        var entries = await store.ReadAsync(0, withCanonical: true).ToListAsync();
        Assert.Equal(["device:s0001", "operator:dec-01"], entries.Select(e => e.Sender));
        Assert.All(entries, e =>
        {
            Assert.Equal(SHA256.HashData(e.Canonical.AsSpan()), e.ContentHash.AsSpan().ToArray());
            Assert.Equal(time.GetUtcNow(), e.ReceivedAt);
        });
        Assert.Equal(
            Sample.Machine[0],
            Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(Sample.Election, entries[0].Canonical.AsMemory())).Protocol);
        Assert.Equal(entries[1].Sequence, (await store.FindAsync(entries[1].ContentHash.AsMemory()))!.Sequence);
        var station = await store.ReadStationAsync(Sample.Hand[0].Station.Value);
        Assert.Equal(entries.Select(e => e.Sequence), station.Select(e => e.Sequence));
        Assert.Empty(await store.ReadStationAsync("s9999"));
        await store.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_page_of_entries_is_the_entries_after_a_place_up_to_its_limit_as_the_whole_log_has_them(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        await log.SubmitAsync([.. Sample.Hand.Take(40).Select(p => Submit(p))]);
        await CloseAsync(log);
        var store = await StoreAddress.OpenAsync(address);
        var whole = await store.ReadAsync(0, withCanonical: true).ToListAsync();
        Assert.Equal(40, whole.Count);
        var page = await store.ReadPageAsync(10, 7);
        Assert.Equal(Enumerable.Range(11, 7).Select(i => (long)i), page.Select(e => e.Sequence));
        Assert.Equal(whole.Skip(10).Take(7).Select(e => e.Canonical.ToArray()), page.Select(e => e.Canonical.ToArray()));
        Assert.Equal([39L, 40L], (await store.ReadPageAsync(38, 7)).Select(e => e.Sequence));
        Assert.Empty(await store.ReadPageAsync(40, 7));
        await store.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Many_concurrent_writers_on_the_same_stations_never_count_twice(string backend)
    {
        var log = await OpenLogAsync(NewAddress(backend));
        var stations = Sample.Hand.Where(p => p.Contest.Value == "list").Take(40).ToList();
        var variants = stations.SelectMany(p => new[]
        {
            p,
            p with
            {
                Version = 2,
                Correction = new Correction("recount", "DEC"),
                Votes = p.Votes.SetItem(0, p.Votes[0] - 1).SetItem(1, p.Votes[1] + 1),
            },
            p with { Votes = p.Votes.SetItem(0, p.Votes[0] - 1).SetItem(2, p.Votes[2] + 1) },
        }).ToList();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var mine = Enumerable.Range(0, 120).Select(_ => variants[random.Next(variants.Count)]).ToList();
            var receipts = new List<Receipt>();
            foreach (var chunk in mine.Chunk(random.Next(1, 20)))
            {
                receipts.AddRange(await log.SubmitAsync([.. chunk.Select(p => Submit(p, $"writer-{w}"))]));
            }
            return receipts;
        })).ToList();
        var all = (await Task.WhenAll(writers)).SelectMany(r => r).ToList();
        var stored = await log.Store.ReadAsync(0).ToListAsync();
        Assert.Equal(stored.Count, stored.Select(e => Convert.ToHexString(e.ContentHash.AsSpan())).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.Sequence));
        Assert.Equal(stored.Count, all.Count(r => r.Outcome != ReceiptOutcome.Duplicate));
        var replayed = stored.Select(e => new Protocol(Sample.Election.Id, e.Station, e.Contest, e.Source, e.Version,
            e.Figures[..11], e.Figures[11..], e.CorrectionReason is null ? null : new Correction(e.CorrectionReason, e.CorrectionAuthor!)));
        var reference = ReferenceTally.Counted(Sample.Election, replayed);
        Assert.Equal(reference.Values.OrderBy(p => p.Station.Value), log.CurrentProtocols().OrderBy(p => p.Station.Value));
        var snapshot = await log.FreezeAsync();
        Assert.True(snapshot.IsPublishable);
        Assert.Equal(reference.Count, snapshot.Tally(new ContestId("list"), new SourceId("hand"), new AreaId("kg"))!.StationsReporting);
        await CloseAsync(log);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Two_servers_on_one_store_write_in_one_order_and_agree(string backend)
    {
        var address = NewAddress(backend);
        var a = await OpenLogAsync(address);
        var b = await OpenLogAsync(address, withDefinition: false);
        var left = Sample.Hand.Take(600).ToList();
        var right = Sample.Hand.Skip(300).Take(600).ToList();
        var both = await Task.WhenAll(
            Task.Run(async () => await Task.WhenAll(left.Chunk(50).Select(c => a.SubmitAsync([.. c.Select(p => Submit(p, "a"))])))),
            Task.Run(async () => await Task.WhenAll(right.Chunk(50).Select(c => b.SubmitAsync([.. c.Select(p => Submit(p, "b"))])))));
        var duplicates = both.SelectMany(x => x).SelectMany(x => x).Count(r => r.Outcome == ReceiptOutcome.Duplicate);
        Assert.Equal(300, duplicates);
        await a.CatchUpAsync();
        await b.CatchUpAsync();
        Assert.Equal(900, a.Position);
        Assert.Equal(a.Position, b.Position);
        Assert.True((await a.FreezeAsync()).SameNumbersAs(await b.FreezeAsync()));
        await CloseAsync(a);
        await CloseAsync(b);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task The_database_itself_refuses_to_change_or_delete_a_stored_row(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        await log.SubmitAsync(Submit(Sample.Hand[0]));
        await CloseAsync(log);
        foreach (var sql in new[]
        {
            "UPDATE protocol_version SET outcome = 'rejected'", "DELETE FROM protocol_version",
            "UPDATE election SET id = 'x'", "DELETE FROM election",
        })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, sql));
            Assert.Contains("append-only", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        }
        var reopened = await OpenLogAsync(address, withDefinition: false);
        Assert.Equal(1, reopened.Position);
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_database_of_a_newer_schema_is_refused_untouched(string backend)
    {
        var address = NewAddress(backend);
        await CloseAsync(await OpenLogAsync(address));
        await RawSql.ExecuteAsync(address, "INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
        var error = await Assert.ThrowsAsync<StoreException>(() => StoreAddress.OpenAsync(address));
        Assert.Contains($"has schema version 99, written by a newer Sanoo; this Sanoo knows versions up to {Schema.SchemaScripts.Latest}",
            error.Message, StringComparison.Ordinal);
        Assert.Equal(8, Schema.SchemaScripts.Latest); // 008: checkpoints
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
