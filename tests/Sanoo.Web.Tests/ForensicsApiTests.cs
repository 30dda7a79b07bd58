using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>
/// The statistical anomalies over a real Kestrel: <c>/api/v1/forensics</c> with its fixed names, and the forensics pages in ky, ru
/// and en with the comet and the stations flagged, which their station pages name too.
/// </summary>
public class ForensicsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Wire = WireJson.Default.Options;

    /// <summary>Every hand count, and at the two stations with a device key a machine count 20 votes apart from it.</summary>
    private async Task<string[]> LoadAsync()
    {
        long last = 0;
        foreach (var chunk in ServerFixture.Sample.Hand.Chunk(500))
        {
            var response = await server.SubmitAsync(
                new { submissions = chunk.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) }, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray()
                .Max(r => r.GetProperty("sequence").GetInt64());
        }
        var differing = ServerFixture.Sample.Hand
            .Where(p => p.Contest.Value == "list" && server.Keys.ContainsKey(p.Station.Value))
            .Select(p =>
            {
                var votes = p.Votes.ToArray();
                var (from, to) = (Array.IndexOf(votes, votes.Max()), Array.IndexOf(votes, votes.Min()));
                (votes[from], votes[to]) = (votes[from] - 20, votes[to] + 20);
                return p with { Source = new Core.Definitions.SourceId("machine"), Votes = [.. votes] };
            })
            .ToList();
        Assert.Equal(2, differing.Count);
        foreach (var protocol in differing)
        {
            var signature = ServerFixture.Sign(protocol, server.Keys[protocol.Station.Value]);
            var response = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol), signature });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
            last = Math.Max(last, receipt.GetProperty("sequence").GetInt64());
        }
        await server.WaitForSnapshotAsync(last);
        return [.. differing.Select(p => p.Station.Value)];
    }

    [Fact]
    public async Task The_api_reports_the_integer_tests_by_their_fixed_names_and_flags_the_stations_whose_counts_differ()
    {
        var differing = await LoadAsync();
        var json = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/forensics");
        var turnout = json.GetProperty("integerPercentages").GetProperty("turnout");
        foreach (var name in new[] { "observed", "expected", "excess", "pValue" })
        {
            Assert.True(turnout.TryGetProperty(name, out _), name);
            Assert.True(json.GetProperty("integerPercentages").GetProperty("leaderShare").TryGetProperty(name, out _), name);
        }
        var report = json.Deserialize<ForensicsReport>(Wire)!;
        Assert.Equal(ServerFixture.Sample.Election.StationCount, report.Stations);
        Assert.False(report.IntegerPercentages.Alarm, "the kg-2021 sample raises no integer-percentage alarm");
        Assert.InRange(report.IntegerPercentages.Turnout.PValue, 0.01, 1);
        var t = report.IntegerPercentages.Turnout;
        Assert.InRange(t.Observed - t.Expected - t.Excess, -0.01, 0.01);
        Assert.InRange(t.PValueUpper, t.PValue, 1);
        Assert.All(differing, s => Assert.Contains("counts-differ", report.Flags.Single(f => f.Station == s).Reasons));
        Assert.Contains(report.Methods, m => m.Reference.Contains("Annals of Applied Statistics", StringComparison.Ordinal));
        Assert.Equal(100, report.Distributions.Comet.Count);

        var region = report.Areas[0].Area;
        var inRegion = await server.Client.GetFromJsonAsync<ForensicsReport>($"/api/v1/forensics?area={region}", Wire);
        Assert.Equal(region, inRegion!.Area);
        Assert.True(inRegion.Stations < report.Stations);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/v1/forensics?area=nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/api/v1/forensics?area={differing[0]}")).StatusCode);
    }

    [Theory]
    [InlineData("en", "Statistical anomalies", "The two counts differ")]
    [InlineData("ru", "Статистические аномалии", "Два подсчёта расходятся")]
    [InlineData("ky", "Статистикалык аномалиялар", "Эки эсеп айырмаланат")]
    public async Task The_forensics_page_renders_the_comet_and_the_flagged_stations_which_their_station_pages_name(
        string language, string title, string reason)
    {
        var differing = await LoadAsync();
        var page = await server.Client.GetStringAsync($"/{language}/forensics/");
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("data-comet><svg", page, StringComparison.Ordinal);
        Assert.Contains("data-histogram=\"turnout\"><svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Matches("data-forensics-stations>[^<]*2[\u00A0,]?494", page);
        Assert.All(differing, s => Assert.Contains($"data-flagged=\"{s}\"", page, StringComparison.Ordinal));
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Contains("data-alarm=\"no\"", page, StringComparison.Ordinal);

        var station = await server.Client.GetStringAsync($"/{language}/station/{differing[0]}/");
        Assert.Contains("data-station-flags", station, StringComparison.Ordinal);
        Assert.Contains(reason, station, StringComparison.Ordinal);
        var data = await server.Client.GetFromJsonAsync<ForensicsReport>($"/{language}/forensics/data.json", Wire);
        Assert.Equal(ServerFixture.Sample.Election.StationCount, data!.Stations);
        var region = await server.Client.GetStringAsync($"/{language}/area/{data.Areas[0].Area}/forensics/");
        Assert.Contains("data-comet><svg", region, StringComparison.Ordinal);
    }
}
