using System.Globalization;
using System.Text.Json;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo audit</c> on the kg-2021 demo store (the machine count signed by the stations' devices, the hand count beside it): the
/// audit of the party-list contest plans, draws its stations from the seed, takes each drawn station's hand count as its recount
/// (entered twice), and stops; Arlo's files hold every station.
/// </summary>
public sealed class AuditCommandTests(Kg2021Files files) : IClassFixture<Kg2021Files>, IDisposable
{
    private const string Seed = "32805417963180645971";
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-audit-").FullName;

    private string Db => "sqlite:" + Path.Combine(_folder, "store.db");

    private void Fill()
    {
        Run("ingest", "--definition", files.Definition, "--db", Db, files.Hand);
        Run("keys", "enrol", "--db", Db, "--keys", Path.Combine(files.Folder, "devices.jsonl"));
        Run("ingest", "--db", Db, files.Machine);
        Run("operators", "add", "--db", Db, "--name", "ann", "--role", "admin");
        Run("operators", "add", "--db", Db, "--name", "bob", "--role", "admin");
    }

    private static string Run(params string[] args)
    {
        var (code, output) = CliRun.Sanoo(args);
        Assert.True(code == 0, string.Join(' ', args) + ": " + output);
        return output;
    }

    private JsonElement Status() => JsonDocument.Parse(Run("audit", "status", "--db", Db, "--json")).RootElement;

    [Fact]
    public async Task The_audit_of_the_demo_store_plans_samples_records_recounts_and_stops()
    {
        Fill();
        var planned = JsonDocument.Parse(Run("audit", "plan", "--db", Db, "--risk-limit", "5%", "--seed", Seed, "--contest", "list", "--json"))
            .RootElement;
        Assert.Equal("recounting", planned.GetProperty("state").GetString());
        Assert.Equal("0.05", planned.GetProperty("riskLimit").GetString());
        Assert.Equal("machine", planned.GetProperty("source").GetString());
        var first = planned.GetProperty("rounds")[0];
        Assert.True(first.GetProperty("draws").GetArrayLength() > 0);

        // One drawn station through the command, by two operators; a station not drawn is refused.
        var station = first.GetProperty("stations")[0].GetProperty("station").GetString()!;
        var hand = await HandCountsAsync();
        var (ballots, votes) = Sheet(hand[station]);
        var once = Run("audit", "recount", "--db", Db, "--station", station, "--by", "ann", "--ballots", ballots, "--votes", votes);
        Assert.Contains("A second operator must now enter", once, StringComparison.Ordinal);
        Assert.Contains("agree: it counts", Run("audit", "recount", "--db", Db, "--station", station, "--by", "bob", "--ballots", ballots,
            "--votes", votes), StringComparison.Ordinal);
        var notDrawn = hand.Keys.First(s => !Drawn(planned).Contains(s));
        var (refused, why) = CliRun.Sanoo("audit", "recount", "--db", Db, "--station", notDrawn, "--by", "ann", "--ballots", "1", "--votes", "1");
        Assert.Equal(1, refused);
        Assert.Contains("was not drawn", why, StringComparison.Ordinal);

        // The rest of each round's stations, entered twice through the log as the command does, until the audit decides.
        var status = Status();
        for (var round = 0; status.GetProperty("state").GetString() == "recounting" && round < 6; round++)
        {
            await RecountAsync(status, hand);
            status = Status();
        }
        Assert.Equal("confirmed", status.GetProperty("state").GetString());
        var last = status.GetProperty("rounds")[status.GetProperty("rounds").GetArrayLength() - 1];
        Assert.True(double.Parse(last.GetProperty("risk").GetString()!, CultureInfo.InvariantCulture) <= 0.05);

        // The decision is in the register, and Arlo's files list every station with its machine count.
        var book = await BookAsync();
        Assert.Equal("confirmed", book.Results[^1].Decision);
        Assert.Equal(Seed, book.Plan!.Seed);
        var arlo = Path.Combine(_folder, "arlo");
        Run("audit", "export-arlo", "--db", Db, "--out", arlo);
        var manifests = Directory.GetFiles(arlo, "*-manifest.csv");
        Assert.Equal(2494, manifests.Sum(f => File.ReadAllLines(f).Length - 1));
        Assert.All(manifests, f => Assert.Equal("Batch Name,Number of Ballots", File.ReadLines(f).First()));
    }

    [Fact]
    public void A_seed_of_too_few_digits_and_a_second_plan_are_refused()
    {
        Fill();
        var (code, output) = CliRun.Sanoo("audit", "plan", "--db", Db, "--risk-limit", "5%", "--seed", "123456", "--contest", "list");
        Assert.Equal(1, code);
        Assert.Contains("at least 20 decimal digits", output, StringComparison.Ordinal);
        Run("audit", "plan", "--db", Db, "--risk-limit", "10%", "--seed", Seed, "--contest", "list");
        (code, output) = CliRun.Sanoo("audit", "plan", "--db", Db, "--risk-limit", "5%", "--seed", Seed, "--contest", "list");
        Assert.Equal(1, code);
        Assert.Contains("a store holds one audit", output, StringComparison.Ordinal);
    }

    private static HashSet<string> Drawn(JsonElement status) =>
    [
        .. status.GetProperty("rounds").EnumerateArray().SelectMany(r => r.GetProperty("draws").EnumerateArray()).Select(d => d.GetString()!),
    ];

    private static (string Ballots, string Votes) Sheet(BatchCount count) =>
        (count.Ballots.ToString(CultureInfo.InvariantCulture), string.Join(",", count.Votes.Select(v => v.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Each station's hand count of the party-list contest, as the audit reads a protocol.</summary>
    private async Task<Dictionary<string, BatchCount>> HandCountsAsync()
    {
        await using var store = await StoreAddress.OpenAsync(Db);
        await using var log = await ElectionLog.OpenAsync(store, null);
        var snapshot = await log.FreezeAsync();
        var plan = log.Election.Contest(new ContestId("list"))!;
        return log.Election.Areas.Where(a => a.IsStation)
            .Select(a => (a.Id.Value, P: snapshot.Counted(a.Id, plan.Contest.Id, new SourceId("hand"))))
            .Where(p => p.P is not null)
            .ToDictionary(p => p.Value, p => AuditManifest.Count(plan, p.P!.Lines.AsSpan(), p.P.Votes.AsSpan()));
    }

    private async Task RecountAsync(JsonElement status, Dictionary<string, BatchCount> hand)
    {
        await using var store = await StoreAddress.OpenAsync(Db);
        await using var log = await ElectionLog.OpenAsync(store, null);
        var round = status.GetProperty("rounds")[status.GetProperty("rounds").GetArrayLength() - 1];
        foreach (var s in round.GetProperty("stations").EnumerateArray().Where(s => !s.GetProperty("recounted").GetBoolean()))
        {
            var station = s.GetProperty("station").GetString()!;
            foreach (var by in new[] { "ann", "bob" })
            {
                var entry = new AuditRecountRecord(0, 0, DateTimeOffset.UtcNow, by, station, "list", hand[station].Ballots, hand[station].Votes);
                await log.RecordAuditAsync<int>((_, _) => ([entry], 0));
            }
        }
    }

    private async Task<AuditBook> BookAsync()
    {
        await using var store = await StoreAddress.OpenAsync(Db);
        await using var log = await ElectionLog.OpenAsync(store, null);
        return await log.AuditAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
