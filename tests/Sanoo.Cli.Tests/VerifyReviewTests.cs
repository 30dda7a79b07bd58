using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// What an observer with saved state notices beyond the log itself: a tree head signed by another commission key than the log
/// verified before, and a cosignature listing that names witnesses who never vouched for the head, or an alarm.
/// </summary>
public sealed class VerifyReviewTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-review-").FullName;

    private string Db => Path.Combine(_folder, "store.db");

    private string State => Path.Combine(_folder, "state.json");

    private Task<(ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> StartAsync(CommissionKey commission) =>
        TamperDrill.StartAsync(
            Db,
            Sample.DefinitionJson,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), CheckStoreAtStart = false },
            commission);

    private static async Task FillAsync(ElectionLog log, Microsoft.AspNetCore.Builder.WebApplication app)
    {
        await log.Store.AddOperatorAsync(new Storage.Access.Operator("test", Storage.Access.OperatorRole.Admin, null, SHA256.HashData("test"u8)));
        await log.SubmitAsync([.. Sample.Hand.Take(50).Select(p => new Log.Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 50)
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_commission_key_changed_since_the_last_run_is_caught_unless_the_new_key_is_pinned()
    {
        using var first = CommissionKey.Ephemeral();
        using var second = CommissionKey.Ephemeral();
        var (log, app) = await StartAsync(first);
        await FillAsync(log, app);
        var (code, output) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--state", State);
        await TamperDrill.StopAsync(log, app);
        Assert.True(code == 0, output);

        // The server restarts with another key: an observer who pins nothing but kept the state of the last run notices.
        (log, app) = await StartAsync(second);
        var (changed, report) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--state", State);
        var (pinned, note) = CliRun.Sanoo("verify", "--url", app.Urls.First(), "--state", State,
            "--commission-key", Convert.ToBase64String(second.PublicKey));
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, changed);
        var text = report.ReplaceLineEndings("");
        Assert.Contains($"COMMISSION KEY CHANGED: the tree head is signed by {Convert.ToBase64String(second.PublicKey)}", text,
            StringComparison.Ordinal);
        Assert.Contains($"the log verified earlier was signed by {Convert.ToBase64String(first.PublicKey)}", text, StringComparison.Ordinal);
        Assert.True(pinned == 0, note);
        Assert.Contains("The commission key changed since the last run", note.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_cosignatures_that_do_not_verify_with_an_enrolled_witness_key_and_listed_alarms_are_problems()
    {
        using var witness = Key.Create(SignatureAlgorithm.Ed25519);
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var key = Convert.ToBase64String(witness.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var head = new TreeHead("kg-2021", new string('d', 64), 50, new string('a', 64), 3, new string('b', 64), 1_700_000_000_000, "", "");
        var signed = new Core.Transparency.TreeHead(head.Election, Convert.FromHexString(head.DefinitionSha256), head.TreeSize,
            Convert.FromHexString(head.RootHash), head.RegisterSize, Convert.FromHexString(head.RegisterRoot),
            DateTimeOffset.FromUnixTimeMilliseconds(head.Timestamp)).SignedBytes();
        WitnessCosignature By(string name, Key signer, string publicKey) => new(name, publicKey, head.TreeSize, head.RegisterSize,
            head.RootHash, head.RegisterRoot, head.Timestamp, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(signer, signed)), 1);
        var genuine = By("Observer Mission", witness, key);
        var listing = new Cosignatures(
            [
                genuine,
                genuine with { Witness = "Carter Center" },
                genuine with { Signature = Convert.ToBase64String(new byte[64]) },
                By("Observer Mission", stranger, Convert.ToBase64String(stranger.PublicKey.Export(KeyBlobFormat.RawPublicKey))),
                genuine with { TreeSize = 49 },
            ],
            [new CosignatureAlarm(50, head.RootHash, new string('c', 64), "server", "two roots for 50 entries", 1)]);
        var problems = new List<string>();
        Commands.Verify.CosignatureCheck.Check(listing, head, new Dictionary<string, string> { ["Observer Mission"] = key }, problems);

        Assert.Equal(5, problems.Count);
        Assert.Equal(4, problems.Count(p => p.StartsWith("FORGED COSIGNATURE: ", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("lists Carter Center", StringComparison.Ordinal)
            && p.Contains("the register enrols no witness of that name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"the register enrols that witness with key {key}, not", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count(p => p.Contains("the signature does not verify with the enrolled key", StringComparison.Ordinal)));
        Assert.Contains("ALARM published by the server: two roots for 50 entries", problems[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cosignature_by_a_witness_revoked_before_the_head_it_names_is_forged_and_one_of_an_earlier_head_stands()
    {
        using var witness = Key.Create(SignatureAlgorithm.Ed25519);
        var key = Convert.ToBase64String(witness.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var head = new TreeHead("kg-2021", new string('d', 64), 50, new string('a', 64), 7, new string('b', 64), 1_700_000_000_000, "", "");
        WitnessCosignature Of(long registerSize) => new("Observer Mission", key, head.TreeSize, registerSize, head.RootHash,
            head.RegisterRoot, head.Timestamp, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(witness,
                new Core.Transparency.TreeHead(head.Election, Convert.FromHexString(head.DefinitionSha256), head.TreeSize,
                    Convert.FromHexString(head.RootHash), registerSize, Convert.FromHexString(head.RegisterRoot),
                    DateTimeOffset.FromUnixTimeMilliseconds(head.Timestamp)).SignedBytes())), 1);
        var enrolled = new Dictionary<string, string> { ["Observer Mission"] = key };
        var revoked = new Dictionary<string, long> { ["Observer Mission"] = 6 };

        var problems = new List<string>();
        Commands.Verify.CosignatureCheck.Check(new Cosignatures([Of(5) with { RevokedBy = 6 }], []), head, enrolled, problems, revoked);
        Assert.Empty(problems); // a head of five register records, signed before record 6 revoked the witness
        Commands.Verify.CosignatureCheck.Check(new Cosignatures([Of(6), Of(7)], []), head, enrolled, problems, revoked);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("FORGED COSIGNATURE: /api/v1/cosignatures lists Observer Mission", p, StringComparison.Ordinal));
        Assert.Contains("the register revoked that witness in record 6, before that head (whose register holds 7 records)", problems[1],
            StringComparison.Ordinal);
        problems.Clear();
        Commands.Verify.CosignatureCheck.Check(new Cosignatures([Of(7)], []), head, enrolled, problems);
        Assert.Empty(problems); // the same signature verifies: only the register's revocation makes it forged
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
