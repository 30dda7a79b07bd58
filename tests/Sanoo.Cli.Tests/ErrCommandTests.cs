using System.Text.Json;
using System.Xml.Linq;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo export err</c> and <c>sanoo import err</c> end to end: a store's snapshot (now or at an earlier log position) written as
/// an ERR report, read back into files that <c>sanoo tally</c> takes, with what the format could not carry said.
/// </summary>
public sealed class ErrCommandTests(Kg2021Files files) : IClassFixture<Kg2021Files>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-err-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string At(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_store_exported_as_ERR_XML_and_imported_back_tallies_to_the_official_figures()
    {
        var db = "sqlite:" + At("kg.db");
        var (ingested, log) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, files.Hand);
        Assert.True(ingested == 0, log);

        var (exported, said) = CliRun.Sanoo("export", "err", "--db", db, "--out", At("kg.xml"));
        Assert.True(exported == 0, said);
        Assert.Contains("unofficial-complete", said, StringComparison.Ordinal);
        XNamespace nist = "http://itl.nist.gov/ns/voting/1500-100/v2";
        Assert.Equal(nist + "ElectionReport", XDocument.Load(At("kg.xml")).Root!.Name);

        var (imported, notes) = CliRun.Sanoo("import", "err", At("kg.xml"), "--out", At("again"));
        Assert.True(imported == 0, notes);
        Assert.Contains("hand.jsonl (4,929 protocols)", notes, StringComparison.Ordinal);
        Assert.Contains("seat rules", notes, StringComparison.Ordinal);
        Assert.Contains("no protocol form", notes, StringComparison.Ordinal);

        var (tallied, json) = CliRun.Sanoo("tally", At("again/election.json"), At("again/hand.jsonl"), "--json");
        Assert.True(tallied == 0, json);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal((1_293_946L, 1_173_710L), (report.GetProperty("participation").GetInt64(), report.GetProperty("validVotes").GetInt64()));
        Assert.Equal(2_494, report.GetProperty("reporting").GetProperty("stations").GetInt32());
    }

    [Fact]
    public void An_earlier_snapshot_is_exported_as_it_stood_and_a_position_outside_the_log_is_refused()
    {
        var db = "sqlite:" + At("kg.db");
        var (ingested, log) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, files.Hand);
        Assert.True(ingested == 0, log);

        var (exported, said) = CliRun.Sanoo("export", "err", "--db", db, "--out", At("early.json"), "--snapshot", "100");
        Assert.True(exported == 0, said);
        var report = JsonDocument.Parse(File.ReadAllBytes(At("early.json"))).RootElement;
        Assert.Equal("unofficial-partial", report.GetProperty("Status").GetString());
        Assert.Equal("100", report.GetProperty("ExternalIdentifier")[0].GetProperty("Value").GetString());
        var (imported, notes) = CliRun.Sanoo("import", "err", At("early.json"), "--out", At("early"));
        Assert.True(imported == 0, notes);
        var protocols = File.ReadAllLines(At("early/hand.jsonl")).Length;
        Assert.InRange(protocols, 1, 100);

        var (refused, why) = CliRun.Sanoo("export", "err", "--db", db, "--out", At("late.json"), "--snapshot", "999999");
        Assert.Equal(1, refused);
        Assert.Contains("outside the log", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_at_or_after_the_position_the_commission_certified_is_exported_as_certified_and_one_before_is_not()
    {
        var db = "sqlite:" + At("kg.db");
        var (ingested, log) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, files.Hand);
        Assert.True(ingested == 0, log);
        await using (var store = await Storage.StoreAddress.OpenAsync(db))
        {
            await store.CertifyAsync(new Storage.Acts.Certification(0, 100, "Certified so far.", "cec", DateTimeOffset.UnixEpoch));
        }

        string Status(params string[] snapshot)
        {
            var file = At($"at-{snapshot.Length}-{snapshot.LastOrDefault()}.json");
            var (exported, said) = CliRun.Sanoo(["export", "err", "--db", db, "--out", file, .. snapshot]);
            Assert.True(exported == 0, said);
            return JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.GetProperty("Status").GetString()!;
        }
        Assert.Equal("certified", Status("--snapshot", "100"));
        Assert.Equal("certified", Status()); // the store's current snapshot
        Assert.Equal("unofficial-partial", Status("--snapshot", "99"));
    }
}
