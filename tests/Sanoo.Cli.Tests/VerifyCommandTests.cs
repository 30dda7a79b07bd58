using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Log;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// An observer with only the public URL: <c>sanoo verify</c> accepts an honest server, and
/// catches figures changed in the database and a rewritten, re-signed history.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private string State => Path.Combine(_folder, "state.json");

    // The insider's server skips its own start-up check (CheckStoreAtStart): the observer must catch on their own what it was not allowed to.
    private Task<(ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> StartAsync(bool giveDefinition = true) =>
        TamperDrill.StartAsync(
            Db,
            giveDefinition ? Sample.DefinitionJson : null,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), CheckStoreAtStart = false },
            _commission);

    private static Task StopAsync(ElectionLog log, Microsoft.AspNetCore.Builder.WebApplication app) => TamperDrill.StopAsync(log, app);

    private (int Code, string Output) Verify(Microsoft.AspNetCore.Builder.WebApplication app) =>
        CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey), "--state", State);

    private static void Tamper(string db, string sql) => TamperDrill.Tamper(db, sql);

    /// <summary>Enrols the admin operator "test" in the register and has them send 300 hand counts; waits until they are published.</summary>
    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> FillAsync(ElectionLog log, Microsoft.AspNetCore.Builder.WebApplication app)
    {
        await log.Store.AddOperatorAsync(new Storage.Access.Operator("test", Storage.Access.OperatorRole.Admin, null, SHA256.HashData("test"u8)));
        await log.SubmitAsync([.. Sample.Hand.Take(300).Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 300)
        {
            await Task.Delay(20);
        }
        return app;
    }

    /// <summary>
    /// An observer verifies an honest server; then someone with database access runs
    /// <paramref name="tamper"/> while the server is down; the server restarts on the changed store
    /// and the observer verifies again. Returns what the second verification said.
    /// </summary>
    private async Task<(int Code, string Output)> VerifyAfterTamperingAsync(Action tamper)
    {
        var (log, app) = await StartAsync();
        await FillAsync(log, app);
        var (code, output) = Verify(app);
        Assert.True(code == 0, output);
        Assert.Contains("VERIFIED", output, StringComparison.Ordinal);
        await StopAsync(log, app);
        tamper();
        (log, app) = await StartAsync();
        var result = Verify(app);
        await StopAsync(log, app);
        return result;
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_said_plainly_never_with_a_stack_trace()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on
        var (code, output) = CliRun.Sanoo("verify", "--url", $"http://127.0.0.1:{port}/", "--state", State);
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains("Could not read the server", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var (following, _) = CliRun.Sanoo(
            "verify", "--url", $"http://127.0.0.1:{port}/", "--state", State, "--follow", "--interval", "0.05", "--rounds", "2");
        Assert.Equal(SanooCli.BadInput, following);
    }

    [Fact]
    public async Task An_honest_server_verifies_and_changed_figures_are_caught()
    {
        // Someone with access to the database moves 5 votes between parties at station 3, keeping the protocol's arithmetic.
        var entry = Sample.Hand[2];
        var moved = entry.Votes.SetItem(0, entry.Votes[0] - 5).SetItem(1, entry.Votes[1] + 5);
        var (code, output) = await VerifyAfterTamperingAsync(() =>
            Tamper(Db, $"UPDATE protocol_version SET figures = x'{Convert.ToHexString(Figures.Encode(entry.Lines.AsSpan(), moved.AsSpan()))}' " +
                "WHERE seq = 3"));
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("NOT VERIFIED", output, StringComparison.Ordinal);
        Assert.Contains("but the station protocols add up to", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_changed_in_the_database_is_caught_by_an_observer_who_checked_before_and_by_one_who_pinned_it()
    {
        // The 2021 night: someone with the database raises the threshold from 5% to 7.5%, fixes the stored hash and restarts.
        var (log, app) = await StartAsync();
        await FillAsync(log, app);
        var (code, output) = Verify(app);
        Assert.True(code == 0, output);
        await StopAsync(log, app);
        var published = Convert.ToHexStringLower(SHA256.HashData(Sample.DefinitionJson));
        var text = System.Text.Encoding.UTF8.GetString(Sample.DefinitionJson);
        var raised = System.Text.RegularExpressions.Regex.Replace(text, "(\"threshold\":\\s*\\{\\s*\"percent\":\\s*)5\\b", "${1}7.5");
        Assert.NotEqual(text, raised);
        var changed = System.Text.Encoding.UTF8.GetBytes(raised);
        Tamper(Db, "DROP TRIGGER IF EXISTS election_append_only_update; "
            + $"UPDATE election SET definition = x'{Convert.ToHexString(changed)}', "
            + $"definition_sha256 = x'{Convert.ToHexString(SHA256.HashData(changed))}'");
        (log, app) = await StartAsync(giveDefinition: false);
        var (stateful, before) = Verify(app);
        var fresh = Path.Combine(_folder, "fresh-state.json");
        var (pinned, report) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey),
            "--definition-sha256", published, "--state", fresh);
        await StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, stateful);
        Assert.Contains("DEFINITION CHANGED", before, StringComparison.Ordinal);
        Assert.Contains(published, before, StringComparison.Ordinal);
        Assert.Equal(Commands.VerifyCommand.Mismatch, pinned);
        Assert.Contains("DEFINITION CHANGED", report, StringComparison.Ordinal);
        Assert.False(File.Exists(fresh), "a failed check saves no state");
    }

    [Fact]
    public async Task A_machine_count_whose_signature_was_stripped_in_the_database_does_not_verify_even_for_a_fresh_observer()
    {
        var (log, app) = await StartAsync();
        using var device = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        await log.Store.EnrolDeviceAsync(new Storage.Access.DeviceKey(
            new Core.Definitions.AreaId("s0001"),
            device.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey),
            DateTimeOffset.UtcNow.AddHours(-1),
            "cec"));
        var receipt = await log.SubmitAsync(new Submission(machine.Checked(Sample.Election), new Sender.Device(machine.Station),
            NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(device, ProtocolWriter.Canonical(Sample.Election, machine))));
        await FillAsync(log, app);
        await StopAsync(log, app);
        Tamper(Db, $"UPDATE protocol_version SET device_signature = NULL WHERE seq = {receipt.Sequence}");
        (log, app) = await StartAsync();
        var (code, output) = Verify(app); // no earlier state: the server's re-signed head matches the rebuilt tree
        await StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains(
            $"entry {receipt.Sequence} (station s0001): a machine count must carry its device's signature", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_and_resigned_history_is_caught_by_an_observer_who_checked_before()
    {
        // Rewrite entry 2 wholesale, figures, bytes and hash, so every record agrees with itself; the server re-signs.
        var original = Sample.Hand[1];
        var rewritten = original with { Votes = original.Votes.SetItem(0, original.Votes[0] - 5).SetItem(1, original.Votes[1] + 5) };
        var canonical = ProtocolWriter.Canonical(Sample.Election, rewritten);
        var (code, output) = await VerifyAfterTamperingAsync(() =>
            Tamper(Db, "UPDATE protocol_version SET " +
                $"figures = x'{Convert.ToHexString(Figures.Encode(rewritten.Lines.AsSpan(), rewritten.Votes.AsSpan()))}', " +
                $"canonical = x'{Convert.ToHexString(canonical)}', " +
                $"content_sha256 = x'{Convert.ToHexString(SHA256.HashData(canonical))}' WHERE seq = 2"));
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("HISTORY REWRITTEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_signature_is_checked_against_the_key_the_register_made_current_for_its_station_at_that_entry()
    {
        var (log, app) = await StartAsync();
        using var first = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        using var second = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        using var early = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        byte[] Public(NSec.Cryptography.Key key) => key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey);
        Submission Signed(Protocol protocol, NSec.Cryptography.Key key, bool checkedByLog = true) =>
            new(
                protocol.Checked(Sample.Election),
                new Sender.Device(protocol.Station),
                NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(key, ProtocolWriter.Canonical(Sample.Election, protocol)),
                checkedByLog ? Public(key) : null); // without the key the log does not hold it to the register: an insider's bypass
        Task Enrol(string station, NSec.Cryptography.Key key) =>
            log.Store.EnrolDeviceAsync(new Storage.Access.DeviceKey(new Core.Definitions.AreaId(station), Public(key), DateTimeOffset.UtcNow, "cec"));
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        await Enrol("s0001", first);
        await log.SubmitAsync(Signed(machine, first));
        // An insider enrols a second key for s0001 and signs a forged count with it: legitimately visible, in the register.
        await Enrol("s0001", second);
        var forged = machine with
        {
            Version = 2,
            Votes = machine.Votes.SetItem(0, machine.Votes[0] - 5).SetItem(1, machine.Votes[1] + 5),
            Correction = new Correction("device replaced", "cec"),
        };
        await log.SubmitAsync(Signed(forged, second));
        await FillAsync(log, app);
        var (code, output) = Verify(app);
        Assert.True(code == 0, output);
        Assert.Contains("device keys: 2 enrolled (1 replacing a station's earlier key)", output, StringComparison.Ordinal);

        // Signed by the replaced key after its replacement, and by a key before the register enrolled it: neither verifies.
        var stale = await log.SubmitAsync(Signed(forged with { Version = 3 }, first, checkedByLog: false));
        var premature = await log.SubmitAsync(Signed(Sample.Machine.First(p => p.Station.Value == "s0002"), early, checkedByLog: false));
        await Enrol("s0002", early);
        await log.SubmitAsync(new Submission(Sample.Hand[300].Checked(Sample.Election), new Sender.Operator("test")));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < log.Position)
        {
            await Task.Delay(20);
        }
        var (late, report) = Verify(app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, late);
        Assert.Contains($"entry {stale.Sequence}: signed with a device key of station s0001 that the register had replaced by register record",
            report, StringComparison.Ordinal);
        Assert.Contains($"entry {premature.Sequence}: signed, but the register made no device key current for station s0002 before it",
            report, StringComparison.Ordinal);
        await StopAsync(log, app);
    }

    [Fact]
    public async Task Following_a_live_log_verifies_each_new_tree_head()
    {
        var (log, app) = await StartAsync();
        await FillAsync(log, app);
        var following = Task.Run(() => CliRun.Sanoo(
            "verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey), "--state", State,
            "--follow", "--interval", "0.4", "--rounds", "4"));
        for (var batch = 0; batch < 3; batch++)
        {
            var hand = Sample.Hand.Skip(300 + (batch * 100)).Take(100);
            await log.SubmitAsync([.. hand.Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
            await Task.Delay(300);
        }
        var (code, output) = await following.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(code == 0, output);
        Assert.Equal(5, output.Split("VERIFIED").Length - 1);
        Assert.Contains("600 entries", output, StringComparison.Ordinal);
        await StopAsync(log, app);
    }

    [Fact]
    public async Task Following_fetches_only_the_entries_added_since_the_last_verified_head_and_counts_their_corrections()
    {
        var (log, app) = await StartAsync();
        await FillAsync(log, app);
        // Patient as the verifier's own client is: a fast machine reads past the server's per-address limit and is asked to wait.
        var counter = new EntryCounter { InnerHandler = new Commands.Verify.PatientHandler(TimeSpan.FromMinutes(5)) };
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(writer),
            Ansi = Spectre.Console.AnsiSupport.No,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        var afterFirst = -1;
        async Task AddAfterTheFirstRound(Contracts.TreeHead head, CancellationToken cancellationToken)
        {
            if (afterFirst >= 0)
            {
                return;
            }
            afterFirst = counter.Entries;
            // 100 new protocols: 99 first counts and a correction of a station counted in the first round (two votes swapped).
            var first = Sample.Hand[0];
            var correction = first with
            {
                Version = 2,
                Votes = first.Votes.SetItem(0, first.Votes[1]).SetItem(1, first.Votes[0]),
                Correction = new Correction("recounted", "test"),
            };
            await log.SubmitAsync([.. Sample.Hand.Skip(300).Take(99).Append(correction)
                .Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))], cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status", cancellationToken)).GetProperty("snapshot").GetInt64() < 400)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
        var pins = new Commands.VerifyCommand.Pins(Convert.ToBase64String(_commission.PublicKey), null);
        var code = await Commands.VerifyCommand.FollowAsync(
            console,
            () => new Commands.VerifyCommand.Server(new HttpClient(counter, disposeHandler: false) { BaseAddress = new Uri(app.Urls.First()) }),
            pins,
            new FileInfo(State),
            follow: true,
            TimeSpan.FromMilliseconds(100),
            rounds: 1,
            CancellationToken.None,
            AddAfterTheFirstRound);
        var output = writer.ToString();
        Assert.True(code == 0, output);
        Assert.Equal(300, afterFirst);
        Assert.Equal(100, counter.Entries - afterFirst);
        Assert.Contains("400 entries (100 new since the last round)", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("VERIFIED").Length - 1);
        await StopAsync(log, app);
    }

    /// <summary>Counts the log entries the verifier was served, page by page.</summary>
    private sealed class EntryCounter : DelegatingHandler
    {
        private int _entries;

        public int Entries => _entries;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath == "/api/v1/entries")
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                using var page = JsonDocument.Parse(bytes);
                Interlocked.Add(ref _entries, page.RootElement.GetProperty("entries").GetArrayLength());
                var headers = response.Content.Headers.ToList();
                response.Content = new ByteArrayContent(bytes);
                foreach (var (name, values) in headers)
                {
                    response.Content.Headers.TryAddWithoutValidation(name, values);
                }
            }
            return response;
        }
    }

    [Fact]
    public async Task Reordered_entries_are_caught()
    {
        // Swap entries 10 and 11 (different stations, so both still replay as accepted) and let the server re-sign.
        const string Columns = "station, contest, source, version, outcome, content_sha256, canonical, figures, " +
            "correction_reason, correction_author, sender, received_at, violations, device_signature";
        var (code, output) = await VerifyAfterTamperingAsync(() =>
            Tamper(Db, $"CREATE TEMP TABLE swap AS SELECT seq, {Columns} FROM protocol_version WHERE seq IN (10, 11); " +
                "UPDATE protocol_version SET content_sha256 = randomblob(32) WHERE seq IN (10, 11); " +
                string.Concat(Columns.Split(", ").Select(c =>
                    $"UPDATE protocol_version SET {c} = (SELECT {c} FROM swap WHERE swap.seq = 21 - protocol_version.seq) " +
                        "WHERE seq IN (10, 11); "))));
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("HISTORY REWRITTEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_caught()
    {
        var (code, output) = await VerifyAfterTamperingAsync(() =>
            Tamper(Db, "DROP TRIGGER IF EXISTS protocol_version_append_only_delete; " +
                "DELETE FROM protocol_version WHERE seq = (SELECT MAX(seq) FROM protocol_version);"));
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains("the log shrank", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
