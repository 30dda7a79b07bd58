using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Storage.Schema;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Device keys and operators and their revocation, on both backends; and a version-1 database upgraded to version 2.</summary>
[Collection("stores")]
public class AccessStoreTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Device_keys_are_kept_in_order_and_a_reenrolment_adds_a_row(string backend)
    {
        await using var store = await StoreAddress.OpenAsync(NewAddress(backend));
        var first = RandomNumberGenerator.GetBytes(32);
        var second = RandomNumberGenerator.GetBytes(32);
        await store.EnrolDeviceAsync(new DeviceKey(new AreaId("s0001"), first, DateTimeOffset.UnixEpoch, "admin"));
        await store.EnrolDeviceAsync(new DeviceKey(new AreaId("s0002"), second, DateTimeOffset.UnixEpoch, "admin"));
        await store.EnrolDeviceAsync(new DeviceKey(new AreaId("s0001"), second, DateTimeOffset.UnixEpoch, "admin"));
        var keys = await store.ReadDeviceKeysAsync();
        Assert.Equal(["s0001", "s0002", "s0001"], keys.Select(k => k.Station.Value));
        Assert.Equal(second, keys[^1].PublicKey);
        await store.EnrolDevicesAsync([new DeviceKey(new AreaId("s0003"), first, DateTimeOffset.UnixEpoch, "admin"),
            new DeviceKey(new AreaId("s0004"), second, DateTimeOffset.UnixEpoch, "admin")]);
        // only what is new to a reader that saw two
        Assert.Equal(["s0001", "s0003", "s0004"], (await store.ReadDeviceKeysAsync(2)).Select(k => k.Station.Value));
        Assert.Empty(await store.ReadDeviceKeysAsync(5));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.EnrolDeviceAsync(new DeviceKey(new AreaId("s0003"), [1, 2, 3],
            DateTimeOffset.UnixEpoch, "admin")));
        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task The_store_refuses_an_operator_name_that_is_empty_or_holds_markup_or_a_line_break(string backend)
    {
        await using var store = await StoreAddress.OpenAsync(NewAddress(backend));
        foreach (var name in new[] { "", "<script>", "dec\n01", new string('a', 65) })
        {
            var error = await Assert.ThrowsAsync<StoreException>(
                () => store.AddOperatorAsync(new Operator(name, OperatorRole.Admin, null, SHA256.HashData("token"u8))));
            Assert.Contains("An operator's name", error.Message, StringComparison.Ordinal);
        }
        Assert.Empty(await store.ReadOperatorsAsync());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Operators_are_stored_by_token_hash_and_names_are_unique(string backend)
    {
        var address = NewAddress(backend);
        await using var store = await StoreAddress.OpenAsync(address);
        var hash = SHA256.HashData("token-1"u8);
        await store.AddOperatorAsync(new Operator("dec-01-a", OperatorRole.District, new AreaId("d01"), hash));
        await store.AddOperatorAsync(new Operator("cec-admin", OperatorRole.Admin, null, SHA256.HashData("token-2"u8)));
        var operators = await store.ReadOperatorsAsync();
        Assert.Equal(["dec-01-a", "cec-admin"], operators.Select(o => o.Name));
        Assert.Equal(hash, operators[0].TokenHash);
        Assert.Equal(new AreaId("d01"), operators[0].District);
        var duplicate = await Assert.ThrowsAsync<StoreException>(() =>
            store.AddOperatorAsync(new Operator("dec-01-a", OperatorRole.Admin, null, SHA256.HashData("token-3"u8))));
        Assert.Contains("already exists", duplicate.Message, StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, "DELETE FROM register"));
        Assert.Contains("append-only", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_database_is_upgraded_to_version_2_keeping_its_log()
    {
        var address = NewAddress("sqlite");
        var v1 = SchemaScripts.For("sqlite", Sqlite.SqliteDialect.Types).Single(s => s.Version == 1).Sql;
        await RawSql.ExecuteAsync(address, v1 + "; INSERT INTO schema_version (version, applied_at) VALUES (1, 0);");
        var log = await OpenLogAsync(address);
        await log.SubmitAsync(Submit(Sample.Hand[0]));
        await CloseAsync(log);
        await RawSql.ExecuteAsync(address, "SELECT 1");
        await using var store = await StoreAddress.OpenAsync(address);
        Assert.Empty(await store.ReadDeviceKeysAsync());
        Assert.Single(await store.ReadAsync(0).ToListAsync());
    }

    [Fact]
    public async Task A_version_5_database_keeps_its_keys_operators_entries_and_acts_as_register_records_in_the_order_they_were_made()
    {
        var address = NewAddress("sqlite");
        var scripts = SchemaScripts.For("sqlite", Sqlite.SqliteDialect.Types).Where(s => s.Version <= 5).Select(s => s.Sql);
        var definition = Convert.ToHexString(Sample.DefinitionJson);
        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Sample.DefinitionJson));
        var station = Sample.Hand[0].Station.Value;
        var key = Convert.ToHexString(new byte[32]);
        await RawSql.ExecuteAsync(address, string.Join(";\n", scripts) + ";\n"
            + "INSERT INTO schema_version (version, applied_at) VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0);"
            + $"INSERT INTO election VALUES ('{Sample.Election.Id}', x'{definition}', x'{sha}', 1000);"
            + $"INSERT INTO operator VALUES (1, 'anna', 'admin', NULL, x'{key}', 3000);"
            + $"INSERT INTO device_key VALUES (1, '{station}', x'{key}', 2000, 'admin');"
            + $"INSERT INTO recount_order VALUES (1, '{station}', 'list', 'observer complaint', 'anna', 4000);"
            + "INSERT INTO certification VALUES (1, 0, 'The result is certified.', 'anna', 5000);");
        var log = await OpenLogAsync(address, withDefinition: false);
        var rows = await log.RegisterAsync(0);
        Assert.Equal(["definition", "device-key", "operator", "recount-order", "certification"], rows.Select(r => r.Kind));
        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.Sequence));
        Assert.Equal(station, Assert.Single(await log.DeviceKeysAsync()).Station.Value);
        Assert.Equal("anna", Assert.Single(await log.OperatorsAsync()).Name);
        Assert.Equal("observer complaint", Assert.Single((await log.RecountsAsync(log.RegisterSize)).Orders).Reason);
        Assert.True((await log.CheckStoreAsync(null)).Sound);
        await CloseAsync(log);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_revoked_operator_is_no_longer_read_and_nothing_more_is_recorded_or_logged_in_their_name(string backend)
    {
        var log = await OpenLogAsync(NewAddress(backend));
        var store = log.Store;
        var hash = SHA256.HashData("token-dec"u8);
        await store.AddOperatorAsync(new Operator("dec", OperatorRole.District, new AreaId("d01"), hash));
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData("token-cec"u8)));
        var station = Sample.Hand[0];
        var order = new RecountOrder(0, station.Station, station.Contest, "the margin is thin", "dec", DateTimeOffset.UnixEpoch);
        Assert.True((await store.OrderRecountAsync(order)).Recorded);
        await store.RecordRecountOutcomeAsync(new RecountOutcome(0, 1, "confirmed", "dec", DateTimeOffset.UnixEpoch));

        var revoked = await log.RevokeOperatorAsync("dec", "the token leaked", "chair");
        Assert.Equal(hash, revoked.TokenSha256.ToArray());
        Assert.Equal(["cec"], (await log.OperatorsAsync()).Select(o => o.Name));
        var again = await Assert.ThrowsAsync<StoreException>(() => store.RevokeOperatorAsync("dec", "again", "chair"));
        Assert.Contains($"already revoked by register record {revoked.Sequence}", again.Message, StringComparison.Ordinal);
        var nobody = await Assert.ThrowsAsync<StoreException>(() => store.RevokeOperatorAsync("nobody", "x", "chair"));
        Assert.Contains("No operator named 'nobody'", nobody.Message, StringComparison.Ordinal);
        var readd = await Assert.ThrowsAsync<StoreException>(
            () => store.AddOperatorAsync(new Operator("dec", OperatorRole.District, new AreaId("d01"), SHA256.HashData("new"u8))));
        Assert.Contains("already exists", readd.Message, StringComparison.Ordinal);

        // The store refuses their acts under the writer lock, and the log their protocols, whatever a server's cache still says.
        var act = await Assert.ThrowsAsync<OperatorRevokedException>(() => store.OrderRecountAsync(order));
        Assert.Equal((revoked.Sequence, "dec"), (act.RevokedBy, act.Name));
        var size = (await log.RegisterAsync(0)).Count;
        Assert.True((await store.OrderRecountAsync(order with { OrderedBy = "cec" })).Recorded);
        Assert.Equal(size + 1, (await log.RegisterAsync(0)).Count);
        foreach (var sender in new Sender[] { new Sender.Operator("dec"), new Sender.DoubleEntry("cec", "dec"), new Sender.MatchedEntry("dec") })
        {
            var entry = await Assert.ThrowsAsync<OperatorRevokedException>(
                () => log.SubmitAsync(new Submission(station.Checked(Sample.Election), sender)));
            Assert.Contains($"revoked by register record {revoked.Sequence}", entry.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, log.Position);
        Assert.Equal(1, (await log.SubmitAsync(new Submission(station.Checked(Sample.Election), new Sender.Operator("cec")))).Sequence);
        await CloseAsync(log);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_revoked_witness_is_read_with_its_revocation_once_and_never_enrolled_again(string backend)
    {
        var log = await OpenLogAsync(NewAddress(backend));
        var store = log.Store;
        var key = RandomNumberGenerator.GetBytes(32);
        await log.EnrolWitnessAsync(new Witness("Taza Shailoo", key, DateTimeOffset.UnixEpoch, "chair"));
        await log.EnrolWitnessAsync(new Witness("Newsroom", RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "chair"));
        Assert.Null(log.WitnessRevokedBy("Taza Shailoo"));

        var revoked = await log.RevokeWitnessAsync("Taza Shailoo", "the mission's key leaked", "chair");
        Assert.Equal(key, revoked.PublicKey.ToArray());
        Assert.Equal(revoked.Sequence, log.WitnessRevokedBy("Taza Shailoo")); // the log read it at once
        Assert.Equal((1, (long?)null), (log.WitnessesRevoked, log.WitnessRevokedBy("Newsroom")));
        Assert.Equal([revoked.Sequence, null], (await log.WitnessesAsync()).Select(w => w.RevokedBy));
        var again = await Assert.ThrowsAsync<StoreException>(() => store.RevokeWitnessAsync("Taza Shailoo", "again", "chair"));
        Assert.Contains($"already revoked by register record {revoked.Sequence}", again.Message, StringComparison.Ordinal);
        var nobody = await Assert.ThrowsAsync<StoreException>(() => store.RevokeWitnessAsync("nobody", "x", "chair"));
        Assert.Contains("No witness named 'nobody'", nobody.Message, StringComparison.Ordinal);
        var reenrol = await Assert.ThrowsAsync<StoreException>(
            () => store.EnrolWitnessAsync(new Witness("Taza Shailoo", RandomNumberGenerator.GetBytes(32), DateTimeOffset.UnixEpoch, "chair")));
        Assert.Contains("already enrolled", reenrol.Message, StringComparison.Ordinal);
        Assert.True((await log.CheckStoreAsync(null)).Sound);
        await CloseAsync(log);
    }
}
