using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>
/// The count through the night over a real Kestrel: <c>/api/v1/progress</c> ends at the published results, per count source, and
/// the pages <c>/{lang}/progress/</c> draw it as SVG with its figures in a table and as CSV, linked from the area's page.
/// </summary>
public class ProgressApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Wire = WireJson.Default.Options;

    /// <summary>The first stations' hand counts of the list contest, in two batches.</summary>
    private async Task LoadAsync()
    {
        long last = 0;
        foreach (var chunk in ServerFixture.Sample.Hand.Where(p => p.Contest.Value == "list").Take(600).Chunk(300))
        {
            var response = await server.SubmitAsync(
                new { submissions = chunk.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) }, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray()
                .Max(r => r.GetProperty("sequence").GetInt64());
        }
        await server.WaitForSnapshotAsync(last);
    }

    [Fact]
    public async Task The_series_ends_at_the_published_results_of_each_source()
    {
        await LoadAsync();
        var report = (await server.Client.GetFromJsonAsync<ProgressReport>("/api/v1/progress", Wire))!;
        var results = (await server.Client.GetFromJsonAsync<AreaResults>("/api/v1/results?source=hand", Wire))!;
        Assert.Equal(results.Snapshot, report.Snapshot);
        Assert.Equal(results.Area.Id, report.Area);
        Assert.Equal("Asia/Bishkek", report.TimeZone);
        Assert.Equal(results.Choices.Select(c => c.Id), report.Choices);
        Assert.Equal(["machine", "hand"], report.Sources.Select(s => s.Source));
        var hand = report.Sources.Single(s => s.Source == "hand");
        Assert.True(hand.Official);
        Assert.InRange(hand.Points.Count, 1, 96);
        Assert.Equal(results.Reporting.Stations, hand.Points[^1].Reporting);
        Assert.Equal(results.Reporting.StationsExpected, hand.StationsExpected);
        Assert.Equal(results.Participation, hand.Points[^1].Participation);
        Assert.Equal(results.Choices.Select(c => c.Votes), hand.Points[^1].Votes);
        Assert.Empty(report.Sources.Single(s => s.Source == "machine").Points);

        var only = (await server.Client.GetFromJsonAsync<ProgressReport>("/api/v1/progress?source=hand", Wire))!;
        Assert.Equal("hand", Assert.Single(only.Sources).Source);
        var region = results.Children[0].Id;
        var inRegion = (await server.Client.GetFromJsonAsync<ProgressReport>($"/api/v1/progress?source=hand&area={region}", Wire))!;
        Assert.Equal(results.Children[0].Reporting.Stations, inRegion.Sources[0].Points is [.., var latest] ? latest.Reporting : 0);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/v1/progress?area=s0001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/v1/progress?source=nobody")).StatusCode);
    }

    [Fact]
    public async Task The_page_draws_both_charts_with_a_table_and_offers_every_point_as_csv_in_each_language()
    {
        await LoadAsync();
        foreach (var lang in new[] { "ky", "ru", "en" })
        {
            var html = await server.Client.GetStringAsync($"/{lang}/progress/");
            Assert.Contains("data-progress-chart=\"reporting\"", html, StringComparison.Ordinal);
            Assert.Contains("data-progress-chart=\"shares\"", html, StringComparison.Ordinal);
            Assert.Contains("<desc>", html, StringComparison.Ordinal);
            Assert.Contains("<details data-progress-figures>", html, StringComparison.Ordinal);
            var home = await server.Client.GetStringAsync($"/{lang}/");
            Assert.Contains($"href=\"/{lang}/progress/\" data-progress-link", home, StringComparison.Ordinal);
        }
        var report = (await server.Client.GetFromJsonAsync<ProgressReport>("/api/v1/progress", Wire))!;
        var csv = (await server.Client.GetStringAsync("/en/progress/data.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("contest,area,source,at,stations_reporting,stations_expected,participation,", csv[0], StringComparison.Ordinal);
        Assert.Equal(report.Sources.Sum(s => s.Points.Count), csv.Length - 1);
        var json = (await server.Client.GetFromJsonAsync<ProgressReport>("/en/progress/data.json", Wire))!;
        Assert.Equal(report.Sources.Select(s => s.Points.Count), json.Sources.Select(s => s.Points.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/en/area/s0001/progress/")).StatusCode);
    }
}
