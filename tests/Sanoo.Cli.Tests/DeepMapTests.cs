using System.Net;
using System.Text;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// Elections whose map is not nation → region → district → station: a five-level map with two groupings of the same stations
/// (electoral districts cutting across it), and a two-level one, generated, ingested, tallied, served and verified end to end.
/// </summary>
public sealed class DeepMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-deep-").FullName;

    private string Db => "sqlite:" + Path.Combine(_folder, "store.db");

    private Election Generate(int stations, int levels, int groupings)
    {
        var (code, output) = CliRun.Sanoo(
            "generate", "synthetic", "--stations", $"{stations}", "--levels", $"{levels}", "--groupings", $"{groupings}", "--out", _folder);
        Assert.True(code == 0, output);
        Assert.Contains($"on {levels} levels", output, StringComparison.Ordinal);
        var (ingested, log) = CliRun.Sanoo(
            "ingest", "--definition", Path.Combine(_folder, "election.json"), "--db", Db, Path.Combine(_folder, "hand.jsonl"));
        Assert.True(ingested == 0, log);
        return Assert.IsType<DefinitionResult.Loaded>(DefinitionReader.Read(File.ReadAllBytes(Path.Combine(_folder, "election.json")))).Election;
    }

    /// <summary>The hand votes of the first choice on the ballot (p01) at the stations of <paramref name="area"/>, added up from the
    /// protocol file.</summary>
    private long FirstChoiceVotes(Election election, AreaId area)
    {
        var stations = election.StationsOf(election.AreaIndex(area)).ToArray()
            .Select(o => election.Areas[election.StationAreaIndex(o)].Id)
            .ToHashSet();
        return File.ReadLines(Path.Combine(_folder, "hand.jsonl"))
            .Select(line => Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(election, Encoding.UTF8.GetBytes(line))).Protocol)
            .Where(p => stations.Contains(p.Station))
            .Sum(p => (long)p.Votes[0]);
    }

    private long TalliedFirstChoice(string area)
    {
        var (code, json) = CliRun.Sanoo("tally", "--db", Db, "--json", "--area", area);
        Assert.True(code == 0, json);
        return JsonDocument.Parse(json).RootElement.GetProperty("choices").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "p01")
            .GetProperty("votes").GetInt64();
    }

    [Fact]
    public async Task A_five_level_election_with_two_groupings_tallies_serves_and_verifies()
    {
        var election = Generate(3000, levels: 5, groupings: 2);
        Assert.Equal(["nation", "level1", "level2", "level3", "station", "grouping1", "grouping2"], election.Levels.Select(l => l.Id));
        foreach (var level in new[] { 1, 2, 3, 5, 6 })
        {
            var area = election.Areas.First(a => a.Level == level).Id;
            Assert.Equal(FirstChoiceVotes(election, area), TalliedFirstChoice(area.Value));
        }
        // The two groupings cover the same stations in different ways: each adds up to the nation.
        foreach (var grouping in new[] { 5, 6 })
        {
            Assert.Equal(
                FirstChoiceVotes(election, election.Areas[0].Id),
                election.Areas.Where(a => a.Level == grouping).Sum(a => FirstChoiceVotes(election, a.Id)));
        }

        var commission = CommissionKey.Ephemeral();
        var (log, app) = await TamperDrill.StartAsync(
            Db["sqlite:".Length..],
            null,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50) },
            commission);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var home = await http.GetStringAsync("/en/");
            Assert.Contains(">Districts of grouping 1</h2>", home, StringComparison.Ordinal);
            Assert.Contains(">Districts of grouping 2</h2>", home, StringComparison.Ordinal);
            Assert.Contains(">Areas of level 1</h2>", home, StringComparison.Ordinal);
            var grouped = election.Areas.First(a => a.Level == 6);
            var page = await http.GetAsync($"/en/area/{grouped.Id}/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(">Polling stations</h2>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var results = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/results?area={grouped.Id}")).RootElement;
            Assert.Equal("grouping2", results.GetProperty("area").GetProperty("kind").GetString());
            Assert.Equal(FirstChoiceVotes(election, grouped.Id), results.GetProperty("choices")[0].GetProperty("votes").GetInt64());

            var (code, output) = CliRun.Sanoo(
                "verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(commission.PublicKey),
                "--state", Path.Combine(_folder, "state.json"));
            Assert.True(code == 0, output);
            Assert.Contains("VERIFIED: 3,000 entries", output, StringComparison.Ordinal);
        }
        finally
        {
            await TamperDrill.StopAsync(log, app);
        }
    }

    [Fact]
    public void A_two_level_election_has_its_stations_directly_under_the_nation()
    {
        var election = Generate(50, levels: 2, groupings: 0);
        Assert.All(election.Areas.Skip(1), a => Assert.Equal(election.Areas[0].Id, a.Parent));
        Assert.Equal(FirstChoiceVotes(election, election.Areas[0].Id), TalliedFirstChoice("nation"));
        var (code, output) = CliRun.Sanoo("check", Path.Combine(_folder, "election.json"));
        Assert.True(code == 0, output);
        Assert.Matches(@"Polling stations\W+50", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
