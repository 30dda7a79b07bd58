using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Log;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo witnesses</c> enrols independent witnesses; <c>sanoo witness</c> verifies a real server, cosigns only the heads that
/// verified, and stops with an alarm when shown a second root for a size it cosigned.
/// </summary>
public sealed class WitnessCommandTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-witness-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private string State => Path.Combine(_folder, "witness-state.json");

    private string KeyFile => Path.Combine(_folder, "witness.key");

    // The insider's server skips its own start-up check; with keepHead it keeps its tree-head file, and the cosignatures beside it.
    private Task<(ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> StartAsync(bool keepHead = false) =>
        TamperDrill.StartAsync(
            Db,
            Sample.DefinitionJson,
            new ServerOptions
            {
                Urls = "http://127.0.0.1:0",
                PublishInterval = TimeSpan.FromMilliseconds(50),
                CheckStoreAtStart = false,
                TreeHeadFile = keepHead ? Db + ".tree-head.json" : null,
            },
            _commission);

    /// <summary>Makes the witness's key with <c>sanoo witness keygen</c>; returns the public key it printed.</summary>
    private static string Keygen(string file)
    {
        var (code, output) = CliRun.Sanoo("witness", "keygen", "--out", file, "--name", "Observer Mission");
        Assert.True(code == 0, output);
        return output.Trim().Split('\n')[^1].Trim();
    }

    private (int Code, string Output) Witness(Microsoft.AspNetCore.Builder.WebApplication app) => CliRun.Sanoo(
        "witness", "--url", app.Urls.First(), "--key", KeyFile, "--commission-key", Convert.ToBase64String(_commission.PublicKey),
        "--state", State, "--rounds", "1");

    private static async Task FillAsync(ElectionLog log, Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var admin = new Storage.Access.Operator(
            "test", Storage.Access.OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData("test"u8));
        await log.Store.AddOperatorAsync(admin); // the verifier holds every operator's entry to the register
        await log.SubmitAsync([.. Sample.Hand.Take(100).Select(p => new Log.Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 100)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<Cosignatures> ListAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return (await http.GetFromJsonAsync("/api/v1/cosignatures", WireJson.Default.Cosignatures))!;
    }

    /// <summary>A server filled with 100 entries and the witness of <see cref="KeyFile"/> enrolled with sanoo witnesses enrol.</summary>
    private async Task<(ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> EnrolledAsync(bool keepHead = false)
    {
        var (log, app) = await StartAsync(keepHead);
        await FillAsync(log, app);
        var (code, output) = CliRun.Sanoo(
            "witnesses", "enrol", "--db", $"sqlite:{Db}", "--name", "Observer Mission", "--public-key", Keygen(KeyFile));
        Assert.True(code == 0, output);
        return (log, app);
    }

    [Fact]
    public async Task Witnesses_are_enrolled_and_listed_and_the_commissions_key_or_a_key_enrolled_before_is_refused()
    {
        var (log, app) = await StartAsync(keepHead: true);
        await TamperDrill.StopAsync(log, app);
        var db = $"sqlite:{Db}";
        var first = Keygen(Path.Combine(_folder, "first.key"));
        Assert.Equal(0, CliRun.Sanoo("witnesses", "enrol", "--db", db, "--name", "Observer Mission", "--public-key", first).ExitCode);

        var (twice, output) = CliRun.Sanoo("witnesses", "enrol", "--db", db, "--name", "Newsroom", "--public-key", first);
        Assert.Equal(SanooCli.BadInput, twice);
        Assert.Contains("already enrolled for witness Observer Mission", output, StringComparison.Ordinal);

        var commissionFile = Path.Combine(_folder, "commission.key");
        var (made, printed) = CliRun.Sanoo("keys", "new", "--commission", "--out", commissionFile);
        Assert.True(made == 0, printed);
        var commission = printed.Trim().Split('\n')[^1].Trim();
        var (refused, why) = CliRun.Sanoo(
            "witnesses", "enrol", "--db", db, "--name", "Newsroom", "--public-key", commission, "--commission-key", commissionFile);
        Assert.Equal(SanooCli.BadInput, refused);
        Assert.Contains("the commission's", why, StringComparison.Ordinal);
        var (kept, keptWhy) = CliRun.Sanoo("witnesses", "enrol", "--db", db, "--name", "Newsroom",
            "--public-key", Convert.ToBase64String(_commission.PublicKey)); // the key of the tree head kept beside the store
        Assert.Equal(SanooCli.BadInput, kept);
        Assert.Contains("the commission's", keptWhy, StringComparison.Ordinal);

        Assert.Equal(SanooCli.BadInput, CliRun.Sanoo("witnesses", "enrol", "--db", db, "--name", "<b>x</b>", "--public-key", first).ExitCode);
        var (listed, list) = CliRun.Sanoo("witnesses", "list", "--db", db);
        Assert.True(listed == 0, list);
        Assert.Contains("Observer Mission", list, StringComparison.Ordinal);
        Assert.Contains(first, list, StringComparison.Ordinal);
        Assert.DoesNotContain("Newsroom", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_revoked_from_the_command_line_is_a_register_record_listed_as_revoked_and_revoked_once()
    {
        var (log, app) = await StartAsync(keepHead: true);
        await TamperDrill.StopAsync(log, app);
        var db = $"sqlite:{Db}";
        var key = Keygen(Path.Combine(_folder, "mission.key"));
        Assert.Equal(0, CliRun.Sanoo("witnesses", "enrol", "--db", db, "--name", "Observer Mission", "--public-key", key).ExitCode);
        var (empty, why) = CliRun.Sanoo("witnesses", "revoke", "--db", db, "--name", "Observer Mission", "--reason", " ");
        Assert.True(empty == SanooCli.BadInput && why.Contains("say why the witness is revoked", StringComparison.Ordinal), why);
        var (unknown, nobody) = CliRun.Sanoo("witnesses", "revoke", "--db", db, "--name", "Newsroom", "--reason", "withdrew");
        Assert.True(unknown == SanooCli.BadInput && nobody.Contains("No witness named 'Newsroom'", StringComparison.Ordinal), nobody);

        var (code, output) = CliRun.Sanoo(
            "witnesses", "revoke", "--db", db, "--name", "Observer Mission", "--reason", "the mission's key leaked", "--by", "chair");
        Assert.True(code == 0, output);
        Assert.Contains("Revoked witness Observer Mission", output, StringComparison.Ordinal);
        await using (var store = await Storage.StoreAddress.OpenAsync(db))
        {
            var row = (await store.ReadRegisterOfKindAsync(Core.Register.WitnessRevokedRecord.Word)).Single();
            var record = (Core.Register.WitnessRevokedRecord)Core.Register.RegisterRecord.Decode(row.Record.AsSpan());
            Assert.Equal(("Observer Mission", "the mission's key leaked", "chair", key),
                (record.Name, record.Reason, record.By, Convert.ToBase64String(record.PublicKey.AsSpan())));
        }
        var (listed, list) = CliRun.Sanoo("witnesses", "list", "--db", db);
        Assert.True(listed == 0, list);
        Assert.Contains("by register record", list, StringComparison.Ordinal);
        var (again, twice) = CliRun.Sanoo("witnesses", "revoke", "--db", db, "--name", "Observer Mission", "--reason", "again");
        Assert.True(again == SanooCli.BadInput && twice.Contains("already revoked", StringComparison.Ordinal), twice);
    }

    [Fact]
    public async Task A_witness_run_for_one_round_posts_a_cosignature_that_the_server_lists()
    {
        var (log, app) = await EnrolledAsync();
        var (code, output) = Witness(app);
        var listed = await ListAsync(app);
        await TamperDrill.StopAsync(log, app);
        Assert.True(code == 0, output);
        Assert.Contains("Cosigned the tree head of 100 entries", output, StringComparison.Ordinal);
        var cosigned = Assert.Single(listed.Witnesses);
        Assert.Equal(("Observer Mission", 100L), (cosigned.Witness, cosigned.TreeSize));
        Assert.Empty(listed.Alarms);
        Assert.Contains(cosigned.RootHash, await File.ReadAllTextAsync(State), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_naming_the_witness_who_cosigned_verifies_and_one_naming_a_mission_that_never_did_does_not()
    {
        var (log, app) = await EnrolledAsync();
        var (cosigned, cosigning) = Witness(app);
        Assert.True(cosigned == 0, cosigning);
        var verify = (string url) => CliRun.Sanoo("verify", "--url", url, "--commission-key", Convert.ToBase64String(_commission.PublicKey),
            "--state", Path.Combine(_folder, $"verify-{Guid.NewGuid():N}.json"));
        var (honest, report) = verify(app.Urls.First());
        // A front holding the server adds an observer mission that never cosigned to the witnesses the nation's page names.
        int code;
        string complaint;
        await using (var front = await TamperDrill.AlteringTextFrontAsync(app.Urls.First(), "/en/index.html", html =>
            html.Replace("Observer Mission (", "OSCE/ODIHR (0 min ago), Observer Mission (", StringComparison.Ordinal)))
        {
            (code, complaint) = verify(front.Urls.First());
        }
        await TamperDrill.StopAsync(log, app);

        Assert.True(honest == 0, report); // the line names the mission that cosigned; its minutes are read against the clock
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var said = complaint.ReplaceLineEndings("");
        Assert.Contains("/en/index.html: the page names OSCE/ODIHR as a witness who verified its tree head, but no cosignature by "
            + "OSCE/ODIHR of the head of 100 entries (root ", said, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/index.html: the page shows", said, StringComparison.Ordinal);
        Assert.DoesNotContain("names Observer Mission", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_never_cosigns_a_head_that_does_not_verify()
    {
        var (log, app) = await EnrolledAsync();
        await TamperDrill.StopAsync(log, app);
        // Someone with the database moves 5 votes between parties at station 3, keeping the protocol's arithmetic.
        var entry = Sample.Hand[2];
        var moved = entry.Votes.SetItem(0, entry.Votes[0] - 5).SetItem(1, entry.Votes[1] + 5);
        var figures = Convert.ToHexString(Figures.Encode(entry.Lines.AsSpan(), moved.AsSpan()));
        TamperDrill.Tamper(Db, $"UPDATE protocol_version SET figures = x'{figures}' WHERE seq = 3");
        (log, app) = await StartAsync();
        var (code, output) = Witness(app);
        var listed = await ListAsync(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("NOT VERIFIED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cosigned", output, StringComparison.Ordinal);
        Assert.Empty(listed.Witnesses);
        Assert.False(File.Exists(State), "nothing was cosigned");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_witness_shown_a_second_root_for_a_size_it_cosigned_stops_with_an_alarm_that_the_server_publishes(bool keepHead)
    {
        var (log, app) = await EnrolledAsync(keepHead);
        var (code, output) = Witness(app);
        Assert.True(code == 0, output);
        await TamperDrill.StopAsync(log, app);
        // Entry 2 rewritten wholesale, so every record agrees with itself; the server re-signs. Even when the verifier's own state
        // is lost, the witness's record of what it cosigned catches the second root.
        var original = Sample.Hand[1];
        var rewritten = original with { Votes = original.Votes.SetItem(0, original.Votes[0] - 5).SetItem(1, original.Votes[1] + 5) };
        var canonical = ProtocolWriter.Canonical(Sample.Election, rewritten);
        TamperDrill.Tamper(Db, "UPDATE protocol_version SET " +
            $"figures = x'{Convert.ToHexString(Figures.Encode(rewritten.Lines.AsSpan(), rewritten.Votes.AsSpan()))}', " +
            $"canonical = x'{Convert.ToHexString(canonical)}', " +
            $"content_sha256 = x'{Convert.ToHexString(SHA256.HashData(canonical))}' WHERE seq = 2");
        File.Delete(State + ".verify.json");
        (log, app) = await StartAsync(keepHead);
        var (alarmed, report) = Witness(app);
        var listed = await ListAsync(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, alarmed);
        Assert.Contains("ALARM", report, StringComparison.Ordinal);
        // A server that raised the alarm on itself publishes it, and the witness's verifier stops at that; otherwise the witness's
        // record of what it cosigned catches the second root.
        Assert.Contains(keepHead ? "ALARM published by the server: the server signed a head of 100 entries" : "the log was forked or rewritten",
            report.ReplaceLineEndings(""), StringComparison.Ordinal);
        var alarm = Assert.Single(listed.Alarms);
        // A server that keeps its cosignatures beside its tree-head file raises the alarm on itself when it signs the second root;
        // one that forgot them hears it from the witness, whose signature over the first head it checks.
        Assert.Equal((100L, keepHead ? "server" : "Observer Mission"), (alarm.TreeSize, alarm.PresentedBy));
        Assert.Equal(keepHead ? 1 : 0, listed.Witnesses.Count);
    }

    [Fact]
    public async Task A_witness_whose_verifier_catches_a_rewrite_posts_its_last_cosignature_so_the_server_publishes_the_alarm()
    {
        var (log, app) = await EnrolledAsync();
        var (code, output) = Witness(app);
        Assert.True(code == 0, output);
        await TamperDrill.StopAsync(log, app);
        // As above, but the verifier's state is kept: it catches the rewrite first (HISTORY REWRITTEN), before the witness's own
        // record of what it cosigned is consulted. The server, restarted without its cosignatures, would otherwise never know.
        var original = Sample.Hand[1];
        var rewritten = original with { Votes = original.Votes.SetItem(0, original.Votes[0] - 5).SetItem(1, original.Votes[1] + 5) };
        var canonical = ProtocolWriter.Canonical(Sample.Election, rewritten);
        TamperDrill.Tamper(Db, "UPDATE protocol_version SET " +
            $"figures = x'{Convert.ToHexString(Figures.Encode(rewritten.Lines.AsSpan(), rewritten.Votes.AsSpan()))}', " +
            $"canonical = x'{Convert.ToHexString(canonical)}', " +
            $"content_sha256 = x'{Convert.ToHexString(SHA256.HashData(canonical))}' WHERE seq = 2");
        (log, app) = await StartAsync();
        var (alarmed, report) = Witness(app);
        var listed = await ListAsync(app);
        var (verified, verdict) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--state", Path.Combine(_folder, "observer.json"),
            "--commission-key", Convert.ToBase64String(_commission.PublicKey));
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, alarmed);
        var text = report.ReplaceLineEndings("");
        Assert.Contains("HISTORY REWRITTEN", text, StringComparison.Ordinal);
        Assert.Contains("Posted this witness's last cosignature (head of 100 entries", text, StringComparison.Ordinal);
        Assert.Contains("the server recorded an ALARM", text, StringComparison.Ordinal);
        var alarm = Assert.Single(listed.Alarms);
        Assert.Equal((100L, "Observer Mission"), (alarm.TreeSize, alarm.PresentedBy));
        // Any observer now sees the alarm, even one who never checked this log before.
        Assert.Equal(Commands.VerifyCommand.Mismatch, verified);
        Assert.Contains("ALARM published by the server: witness Observer Mission was shown a head of 100 entries", verdict.ReplaceLineEndings(""),
            StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
