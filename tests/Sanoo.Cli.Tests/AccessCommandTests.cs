using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo operators add</c> and <c>sanoo keys enrol</c> refuse names and keys that would blur who did what; <c>sanoo operators
/// revoke</c> ends an operator's token in the register.
/// </summary>
public sealed class AccessCommandTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-access-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task<string> StoreAsync()
    {
        var db = $"sqlite:{PathOf("store.db")}";
        var store = await StoreAddress.OpenAsync(db);
        await (await ElectionLog.OpenAsync(store, Sample.DefinitionJson)).DisposeAsync();
        await store.DisposeAsync();
        return db;
    }

    private string NewKey(params string[] whose)
    {
        var file = PathOf($"{Guid.NewGuid():N}.key");
        var (code, output) = CliRun.Sanoo(["keys", "new", .. whose, "--out", file]);
        Assert.True(code == 0, output);
        return file + "\n" + output.Trim().Split('\n')[^1].Trim();
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("<b>cec</b>", "holds '<' at position 1")]
    [InlineData("dec\n01", "holds U+000A at position 4")]
    [InlineData(" dec-01", "does not begin or end with a space")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g1234", "65 characters long; at most 64")]
    public async Task An_operator_name_that_is_empty_too_long_or_holds_markup_or_a_line_break_is_refused(string name, string message)
    {
        var db = await StoreAsync();
        var (code, output) = CliRun.Sanoo("operators", "add", "--db", db, "--name", name, "--role", "admin");
        Assert.NotEqual(0, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
        await using var store = await StoreAddress.OpenAsync(db);
        Assert.Empty(await store.ReadOperatorsAsync());
    }

    [Fact]
    public async Task An_operator_name_of_letters_digits_dots_dashes_and_inner_spaces_is_taken()
    {
        var db = await StoreAsync();
        var (code, output) = CliRun.Sanoo("operators", "add", "--db", db, "--name", "Айгүл Т. dec_01-a", "--role", "admin");
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task An_operator_revoked_from_the_command_line_is_no_longer_read_and_is_revoked_once()
    {
        var db = await StoreAsync();
        Assert.Equal(0, CliRun.Sanoo("operators", "add", "--db", db, "--name", "dec-01", "--role", "district", "--district", "d01").ExitCode);
        var (empty, why) = CliRun.Sanoo("operators", "revoke", "--db", db, "--name", "dec-01", "--reason", " ");
        Assert.True(empty != 0 && why.Contains("say why the token is revoked", StringComparison.Ordinal), why);
        var (code, output) = CliRun.Sanoo("operators", "revoke", "--db", db, "--name", "dec-01", "--reason", "the token leaked", "--by", "chair");
        Assert.True(code == 0, output);
        Assert.Contains("Revoked operator dec-01's token", output, StringComparison.Ordinal);
        await using (var store = await StoreAddress.OpenAsync(db))
        {
            Assert.Empty(await store.ReadOperatorsAsync());
            var record = (Core.Register.OperatorRevokedRecord)Core.Register.RegisterRecord.Decode(
                (await store.ReadRegisterOfKindAsync(Core.Register.OperatorRevokedRecord.Word))[0].Record.AsSpan());
            Assert.Equal(("dec-01", "the token leaked", "chair"), (record.Name, record.Reason, record.By));
        }
        var (again, twice) = CliRun.Sanoo("operators", "revoke", "--db", db, "--name", "dec-01", "--reason", "again");
        Assert.True(again != 0 && twice.Contains("already revoked", StringComparison.Ordinal), twice);
    }

    [Fact]
    public async Task One_public_key_is_not_enrolled_for_two_stations()
    {
        var db = await StoreAsync();
        var publicKey = NewKey("--station", "s0001").Split('\n')[1];
        Assert.Equal(0, CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0001", "--public-key", publicKey).ExitCode);
        var (code, output) = CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0002", "--public-key", publicKey);
        Assert.NotEqual(0, code);
        Assert.Contains("already enrolled for station s0001", output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0001", "--public-key", publicKey).ExitCode);
    }

    [Fact]
    public async Task The_commissions_key_is_not_enrolled_as_a_device_key()
    {
        var db = await StoreAsync();
        var commission = NewKey("--commission").Split('\n');
        var (code, output) = CliRun.Sanoo(
            "keys", "enrol", "--db", db, "--station", "s0003", "--public-key", commission[1], "--commission-key", commission[0]);
        Assert.NotEqual(0, code);
        Assert.Contains("is the commission's", output, StringComparison.Ordinal);
        await using var store = await StoreAddress.OpenAsync(db);
        Assert.Empty(await store.ReadDeviceKeysAsync());
    }

    [Fact]
    public async Task A_revoked_key_is_a_register_record_and_a_station_without_a_key_cannot_be_revoked()
    {
        var db = await StoreAsync();
        var (none, refusal) = CliRun.Sanoo("keys", "revoke", "--db", db, "--station", "s0001", "--reason", "stolen");
        Assert.NotEqual(0, none);
        Assert.Contains("has no enrolled device key to revoke", refusal, StringComparison.Ordinal);
        var publicKey = NewKey("--station", "s0001").Split('\n')[1];
        Assert.Equal(0, CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0001", "--public-key", publicKey).ExitCode);
        Assert.NotEqual(0, CliRun.Sanoo("keys", "revoke", "--db", db, "--station", "s0001", "--reason", " ").ExitCode);
        var (code, output) = CliRun.Sanoo("keys", "revoke", "--db", db, "--station", "s0001", "--reason", "the tablet was stolen");
        Assert.True(code == 0, output);
        Assert.Contains($"Revoked the device key {publicKey.Trim()}", output, StringComparison.Ordinal);
        await using var store = await StoreAddress.OpenAsync(db);
        var revoked = (await store.ReadRegisterOfKindAsync(Core.Register.DeviceKeyRevokedRecord.Word)).Single();
        var record = (Core.Register.DeviceKeyRevokedRecord)Core.Register.RegisterRecord.Decode(revoked.Record.AsSpan());
        Assert.Equal(
            ("s0001", "the tablet was stolen", publicKey.Trim()),
            (record.StationId, record.Reason, Convert.ToBase64String(record.PublicKey.AsSpan())));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
