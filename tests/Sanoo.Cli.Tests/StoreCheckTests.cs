using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Log;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The server checks its own store before it serves: an insider who changes the database while it
/// is down (figures only, a deleted, re-timed or swapped row, the definition) finds it refusing to
/// start, naming what changed; <c>sanoo store check</c> says the same on demand.
/// </summary>
public sealed class StoreCheckTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-store-check-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private string HeadFile => Db + ".tree-head.json";

    private Task<(ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> StartAsync(bool giveDefinition = true) =>
        TamperDrill.StartAsync(
            Db,
            giveDefinition ? Sample.DefinitionJson : null,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), TreeHeadFile = HeadFile },
            _commission);

    private static Task StopAsync(ElectionLog log, Microsoft.AspNetCore.Builder.WebApplication app) => TamperDrill.StopAsync(log, app);

    /// <summary>An honest night: 300 protocols, published, the head kept; then the server stops.</summary>
    private async Task RunHonestlyAsync()
    {
        var (log, app) = await StartAsync();
        await log.SubmitAsync([.. Sample.Hand.Take(300).Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/tree-head")).GetProperty("treeSize").GetInt64() < 300)
        {
            await Task.Delay(20);
        }
        await StopAsync(log, app);
        Assert.True(File.Exists(HeadFile), "the signed head is kept beside the store");
    }

    private void Tamper(string sql) => TamperDrill.Tamper(Db, sql);

    private async Task<string> RefusalAsync(bool giveDefinition = true) =>
        (await Assert.ThrowsAsync<StoreException>(() => StartAsync(giveDefinition))).Message;

    [Fact]
    public async Task An_untouched_store_starts_again_and_checks_sound()
    {
        await RunHonestlyAsync();
        var (log, app) = await StartAsync();
        await StopAsync(log, app);
        var (code, output) = CliRun.Sanoo("store", "check", "--db", $"sqlite:{Db}");
        Assert.True(code == 0, output);
        Assert.Contains("SOUND", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_moved_in_the_counting_column_alone_are_refused_naming_the_entry()
    {
        await RunHonestlyAsync();
        var entry = Sample.Hand[2];
        var moved = entry.Votes.SetItem(0, entry.Votes[0] - 5).SetItem(1, entry.Votes[1] + 5);
        Tamper($"UPDATE protocol_version SET figures = x'{Convert.ToHexString(Figures.Encode(entry.Lines.AsSpan(), moved.AsSpan()))}' WHERE seq = 3");
        var refusal = await RefusalAsync();
        Assert.Contains("Refusing to serve", refusal, StringComparison.Ordinal);
        Assert.Contains("entry 3 ", refusal, StringComparison.Ordinal);
        Assert.Contains("differ from its signed protocol bytes", refusal, StringComparison.Ordinal);
        var (code, output) = CliRun.Sanoo("store", "check", "--db", $"sqlite:{Db}");
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("DAMAGED", output, StringComparison.Ordinal);
        Assert.Contains("entry 3 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_entry_whose_figures_were_moved_is_named_in_log_order()
    {
        await RunHonestlyAsync();
        foreach (var seq in new[] { 250, 3 })
        {
            var entry = Sample.Hand[seq - 1];
            Assert.NotEqual(entry.Votes[0], entry.Votes[1]);
            var moved = entry.Votes.SetItem(0, entry.Votes[1]).SetItem(1, entry.Votes[0]); // the sums still hold: only the check finds it
            var figures = Convert.ToHexString(Figures.Encode(entry.Lines.AsSpan(), moved.AsSpan()));
            Tamper($"UPDATE protocol_version SET figures = x'{figures}' WHERE seq = {seq}");
        }
        var (code, output) = CliRun.Sanoo("store", "check", "--db", $"sqlite:{Db}");
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var (first, second) = (output.IndexOf("entry 3 ", StringComparison.Ordinal), output.IndexOf("entry 250 ", StringComparison.Ordinal));
        Assert.True(first >= 0 && second > first, output);
    }

    [Fact]
    public async Task A_deleted_last_entry_is_refused()
    {
        await RunHonestlyAsync();
        Tamper("DELETE FROM protocol_version WHERE seq = (SELECT MAX(seq) FROM protocol_version)");
        Assert.Contains("entries were deleted", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_timed_entry_is_refused()
    {
        await RunHonestlyAsync();
        Tamper("UPDATE protocol_version SET received_at = received_at - 3600000 WHERE seq = 5");
        Assert.Contains("no longer hash to the root this server signed", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_swapped_entries_are_refused()
    {
        await RunHonestlyAsync();
        // Swap everything but the position of entries 10 and 11: each row agrees with itself, only the order changed.
        const string columns = "station, contest, source, version, outcome, content_sha256, canonical, figures, "
            + "correction_reason, correction_author, sender, received_at, violations, device_signature";
        Tamper($"CREATE TEMP TABLE swap AS SELECT seq, {columns} FROM protocol_version WHERE seq IN (10, 11); "
            + "UPDATE protocol_version SET content_sha256 = randomblob(32) WHERE seq IN (10, 11); "
            + string.Concat(columns.Split(", ").Select(c =>
                $"UPDATE protocol_version SET {c} = (SELECT {c} FROM swap WHERE swap.seq = 21 - protocol_version.seq) WHERE seq IN (10, 11); ")));
        Assert.Contains("no longer hash to the root this server signed", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_changed_in_the_database_is_refused()
    {
        await RunHonestlyAsync();
        var changed = System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(Sample.DefinitionJson).Replace("\"seats\": 54", "\"seats\": 55", StringComparison.Ordinal));
        Assert.False(changed.AsSpan().SequenceEqual(Sample.DefinitionJson));
        Tamper($"UPDATE election SET definition = x'{Convert.ToHexString(changed)}', "
            + $"definition_sha256 = x'{Convert.ToHexString(SHA256.HashData(changed))}'");
        Assert.Contains("the definition was changed in the database", await RefusalAsync(giveDefinition: false), StringComparison.Ordinal);
    }

    /// <summary>An honest night with a device key enrolled while the server runs: the register's two records are under a signed head.</summary>
    private async Task RunWithKeyAsync()
    {
        var (log, app) = await StartAsync();
        await log.SubmitAsync([.. Sample.Hand.Take(20).Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        await log.Store.EnrolDeviceAsync(new Storage.Access.DeviceKey(new Core.Definitions.AreaId(Sample.Hand[0].Station.Value),
            RandomNumberGenerator.GetBytes(32), DateTimeOffset.UtcNow, "admin")); // recorded at log position 20
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/tree-head")) is var head
            && (head.GetProperty("treeSize").GetInt64() < 20 || head.GetProperty("registerSize").GetInt64() < 2))
        {
            await Task.Delay(20);
        }
        await StopAsync(log, app);
    }

    [Fact]
    public async Task A_device_key_swapped_in_the_register_is_refused()
    {
        await RunWithKeyAsync();
        var record = (Core.Register.DeviceKeyRecord)Core.Register.RegisterRecord.Decode(ReadRecord(2));
        var swapped = (record with { PublicKey = [.. RandomNumberGenerator.GetBytes(32)] }).Encode();
        Tamper($"UPDATE register SET record = x'{Convert.ToHexString(swapped)}' WHERE seq = 2");
        var refusal = await RefusalAsync();
        Assert.Contains("the first 2 register records no longer hash to the root this server signed", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_register_record_is_refused()
    {
        await RunWithKeyAsync();
        Tamper("DELETE FROM register WHERE seq = 2");
        Assert.Contains("the register holds 1 records, but this server signed a tree head of 2", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_entry_slipped_into_the_database_is_refused()
    {
        await RunWithKeyAsync();
        var protocol = Sample.Hand[500].Checked(Sample.Election);
        Tamper("INSERT INTO hand_entry (seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status, salt) "
            + $"VALUES (1, '{protocol.Protocol.Station}', '{protocol.Protocol.Contest}', '{protocol.Protocol.Source}', 1, 'mole', "
            + $"x'{Convert.ToHexString(protocol.Canonical.AsSpan())}', '{Convert.ToHexStringLower(protocol.ContentHash.AsSpan())}', 0, "
            + "'awaiting-second', NULL)");
        var refusal = await RefusalAsync();
        Assert.Contains("hand entry 1 ", refusal, StringComparison.Ordinal);
        Assert.Contains("is in no register record: it was added to the database directly", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_register_row_slipped_in_below_place_1_is_refused_and_never_read()
    {
        await RunWithKeyAsync();
        var forged = new Core.Register.WitnessRecord(-1, 0, DateTimeOffset.UtcNow, "cec", "EU Observation Mission", [.. new byte[32]]);
        Tamper("INSERT INTO register (seq, kind, station, record, log_size) "
            + $"VALUES (-1, 'witness', NULL, x'{Convert.ToHexString(forged.Encode())}', 0)");
        Assert.Contains("1 register row(s) lie at places below 1", await RefusalAsync(), StringComparison.Ordinal);
        await using var store = await StoreAddress.OpenAsync($"sqlite:{Db}");
        Assert.Empty(await store.ReadWitnessesAsync());
    }

    [Fact]
    public async Task A_register_row_relabelled_to_another_station_is_refused()
    {
        await RunWithKeyAsync();
        Tamper("UPDATE register SET station = 's9999' WHERE seq = 2");
        Assert.Contains("its row was moved or relabelled", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "claims log position 0, before the record ahead of it (20): it was back-dated")]
    [InlineData(999_999, "claims log position 999999, beyond the log's 20: it was forged")]
    public async Task A_record_appended_to_the_register_with_a_forged_log_position_is_refused(long logSize, string expected)
    {
        await RunWithKeyAsync();
        var station = Sample.Hand[1].Station.Value;
        var forged = new Core.Register.DeviceKeyRecord(3, logSize, DateTimeOffset.UtcNow, "admin", station, [.. new byte[32]]);
        Tamper($"INSERT INTO register VALUES (3, 'device-key', '{station}', x'{Convert.ToHexString(forged.Encode())}', {logSize})");
        Assert.Contains(expected, await RefusalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_relations_rewritten_in_the_database_are_refused()
    {
        await RunHonestlyAsync();
        Tamper("UPDATE protocol_version SET violations = '[{\"relation\":\"ballot stuffing\"}]' WHERE seq = 5");
        Assert.Contains("log entry 5 is stored with other broken relations", await RefusalAsync(), StringComparison.Ordinal);
    }

    private byte[] ReadRecord(long sequence)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT record FROM register WHERE seq = {sequence}";
        return (byte[])command.ExecuteScalar()!;
    }

    [Fact]
    public async Task An_edited_kept_head_is_refused()
    {
        await RunHonestlyAsync();
        var text = await File.ReadAllTextAsync(HeadFile);
        await File.WriteAllTextAsync(HeadFile, text.Replace("\"treeSize\":300", "\"treeSize\":299", StringComparison.Ordinal));
        Assert.Contains("signature does not verify", await RefusalAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
