using System.Security.Cryptography;
using Sanoo.Core.Protocols;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage.Access;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>
/// Checkpoints (docs/storage.md): a restart from a good one serves exactly what a full replay serves and replays only the tail;
/// one changed in the database, or whose log was changed under it, is refused with the reason and the whole log is replayed.
/// </summary>
[Collection("stores")]
public class CheckpointTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    public static TheoryData<string, string> Tampering => new()
    {
        { "sqlite", "state" }, { "postgres", "state" },
        { "sqlite", "position" }, { "postgres", "position" },
        { "sqlite", "frontier" }, { "postgres", "frontier" },
        { "sqlite", "correction" }, { "postgres", "correction" },
        { "sqlite", "sender" }, { "postgres", "sender" },
        { "sqlite", "time" }, { "postgres", "time" },
    };

    public static TheoryData<string, string> RegisterTampering => new()
    {
        { "sqlite", "keys" }, { "postgres", "keys" },
        { "sqlite", "record" }, { "postgres", "record" },
        { "sqlite", "deleted" }, { "postgres", "deleted" },
    };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_restart_takes_the_registers_keys_from_the_checkpoint_and_reads_only_the_records_after_it(string backend)
    {
        var (address, seal, log) = await StartAsync(backend);
        var stations = Sample.Hand.Select(p => p.Station).Distinct().Take(6).ToList();
        await using (var other = await StoreAddress.OpenAsync(address))
        {
            foreach (var station in stations.Take(4))
            {
                await other.EnrolDeviceAsync(new DeviceKey(station, RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
            }
            await other.EnrolDeviceAsync(new DeviceKey(stations[0], RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
            await other.RevokeDeviceAsync(stations[1], "stolen", "admin");
            await log.SubmitAsync([.. Sample.Hand.Take(50).Select(p => Submit(p))]); // the writer reads the register first
            Assert.Equal(50, await log.WriteCheckpointAsync());
            var covered = log.RegisterSize;
            Assert.Equal(7, covered); // the definition, five enrolments, a revocation
            await other.EnrolDeviceAsync(new DeviceKey(stations[4], RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
            await other.RevokeDeviceAsync(stations[2], "lost", "admin");
            await other.EnrolDeviceAsync(new DeviceKey(stations[1], RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
            await log.SubmitAsync([.. Sample.Hand.Skip(50).Take(10).Select(p => Submit(p))]);
        }
        var roots = await log.RootsAsync();
        await CloseAsync(log); // a clean shutdown keeps a checkpoint at the end: start from the one at 50
        seal.Kept = seal.History.Single(s => s.Position == 50);

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(new CheckpointUse(50, null) { RegisterSize = 7 }, reopened.Checkpoint);
        var full = await OpenAsync(address, seal, fullReplay: true);
        Assert.Equal(0, full.Checkpoint.RegisterSize);
        foreach (var restarted in new[] { reopened, full })
        {
            var restartedRoots = await restarted.RootsAsync();
            Assert.Equal(roots.RegisterSize, restartedRoots.RegisterSize);
            Assert.Equal(roots.RegisterRoot, restartedRoots.RegisterRoot);
        }
        foreach (var station in stations)
        {
            var (adopted, replayed) = (new byte[32], new byte[32]);
            Assert.Equal(full.TryGetDeviceKey(station.Value, replayed), reopened.TryGetDeviceKey(station.Value, adopted));
            Assert.Equal(replayed, adopted);
            Assert.Equal(full.IsDeviceKeyRevoked(station.Value), reopened.IsDeviceKeyRevoked(station.Value));
        }
        Assert.True(reopened.IsDeviceKeyRevoked(stations[2].Value));
        Assert.False(reopened.TryGetDeviceKey(stations[5].Value, new byte[32]));
        var check = await reopened.CheckStoreAsync(null);
        Assert.True(check.Sound, check.Summary);
        await CloseAsync(full);
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_operator_revoked_before_the_checkpoint_a_restart_starts_from_stays_revoked(string backend)
    {
        var (address, seal, log) = await StartAsync(backend);
        await log.Store.AddOperatorAsync(new Operator("dec", OperatorRole.Admin, null, SHA256.HashData("token-dec"u8)));
        var revoked = await log.RevokeOperatorAsync("dec", "the token leaked", "chair");
        await log.SubmitAsync([.. Sample.Hand.Take(50).Select(p => Submit(p))]);
        Assert.Equal(50, await log.WriteCheckpointAsync());
        await CloseAsync(log);
        seal.Kept = seal.History.Single(s => s.Position == 50);

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(3, reopened.Checkpoint.RegisterSize); // the definition, the enrolment and the revocation, adopted unread
        var refused = await Assert.ThrowsAsync<OperatorRevokedException>(() => reopened.SubmitAsync(Submit(Sample.Hand[60], "operator:dec")));
        Assert.Equal(revoked.Sequence, refused.RevokedBy);
        Assert.Equal(50, reopened.Position);
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_witness_revoked_before_the_checkpoint_a_restart_starts_from_stays_revoked(string backend)
    {
        var (address, seal, log) = await StartAsync(backend);
        await log.EnrolWitnessAsync(new Witness("Taza Shailoo", RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "chair"));
        var revoked = await log.RevokeWitnessAsync("Taza Shailoo", "the mission's key leaked", "chair");
        await log.SubmitAsync([.. Sample.Hand.Take(50).Select(p => Submit(p))]);
        Assert.Equal(50, await log.WriteCheckpointAsync());
        await CloseAsync(log);
        seal.Kept = seal.History.Single(s => s.Position == 50);

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(3, reopened.Checkpoint.RegisterSize); // the definition, the enrolment and the revocation, adopted unread
        Assert.Equal(revoked.Sequence, reopened.WitnessRevokedBy("Taza Shailoo"));
        Assert.Equal(1, reopened.WitnessesRevoked);
        await CloseAsync(reopened);
    }

    public static TheoryData<string, string> Relabelling => new()
    {
        { "sqlite", "revocation" }, { "postgres", "revocation" },
        { "sqlite", "as-operator" }, { "postgres", "as-operator" },
        { "sqlite", "station" }, { "postgres", "station" },
    };

    [Theory]
    [MemberData(nameof(Relabelling))]
    public async Task A_register_row_relabelled_under_the_checkpoint_refuses_it_and_the_start_naming_the_row(string backend, string relabel)
    {
        var (address, seal, log) = await StartAsync(backend);
        var station = Sample.Hand[0].Station;
        await log.Store.EnrolDeviceAsync(new DeviceKey(station, RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
        await log.Store.AddOperatorAsync(new Operator("dec", OperatorRole.Admin, null, SHA256.HashData("token-dec"u8)));
        var revoked = await log.RevokeOperatorAsync("dec", "the token leaked", "chair");
        await log.SubmitAsync([.. Sample.Hand.Take(50).Select(p => Submit(p))]);
        Assert.Equal(50, await log.WriteCheckpointAsync());
        await CloseAsync(log);
        seal.Kept = seal.History.Single(s => s.Position == 50);
        // Record 2 is the device key, 3 the operator, 4 the revocation: hidden as a witness, a key filed as an operator, or a key
        // filed under another station (where a revocation of its own station's key would not find it).
        var (sequence, sql) = relabel switch
        {
            "revocation" => (revoked.Sequence, $"UPDATE register SET kind = 'witness' WHERE seq = {revoked.Sequence}"),
            "as-operator" => (2L, "UPDATE register SET kind = 'operator', station = NULL WHERE seq = 2"),
            _ => (2L, $"UPDATE register SET station = '{Sample.Hand.First(p => p.Station != station).Station}' WHERE seq = 2"),
        };
        await TamperAsync(address, sql);

        var refused = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(address, seal));
        Assert.Contains($"register record {sequence} says it is ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("its row was moved or relabelled", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_of_the_register_columns_is_the_same_however_the_records_come_and_names_what_differs()
    {
        var (one, other, relabelled) = (new RegisterColumns(), new RegisterColumns(), new RegisterColumns());
        for (var i = 0; i < (2 * RegisterColumns.RecordsPerLink) + 7; i++)
        {
            one.Add(i % 3 == 0 ? "operator" : "device-key", i % 3 == 0 ? null : $"s{i}");
            other.Add(i % 3 == 0 ? "operator" : "device-key", i % 3 == 0 ? null : $"s{i}");
            relabelled.Add(i == 5000 ? "witness" : i % 3 == 0 ? "operator" : "device-key", i % 3 == 0 ? null : $"s{i}");
            if (i == RegisterColumns.RecordsPerLink)
            {
                Assert.Equal(one.Digest(), other.Digest()); // asked between links, as a checkpoint does
            }
        }
        Assert.Equal(one.Digest(), other.Digest());
        Assert.NotEqual(one.Digest(), relabelled.Digest());
        Assert.Equal((2 * RegisterColumns.RecordsPerLink) + 7, one.Count);
    }

    [Theory]
    [MemberData(nameof(RegisterTampering))]
    public async Task A_register_changed_under_its_checkpoint_is_refused_and_read_whole(string backend, string tampering)
    {
        var (address, seal, log) = await StartAsync(backend);
        var stations = Sample.Hand.Select(p => p.Station).Distinct().Take(3).ToList();
        await using (var other = await StoreAddress.OpenAsync(address))
        {
            foreach (var station in stations)
            {
                await other.EnrolDeviceAsync(new DeviceKey(station, RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "admin"));
            }
        }
        await log.SubmitAsync([.. Sample.Hand.Take(20).Select(p => Submit(p))]);
        var expected = await log.FreezeAsync();
        var roots = await log.RootsAsync();
        await CloseAsync(log);
        var n = seal.Kept!.Position;
        var row = await ReadCheckpointAsync(address, n);
        var changed = (byte[])row.State.Clone();
        var part = TrustedCheckpoint.DigestLength + CheckpointLeaves.Magic.Length + 8 + (int)(n * 32); // after the digest and leaves
        changed[part + 200] ^= 1; // a byte of the third key (the part's keys start at 110, 36 bytes each)
        var forgedKey = RandomNumberGenerator.GetBytes(32);
        var last = (DeviceKeyRecord)RegisterRecord.Decode((await ReadRegisterAsync(address))[^1].Record.AsSpan());
        var rewritten = (last with { PublicKey = [.. forgedKey] }).Encode();
        await TamperAsync(address, tampering switch
        {
            "keys" => $"UPDATE checkpoint SET state = {Bytes(backend, changed)} WHERE position = {n}",
            "record" => $"UPDATE register SET record = {Bytes(backend, rewritten)} WHERE seq = {last.Sequence}",
            _ => $"DELETE FROM register WHERE seq = {last.Sequence}",
        });

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(new CheckpointUse(0, reopened.Checkpoint.Refusal), reopened.Checkpoint);
        Assert.Contains(tampering switch
        {
            "keys" => "does not hash to the hash its signed statement names",
            "record" => "register's first 4 records no longer hash to the root the checkpoint sealed",
            _ => "the register holds 3 records, fewer than the 4 its checkpoint covers",
        }, reopened.Checkpoint.Refusal, StringComparison.Ordinal);
        Assert.True((await reopened.FreezeAsync()).SameNumbersAs(expected));
        var key = new byte[32];
        var held = reopened.TryGetDeviceKey(last.StationId, key); // as the register now reads, replayed whole
        Assert.Equal(tampering != "deleted", held);
        Assert.Equal(tampering == "record", key.AsSpan().SequenceEqual(forgedKey));
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_restart_from_a_checkpoint_serves_what_a_full_replay_serves_and_replays_the_tail(string backend)
    {
        var (address, seal, log) = await StartAsync(backend);
        await log.SubmitAsync([.. Sample.Hand.Take(99).Select(p => Submit(p))]);
        Assert.Null(seal.Kept); // fewer than the interval (100)
        await log.SubmitAsync(Submit(Sample.Hand[99]));
        Assert.Equal(0, await log.WriteCheckpointAsync()); // nothing new to write: it waited for the one the writer kept at 100
        Assert.Equal(100, seal.Kept?.Position);
        await log.SubmitAsync([.. Sample.Hand.Skip(100).Take(100).Select(p => Submit(p))]);
        await log.WriteCheckpointAsync();
        Assert.Equal(200, seal.Kept?.Position);
        var atCheckpoint = seal.Kept;
        await log.SubmitAsync([.. Tail().Select(p => Submit(p))]);
        var expected = await log.FreezeAsync();
        var head = await log.TreeHeadAsync();
        Assert.NotEmpty(log.Uncounted);
        await CloseAsync(log);
        Assert.Equal(head.Size, seal.Kept?.Position); // and at a clean shutdown

        seal.Kept = atCheckpoint; // the checkpoint at 200 is sealed: every entry after it is a tail to replay
        var reopened = await OpenAsync(address, seal);
        Assert.Equal(new CheckpointUse(200, null) { RegisterSize = 1 }, reopened.Checkpoint); // the definition's record
        var full = await OpenAsync(address, seal, fullReplay: true);
        Assert.Equal(CheckpointUse.None, full.Checkpoint);
        foreach (var restarted in new[] { reopened, full })
        {
            var snapshot = await restarted.FreezeAsync();
            Assert.True(snapshot.IsPublishable, string.Join("; ", snapshot.InvariantViolations));
            Assert.True(snapshot.SameNumbersAs(expected));
            Assert.Equal(head.Size, snapshot.Position);
            Assert.Equal(head.Root, (await restarted.TreeHeadAsync()).Root);
        }
        Assert.Equal(full.CurrentProtocols(), reopened.CurrentProtocols());
        Assert.Equal(full.Counted.Select(v => (v.Position, v.ReceivedAt, v.Protocol, v.Superseded)),
            reopened.Counted.Select(v => (v.Position, v.ReceivedAt, v.Protocol, v.Superseded)));
        Assert.Equal(full.Uncounted.Select(e => e.Sequence), reopened.Uncounted.Select(e => e.Sequence));
        Assert.Equal(full.FlaggedEntries.Select(e => e.Sequence), reopened.FlaggedEntries.Select(e => e.Sequence));
        var check = await reopened.CheckStoreAsync(null);
        Assert.True(check.Sound, check.Summary);
        Assert.Equal(head.Size - 200, check.Entries); // the entries after the checkpoint
        var retry = await reopened.SubmitAsync(Submit(Sample.Hand[3])); // adopted, not replayed: still found by its hash
        Assert.Equal(4, retry.Sequence);
        await CloseAsync(full);
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_checkpoint_changed_in_the_database_is_refused_and_the_whole_log_replayed(string backend, string tampering)
    {
        var (address, seal, log) = await StartAsync(backend);
        await log.SubmitAsync([.. Sample.Hand.Take(60).Select(p => Submit(p))]);
        await log.SubmitAsync([.. Tail().Select(p => Submit(p))]);
        var expected = await log.FreezeAsync();
        var roots = await log.RootsAsync();
        await CloseAsync(log);
        var n = seal.Kept!.Position;
        var row = await ReadCheckpointAsync(address, n);
        var changed = (byte[])row.State.Clone();
        changed[^1] ^= 1; // the last area's flagged count
        var forged = SHA256.HashData(changed);
        await TamperAsync(address, tampering switch
        {
            "state" => $"UPDATE checkpoint SET state = {Bytes(backend, changed)}, state_sha256 = {Bytes(backend, forged)} WHERE position = {n}",
            "position" => $"UPDATE checkpoint SET position = {n - 1} WHERE position = {n}",
            "frontier" => $"UPDATE checkpoint SET frontier = {Bytes(backend, [.. row.Frontier.Reverse()])} WHERE position = {n}",
            // What only a leaf binds: no longer hashed again at a restart from the checkpoint, which keeps the leaves.
            "sender" => "UPDATE protocol_version SET sender = 'operator:forged' WHERE seq = 5",
            "time" => "UPDATE protocol_version SET received_at = received_at + 1 WHERE seq = 7",
            _ => "UPDATE protocol_version SET correction_reason = 'forged' WHERE seq = 61", // the correction (Tail)
        });

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(0, reopened.Checkpoint.Position);
        Assert.Contains(tampering switch
        {
            "state" => "does not hash to the hash its signed statement names",
            "position" => $"holds no checkpoint at log position {n:N0}",
            "frontier" => "frontier",
            _ => $"the rows stored for the first {n:N0} entries",
        }, reopened.Checkpoint.Refusal, StringComparison.Ordinal);
        var snapshot = await reopened.FreezeAsync();
        Assert.True(snapshot.SameNumbersAs(expected)); // a correction's reason, a sender, a time are no number: counted the same
        // A row's leaf column changed is seen by the whole replay: its tree no longer has the root the server signed.
        Assert.Equal(tampering is "sender" or "time", !(await reopened.RootsAsync()).Root.AsSpan().SequenceEqual(roots.Root));
        var check = await reopened.CheckStoreAsync(null);
        Assert.Equal(n, check.Entries);
        if (tampering != "sender" && tampering != "time")
        {
            Assert.Equal(tampering != "correction", check.Sound); // the changed row is found by the whole check
        }
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Leaf_hashes_kept_with_a_checkpoint_are_believed_only_when_they_give_its_signed_root(string backend)
    {
        var (address, seal, log) = await StartAsync(backend);
        await log.SubmitAsync([.. Sample.Hand.Take(60).Select(p => Submit(p))]);
        var expected = await log.FreezeAsync();
        var roots = await log.RootsAsync();
        await CloseAsync(log);
        var statement = seal.Kept!;
        var row = await ReadCheckpointAsync(address, statement.Position);
        var leaves = CheckpointLeaves.Magic.Length + 8 + TrustedCheckpoint.DigestLength; // where the leaf hashes begin
        var kept = new Core.Transparency.MerkleTree();
        for (var i = 0; i < statement.Position; i++)
        {
            kept.Append(row.State.AsSpan(leaves + (i * 32), 32));
        }
        Assert.Equal(roots.Size, statement.Position);
        Assert.Equal(roots.Root, kept.Root(kept.Size)); // the state keeps the log's leaf hashes as they are
        var changed = (byte[])row.State.Clone();
        changed[leaves + (2 * 32)] ^= 1; // entry 3's leaf hash
        var forged = SHA256.HashData(changed);
        await TamperAsync(address, $"UPDATE checkpoint SET state = {Bytes(backend, changed)}, state_sha256 = {Bytes(backend, forged)} "
            + $"WHERE position = {statement.Position}");
        // Even a statement that names the changed state (a seal forged with the key) keeps the root the leaves must give.
        seal.Kept = statement with { StateSha256 = forged };

        var reopened = await OpenAsync(address, seal);
        Assert.Equal(0, reopened.Checkpoint.Position);
        Assert.Contains("leaf hashes the checkpoint keeps", reopened.Checkpoint.Refusal, StringComparison.Ordinal);
        Assert.True((await reopened.FreezeAsync()).SameNumbersAs(expected));
        Assert.Equal(roots.Root, (await reopened.RootsAsync()).Root); // the whole log replayed, its leaves hashed from the rows
        await CloseAsync(reopened);
    }

    /// <summary>A correction (a second version), a conflict with it and a stale first version: entries of every outcome.</summary>
    private static IEnumerable<Protocol> Tail()
    {
        var corrected = Sample.Hand[0] with { Version = 2, Correction = new Correction("recounted", "commission") };
        yield return corrected;
        yield return corrected with { Correction = new Correction("recounted again", "commission") };
        yield return Sample.Hand[0] with { Lines = [.. Sample.Hand[0].Lines.Select(v => v + 1)] };
        foreach (var protocol in Sample.Hand.Skip(200).Take(40))
        {
            yield return protocol;
        }
    }

    /// <summary>A new store opened with checkpoints kept in memory, and checked (only a checked store is checkpointed).</summary>
    private async Task<(string Address, KeptSeal Seal, ElectionLog Log)> StartAsync(string backend)
    {
        var address = NewAddress(backend);
        var seal = new KeptSeal();
        var log = await OpenAsync(address, seal);
        Assert.True((await log.CheckStoreAsync(null)).Sound);
        return (address, seal, log);
    }

    private static async Task<ElectionLog> OpenAsync(string address, ICheckpointSeal seal, bool fullReplay = false)
    {
        var store = await StoreAddress.OpenAsync(address);
        return await ElectionLog.OpenAsync(
            store, Sample.DefinitionJson, checkpoints: new CheckpointOptions(seal) { Interval = 100, FullReplay = fullReplay });
    }

    private static async Task<Checkpoints.StoredCheckpoint> ReadCheckpointAsync(string address, long position)
    {
        await using var store = await StoreAddress.OpenAsync(address);
        return (await store.ReadCheckpointAsync(position))!;
    }

    private static async Task<IReadOnlyList<Register.RegisterRow>> ReadRegisterAsync(string address)
    {
        await using var store = await StoreAddress.OpenAsync(address);
        return await store.ReadRegisterAsync(0);
    }

    private static Task TamperAsync(string address, string sql) => RawSql.ExecuteAsync(
        address,
        address.StartsWith("sqlite:", StringComparison.Ordinal)
            ? "DROP TRIGGER IF EXISTS checkpoint_append_only_update; DROP TRIGGER IF EXISTS protocol_version_append_only_update; "
                + "DROP TRIGGER IF EXISTS register_append_only_update; DROP TRIGGER IF EXISTS register_append_only_delete; " + sql
            : "DROP TRIGGER IF EXISTS checkpoint_append_only ON checkpoint; "
                + "DROP TRIGGER IF EXISTS protocol_version_append_only ON protocol_version; "
                + "DROP TRIGGER IF EXISTS register_append_only ON register; " + sql);

    private static string Bytes(string backend, byte[] bytes) =>
        backend == "sqlite" ? $"X'{Convert.ToHexString(bytes)}'" : $"'\\x{Convert.ToHexString(bytes)}'::bytea";

    /// <summary>A seal kept in memory: what the server keeps signed in a file, without the signature (CheckpointSealFileTests has it).</summary>
    private sealed class KeptSeal : ICheckpointSeal
    {
        public CheckpointStatement? Kept { get; set; }

        public List<CheckpointStatement> History { get; } = [];

        public bool CanSign => true;

        public Task<(CheckpointStatement? Statement, string? Refusal)> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<(CheckpointStatement?, string?)>((Kept, null));

        public Task KeepAsync(CheckpointStatement statement, CancellationToken cancellationToken)
        {
            Kept = statement;
            History.Add(statement);
            return Task.CompletedTask;
        }
    }
}
