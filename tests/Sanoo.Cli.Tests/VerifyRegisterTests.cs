using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> re-derives who could write from the register: an honest night with device keys, operators, a
/// double-entered hand count, a recount and a certification verifies; a register record rewritten in the database, a sender
/// rewritten to a double entry that never happened, a matched pair whose commitment does not open, and an entry or act given to an
/// operator after their revocation are each caught.
/// </summary>
public sealed class VerifyRegisterTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-register-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private string HeadFile => Db + ".tree-head.json";

    private string State => Path.Combine(_folder, "state.json");

    /// <summary>The hand count that two district operators enter twice.</summary>
    private static Protocol Doubled => Sample.Hand[400];

    private Task<(ElectionLog Log, WebApplication App)> StartAsync(bool checkStore, byte[]? definition = null) =>
        TamperDrill.StartAsync(
            Db,
            definition ?? Sample.DefinitionJson,
            new ServerOptions
            {
                Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), TreeHeadFile = HeadFile, CheckStoreAtStart = checkStore,
            },
            _commission);

    private (int Code, string Output) Verify(WebApplication app, string? state = null) =>
        CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey), "--state",
            state ?? State);

    private static byte[] Public(NSec.Cryptography.Key key) => key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey);

    /// <summary>
    /// An honest night: a device key for s0001 and its signed machine count; an admin and two district operators; the two enter
    /// <see cref="Doubled"/> with the same figures; a recount of it ordered and answered; the result certified; then 300 hand counts
    /// sent by the admin. Returns the machine count's entry.
    /// </summary>
    private static async Task<long> HonestNightAsync(ElectionLog log, WebApplication app)
    {
        using var device = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        await log.Store.EnrolDeviceAsync(new DeviceKey(new AreaId("s0001"), Public(device), DateTimeOffset.UtcNow, "cec"));
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        var signed = await log.SubmitAsync(new Submission(machine.Checked(Sample.Election), new Sender.Device(machine.Station),
            NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(device, ProtocolWriter.Canonical(Sample.Election, machine)), Public(device)));
        var election = Sample.Election;
        var district = election.Areas[election.ParentIndex(election.AreaIndex(Doubled.Station))].Id;
        await log.Store.AddOperatorAsync(new Operator("test", OperatorRole.Admin, null, SHA256.HashData("test"u8)));
        var ana = new Operator("ana", OperatorRole.District, district, SHA256.HashData("ana"u8));
        var bek = new Operator("bek", OperatorRole.District, district, SHA256.HashData("bek"u8));
        await log.Store.AddOperatorAsync(ana);
        await log.Store.AddOperatorAsync(bek);
        var desk = new Web.Entries.EntryDesk(log, TimeProvider.System);
        await desk.EnterAsync(Doubled.Checked(election), ana, CancellationToken.None);
        var matched = await desk.EnterAsync(Doubled.Checked(election), bek, CancellationToken.None);
        Assert.Equal(Core.Entries.EntryStatus.Matched, matched.Status);
        var (order, recorded) = await log.OrderRecountUnlessOpenAsync(
            new RecountOrder(0, Doubled.Station, Doubled.Contest, "the margin is thin", "ana", DateTimeOffset.UtcNow,
                Translations.Of("en", new Dictionary<string, string> { ["ru"] = "разрыв мал", ["ky"] = "айырма аз" })));
        Assert.True(recorded);
        await log.RecordRecountOutcomeAsync(new RecountOutcome(0, order.Sequence, "confirmed", "ana", DateTimeOffset.UtcNow));
        await log.CertifyAsync(new Certification(0, log.Position, "certified so far", "test", DateTimeOffset.UtcNow));
        await log.SubmitAsync([.. Sample.Hand.Take(300).Select(p => new Submission(p.Checked(election), new Sender.Operator("test")))]);
        await PublishedAsync(log, app);
        return signed.Sequence;
    }

    private static async Task PublishedAsync(ElectionLog log, WebApplication app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < log.Position)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>The register record of a kind (and station) that comes first, by an insider's query while the server is down.</summary>
    private long RecordOf(string kind, string? station = null)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(seq) FROM register WHERE kind = $kind AND ($station IS NULL OR station = $station)";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$station", (object?)station ?? DBNull.Value);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rewrites register record <paramref name="sequence"/> as a valid record of its kind (the append-only trigger dropped first).</summary>
    private void RewriteRecord(long sequence, Func<RegisterRecord, RegisterRecord> change)
    {
        byte[] bytes;
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT record FROM register WHERE seq = {sequence}";
            bytes = (byte[])command.ExecuteScalar()!;
        }
        var changed = change(RegisterRecord.Decode(bytes)).Encode();
        TamperDrill.Tamper(Db, "DROP TRIGGER IF EXISTS register_append_only_update; "
            + $"UPDATE register SET record = x'{Convert.ToHexString(changed)}' WHERE seq = {sequence}");
    }

    [Fact]
    public async Task An_honest_night_with_keys_operators_double_entry_a_recount_and_a_certification_verifies()
    {
        var (log, app) = await StartAsync(checkStore: true);
        await HonestNightAsync(log, app);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.True(code == 0, output);
        Assert.Contains("VERIFIED", output, StringComparison.Ordinal);
        foreach (var line in (string[])["device keys: 1 enrolled (0 replacing a station's earlier key), 0 revoked", "operators: 3",
            "hand entries: 2; matched pairs checked against their commitments: 1", "acts: 1 recount orders, 1 outcomes, 1 certifications"])
        {
            Assert.Contains($"Register: {line}.", output, StringComparison.Ordinal);
        }
        var saved = JsonDocument.Parse(File.ReadAllText(State)).RootElement;
        Assert.True(saved.GetProperty("registerSize").GetInt64() >= 9, saved.ToString());
    }

    [Fact]
    public async Task A_device_key_rewritten_in_the_register_is_caught_by_an_observer_who_checked_before_and_by_a_fresh_one()
    {
        var (log, app) = await StartAsync(checkStore: true);
        var machine = await HonestNightAsync(log, app);
        var (code, output) = Verify(app);
        Assert.True(code == 0, output);
        await TamperDrill.StopAsync(log, app);

        // The insider swaps s0001's enrolled key for one of their own, and deletes the kept tree head the server would refuse to start on.
        using var theirs = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var key = RecordOf(DeviceKeyRecord.Word, "s0001");
        RewriteRecord(key, r => ((DeviceKeyRecord)r) with { PublicKey = [.. Public(theirs)] });
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: true);
        var (before, report) = Verify(app);
        var (fresh, freshReport) = Verify(app, Path.Combine(_folder, "fresh-state.json"));
        await TamperDrill.StopAsync(log, app);

        Assert.Equal(Commands.VerifyCommand.Mismatch, before);
        Assert.Contains("REGISTER REWRITTEN", report, StringComparison.Ordinal);
        Assert.Equal(Commands.VerifyCommand.Mismatch, fresh);
        Assert.Contains($"entry {machine}: the device signature does not verify with the key register record {key} made current for station s0001",
            freshReport.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sender_rewritten_to_a_double_entry_that_never_happened_is_caught()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);
        TamperDrill.Tamper(Db, "UPDATE protocol_version SET sender = 'entries:x+y' WHERE seq = 5");
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("entry 5: sent as a double entry (entries:x+y), but the register holds no matched hand entry of station",
            output.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matched_pair_whose_opened_commitment_does_not_match_is_caught()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);

        // The matched record now opens its partner with another salt: the partner's commitment no longer opens to the protocol.
        var matched = RecordOf(HandEntryRecord.Word, Doubled.Station.Value) + 1;
        var partner = 0L;
        RewriteRecord(matched, r =>
        {
            var m = (HandEntryRecord)r;
            Assert.Equal("matched", m.Status);
            partner = m.Opens[0].Entry;
            return m with { Opens = m.Opens.SetItem(0, m.Opens[0] with { Salt = [.. RandomNumberGenerator.GetBytes(Opening.SaltLength)] }) };
        });
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains($"hand entry {partner}'s commitment (register record {matched - 1}) does not open to the protocol the log holds",
            output.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Senders_and_hand_entries_the_register_does_not_allow_are_each_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);
        var first = RecordOf(HandEntryRecord.Word, Doubled.Station.Value);
        RewriteRecord(first, r => r with { By = "mallory" });
        TamperDrill.Tamper(Db, "UPDATE protocol_version SET sender = 'operator:nobody' WHERE seq = 5; "
            + "UPDATE protocol_version SET sender = 'device:s0001' WHERE seq = 6; "
            + "UPDATE protocol_version SET sender = 'operator:ana' WHERE seq = 2");
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains("entry 5: sent by operator nobody, whom the register had not enrolled before it", text, StringComparison.Ordinal);
        Assert.Contains("entry 6: sent by the device of s0001", text, StringComparison.Ordinal);
        Assert.Contains("entry 2: a hand count is entered twice, but district operator ana sent it alone", text, StringComparison.Ordinal);
        Assert.Contains($"register record {first}: hand entry 1 of station {Doubled.Station} is by mallory", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acts_out_of_their_rules_are_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);
        var outcome = RecordOf(RecountOutcomeRecord.Word);
        var certification = RecordOf(CertificationRecord.Word);
        RewriteRecord(outcome, r => ((RecountOutcomeRecord)r) with { Recount = 7 });
        RewriteRecord(certification, r => ((CertificationRecord)r) with { Number = 2, Position = 10_000 });
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains($"register record {outcome}: recount outcome 1 answers order 7, which the register did not hold", text,
            StringComparison.Ordinal);
        Assert.Contains($"register record {certification} is certification 2; the certifications before it make it number 1", text,
            StringComparison.Ordinal);
        Assert.Contains($"register record {certification} certifies the result at log position 10000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_given_in_a_language_the_definition_lacks_is_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);
        var certification = RecordOf(CertificationRecord.Word);
        var order = RecordOf(RecountOrderRecord.Word);
        RewriteRecord(certification, r => ((CertificationRecord)r) with
        {
            Translations = Translations.Of("de", new Dictionary<string, string> { ["ru"] = "утверждено" }),
        });
        RewriteRecord(order, r => ((RecountOrderRecord)r) with
        {
            Translations = Translations.Of(null, new Dictionary<string, string> { ["fr"] = "la marge est faible" }),
        });
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains($"register record {certification} (certification) gives its text in 'de', which is not a language of the election",
            text, StringComparison.Ordinal);
        Assert.Contains($"register record {order} (recount-order) gives its text in 'fr'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'ru', which", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acts_by_someone_who_was_not_an_operator_allowed_to_do_them_are_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        await TamperDrill.StopAsync(log, app);
        var order = RecordOf(RecountOrderRecord.Word);
        var outcome = RecordOf(RecountOutcomeRecord.Word);
        var certification = RecordOf(CertificationRecord.Word);
        RewriteRecord(order, r => r with { By = "mallory" });
        RewriteRecord(outcome, r => r with { By = "carol" });
        RewriteRecord(certification, r => r with { By = "ana" }); // a district operator, not an admin
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains($"register record {order}: recount order 1 of {Doubled.Station} is by mallory, who was not then an enrolled operator",
            text, StringComparison.Ordinal);
        Assert.Contains($"register record {outcome}: recount outcome 1 of {Doubled.Station} is by carol, who was not then an enrolled operator",
            text, StringComparison.Ordinal);
        Assert.Contains($"register record {certification}: certification 1 is by ana, who was not then an enrolled admin", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_and_an_act_attributed_to_an_operator_after_their_revocation_are_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        var revoked = await log.RevokeOperatorAsync("ana", "the token leaked", "chair");
        // The night goes on honestly: the admin sends a hand count and orders a recount after the revocation.
        var after = await log.SubmitAsync(new Submission(Sample.Hand[300].Checked(Sample.Election), new Sender.Operator("test")));
        Assert.True((await log.OrderRecountUnlessOpenAsync(
            new RecountOrder(0, Doubled.Station, Doubled.Contest, "a second look", "test", DateTimeOffset.UtcNow))).Recorded);
        var order = (await log.RegisterAsync(0)).Last(r => r.Kind == RecountOrderRecord.Word).Sequence;
        await PublishedAsync(log, app);
        var (honest, honestOutput) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.True(honest == 0, honestOutput);
        Assert.Contains("Register: operators: 3 (1 of them revoked).", honestOutput, StringComparison.Ordinal);

        // An insider with the database gives the revoked operator the admin's later entry and order, as if her leaked token did them.
        RewriteRecord(order, r => r with { By = "ana" });
        TamperDrill.Tamper(Db, $"UPDATE protocol_version SET sender = 'operator:ana' WHERE seq = {after.Sequence}");
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app, Path.Combine(_folder, "fresh-state.json"));
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains("NOT VERIFIED", text, StringComparison.Ordinal);
        Assert.Contains($"entry {after.Sequence}: sent by operator ana (operator:ana), whose token register record {revoked.Sequence} revoked "
            + "before it", text, StringComparison.Ordinal);
        Assert.Contains($"register record {order} (recount-order) is an act of operator ana, whose token register record {revoked.Sequence} "
            + "revoked before it", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_revocation_is_counted_and_one_rewritten_to_another_key_is_named()
    {
        var (log, app) = await StartAsync(checkStore: false);
        await HonestNightAsync(log, app);
        using var mission = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        await log.EnrolWitnessAsync(new Witness("Observer Mission", Public(mission), DateTimeOffset.UtcNow, "chair"));
        var revoked = await log.RevokeWitnessAsync("Observer Mission", "the mission's key leaked", "chair");
        await log.SubmitAsync(new Submission(Sample.Hand[300].Checked(Sample.Election), new Sender.Operator("test")));
        await PublishedAsync(log, app);
        var (honest, honestOutput) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.True(honest == 0, honestOutput);
        Assert.Contains("witnesses: 1 (1 of them revoked)", honestOutput, StringComparison.Ordinal);

        // An insider makes the revocation name another key, so the mission's own key would seem never revoked.
        RewriteRecord(revoked.Sequence, r => ((WitnessRevokedRecord)r) with { PublicKey = [.. new byte[32]] });
        File.Delete(HeadFile);
        (log, app) = await StartAsync(checkStore: false);
        var (code, output) = Verify(app, Path.Combine(_folder, "fresh-state.json"));
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains($"register record {revoked.Sequence} revokes a key of witness Observer Mission other than the one enrolled",
            output.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_person_entries_of_a_double_entry_source_are_a_warning_and_with_strict_a_problem()
    {
        var (log, app) = await StartAsync(checkStore: true);
        await HonestNightAsync(log, app);
        using var witness = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        await log.EnrolWitnessAsync(new Witness("Observer Mission", Public(witness), DateTimeOffset.UtcNow, "jdoe"));
        await log.SubmitAsync([new Submission(Sample.Hand[300].Checked(Sample.Election), new Sender.Operator("test"))]);
        await PublishedAsync(log, app);
        var (code, output) = Verify(app);
        var (strict, report) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey),
            "--state", Path.Combine(_folder, "strict.json"), "--strict");
        await TamperDrill.StopAsync(log, app);
        Assert.True(code == 0, output);
        var text = output.ReplaceLineEndings("");
        // The admin's 301 hand counts were entered once; the pair of ana and bek was entered twice and is not named.
        Assert.Contains("WARNING: 301 entries of the double-entry source hand were entered by one person, not twice:", text,
            StringComparison.Ordinal);
        Assert.Contains($"station {Sample.Hand[0].Station}, sent by operator:test", text, StringComparison.Ordinal);
        Assert.Contains("… and 281 more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sent by entries:", text, StringComparison.Ordinal);
        Assert.Contains("Register: witnesses: 1 (enrolled by jdoe", text, StringComparison.Ordinal);
        Assert.Equal(Commands.VerifyCommand.Mismatch, strict);
        Assert.Contains("a hand count entered by one person (operator:test), not twice (--strict)", report.ReplaceLineEndings(""),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_definition_requires_double_entry_an_admin_alone_is_refused_and_an_entry_by_one_person_does_not_verify()
    {
        var definition = System.Text.Json.Nodes.JsonNode.Parse(Sample.DefinitionJson)!;
        foreach (var source in definition["sources"]!.AsArray())
        {
            if (source!["doubleEntry"]?.GetValue<bool>() is true)
            {
                source["doubleEntryRequired"] = true;
            }
        }
        var (log, app) = await StartAsync(checkStore: true, System.Text.Encoding.UTF8.GetBytes(definition.ToJsonString()));
        await log.Store.AddOperatorAsync(new Operator("test", OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData("test"u8)));
        await log.CatchUpAsync();
        var registry = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Web.Access.WriterRegistry>(app.Services);
        await registry.RefreshAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        var body = new StringContent(
            $"{{\"protocol\":{System.Text.Encoding.UTF8.GetString(Sample.Hand[300].Checked(Sample.Election).Canonical.AsSpan())}}}",
            System.Text.Encoding.UTF8, "application/json");
        var refused = await http.PostAsync("/api/v1/protocols", body);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        // An insider writes one anyway, straight into the log: observers refuse it without --strict.
        await log.SubmitAsync([new Submission(Sample.Hand[300].Checked(Sample.Election), new Sender.Operator("test"))]);
        await PublishedAsync(log, app);
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("entered by one person (operator:test), not twice (the definition requires double entry)", output.ReplaceLineEndings(""),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_written_before_the_register_still_reads_and_a_new_one_keeps_the_register_root()
    {
        var file = new FileInfo(State);
        await File.WriteAllTextAsync(State, "{\"treeSize\":3,\"rootHash\":\"ab\",\"publicKey\":\"cd\",\"definitionSha256\":\"ef\"}");
        var old = await Commands.VerifiedHead.ReadAsync(file, CancellationToken.None);
        Assert.Equal(new Commands.VerifiedHead(3, "ab", "cd", "ef"), old);
        await (old! with { RegisterSize = 9, RegisterRoot = "01" }).WriteAsync(file, CancellationToken.None);
        Assert.Contains("\"registerSize\":9,\"registerRoot\":\"01\"", await File.ReadAllTextAsync(State), StringComparison.Ordinal);
        Assert.Equal(9, (await Commands.VerifiedHead.ReadAsync(file, CancellationToken.None))!.RegisterSize);
    }

    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
