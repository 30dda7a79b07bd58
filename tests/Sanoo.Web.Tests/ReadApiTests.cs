using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Sanoo.Web.Tests;

/// <summary>The public read API over a real Kestrel: consistent snapshots, ETags, and never an impossible number.</summary>
public class ReadApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<long> LoadHandCountsAsync(int count)
    {
        long last = 0;
        foreach (var chunk in ServerFixture.Sample.Hand.Take(count).Chunk(500))
        {
            var response = await server.SubmitAsync(
                new { submissions = chunk.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) }, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray()
                .Max(r => r.GetProperty("sequence").GetInt64());
        }
        await server.WaitForSnapshotAsync(last);
        return last;
    }

    [Fact]
    public async Task Results_carry_their_snapshot_and_an_etag_that_answers_304_until_the_next_snapshot()
    {
        var position = await LoadHandCountsAsync(300);
        var first = await server.Client.GetAsync("/api/v1/results");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal(SnapshotCache, first.Headers.CacheControl!.ToString());
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{body.GetProperty("snapshot").GetInt64()}\"", etag);
        Assert.True(body.GetProperty("snapshot").GetInt64() >= position);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/results");
        again.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var notModified = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var next = await LoadHandCountsAsync(310);
        var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/results");
        changed.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var fresh = await server.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag!.Tag);
        Assert.True(next > position);
    }

    private const string SnapshotCache = "public, max-age=1, stale-while-revalidate=5";

    [Fact]
    public async Task No_published_area_ever_shows_more_votes_than_voters_or_more_reporting_than_stations()
    {
        await LoadHandCountsAsync(1500);
        var election = ServerFixture.Sample.Election;
        var areas = election.Areas.Where(a => !a.IsStation).ToList();
        foreach (var source in new[] { "hand", "machine" })
        {
            foreach (var area in areas)
            {
                var results = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/results?source={source}&area={area.Id}");
                var participation = results.GetProperty("participation").GetInt64();
                var votes = results.GetProperty("choices").EnumerateArray().Sum(c => c.GetProperty("votes").GetInt64());
                var shares = results.GetProperty("choices").EnumerateArray().Sum(c => c.GetProperty("sharePercent").GetDecimal());
                var reporting = results.GetProperty("reporting");
                Assert.True(votes <= participation, $"{area.Id}: {votes} votes for {participation} voters");
                Assert.True(shares <= 100.01m, $"{area.Id}: shares sum to {shares}%");
                Assert.True(reporting.GetProperty("stations").GetInt32() <= reporting.GetProperty("stationsExpected").GetInt32());
                Assert.Equal(votes, results.GetProperty("validVotes").GetInt64());
                var childVotes = results.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("validVotes").GetInt64());
                if (results.GetProperty("children").GetArrayLength() > 0 && area.Level != 2)
                {
                    Assert.Equal(votes, childVotes);
                }
            }
        }
    }

    [Fact]
    public async Task Status_names_the_snapshot_and_says_publication_is_live()
    {
        var status = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/status");
        Assert.Equal("kg-2021", status.GetProperty("election").GetString());
        Assert.Equal("live", status.GetProperty("publication").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("halted").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/results?contest=nope", "Unknown contest")]
    [InlineData("/api/v1/results?source=fax", "Unknown source")]
    [InlineData("/api/v1/results?area=s0001", "Unknown area")]
    [InlineData("/api/v1/stations/bishkek", "Unknown station")]
    public async Task Unknown_ids_get_a_404_problem(string url, string title)
    {
        var response = await server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("results")]
    [InlineData("forensics")]
    [InlineData("progress")]
    public async Task A_count_read_at_an_area_where_the_contest_is_not_tallied_is_a_404_naming_the_contest(string read)
    {
        var nation = (await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/results")).GetProperty("area").GetProperty("id").GetString();
        var response = await server.Client.GetAsync($"/api/v1/{read}?contest=smd-27&area={nation}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unknown area", problem.GetProperty("title").GetString());
        Assert.Contains($"contest 'smd-27' is not tallied at '{nation}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_member_district_where_against_all_leads_has_no_winner()
    {
        await LoadHandCountsAsync(ServerFixture.Sample.Hand.Length);
        var district = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/results?contest=smd-27&lang=en");
        Assert.Equal(JsonValueKind.Null, district.GetProperty("outcome").GetProperty("elected").ValueKind);
        Assert.Contains("against all", district.GetProperty("outcome").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var inKyrgyz = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/results?contest=smd-27&lang=ky");
        Assert.Contains("«Баарына каршы»", inKyrgyz.GetProperty("outcome").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var national = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/results");
        Assert.Equal(1_293_946, national.GetProperty("participation").GetInt64());
        Assert.Equal(15, national.GetProperty("seats").GetProperty("parties").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "p21").GetProperty("seats").GetInt32());
    }
}

/// <summary>The seats are explained in the language asked for, beside the same steps as data.</summary>
public sealed partial class SeatExplanationApiTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    private async Task<JsonElement> SeatsAsync(string language)
    {
        foreach (var chunk in ServerFixture.Sample.Hand.Chunk(500))
        {
            var batch = new { submissions = chunk.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) };
            var response = await server.SubmitAsync(batch, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var receipts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts");
            await server.WaitForSnapshotAsync(receipts.EnumerateArray().Max(r => r.GetProperty("sequence").GetInt64()));
        }
        return (await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/results?lang={language}")).GetProperty("seats");
    }

    [Theory]
    [InlineData("ky", "Шайлоо босогосу: 5%", "Шайлоо квотасы (Хэйр ыкмасы)", "Мандаттарды бөлүштүрүү: ", "Ата-Журт Кыргызстан — 15")]
    [InlineData("ru", "Порог: 5\u00a0%", "Избирательная квота (метод Хэйра)", "Распределение мандатов: ", "Ата Журт Кыргызстан — 15")]
    public async Task Results_explain_the_seats_in_kyrgyz_and_russian_with_the_official_terms(
        string language, string threshold, string quota, string seats, string winner)
    {
        var json = await SeatsAsync(language);
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.All(steps, s => Assert.DoesNotMatch(Latin(), s));
        Assert.StartsWith(threshold, steps[0], StringComparison.Ordinal);
        Assert.Contains(steps, s => s.StartsWith(quota, StringComparison.Ordinal));
        Assert.StartsWith(seats, steps[^1], StringComparison.Ordinal);
        Assert.Contains(winner, steps[^1], StringComparison.Ordinal);
        output.WriteLine(string.Join("\n", steps));
    }

    [Theory]
    [InlineData("ky", "Мандаттар кантип бөлүштүрүлдү", "Шайлоо квотасы (Хэйр ыкмасы)")]
    [InlineData("ru", "Как распределены мандаты", "Избирательная квота (метод Хэйра)")]
    [InlineData("en", "How the seats were allocated", "Quota (hare)")]
    public async Task The_results_page_explains_the_seats_in_its_language(string language, string heading, string quota)
    {
        await SeatsAsync(language);
        var page = await server.Client.GetStringAsync($"/{language}/");
        var steps = WebUtility.HtmlDecode(page[page.IndexOf("data-seat-steps", StringComparison.Ordinal)..]);
        Assert.Contains(heading, steps, StringComparison.Ordinal);
        Assert.Contains(quota, steps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_carry_the_steps_as_data_beside_their_words()
    {
        var json = await SeatsAsync("en");
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.StartsWith("Threshold: 5% of 1,293,946 (all voters who took part) = 64,697.30 votes.", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("Seats: ", steps[^1], StringComparison.Ordinal);
        Assert.Contains("Ata-Jurt Kyrgyzstan 15", steps[^1], StringComparison.Ordinal);
        var data = json.GetProperty("stepData").EnumerateArray().ToList();
        Assert.Equal(steps.Count, data.Count);
        var threshold = data[0];
        Assert.Equal("threshold", threshold.GetProperty("kind").GetString());
        Assert.Equal(1_293_946, threshold.GetProperty("base").GetInt64());
        Assert.Equal("participation", threshold.GetProperty("basis").GetString());
        var quota = data.Single(d => d.GetProperty("kind").GetString() == "quota");
        Assert.Equal(54, quota.GetProperty("seats").GetInt32());
        Assert.Equal($"{quota.GetProperty("votes").GetInt64()}/54", quota.GetProperty("quota").GetProperty("exact").GetString());
        var won = data[^1].GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("seats").GetInt32());
        Assert.Equal([15, 12, 9, 7, 6, 5], won.OrderDescending());
        Assert.Equal(0, json.GetProperty("tieData").GetArrayLength());
    }
}

/// <summary>A flood of requests from one address is rate-limited; another address is not affected.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { WritesPerSecond = 5 };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_flood_from_one_address_is_limited_and_others_are_unaffected()
    {
        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            _server.Client.PostAsync("/api/v1/protocols", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))));
        var statuses = flood.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.BadRequest) <= 10, "at most two windows' worth got through");
        Assert.All(flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.Equal("1", r.Headers.RetryAfter!.ToString()));
        using var other = _server.ClientFrom("127.0.0.2");
        var response = await _server.SubmitAsync(
            new { protocol = ServerFixture.ProtocolJson(ServerFixture.Sample.Hand[0]) }, ServerFixture.AdminToken, other);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>The API describes itself: an OpenAPI document and a readable reference page.</summary>
public class ApiDocumentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var document = await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            [
                "/api/v1/area-entries", "/api/v1/audit", "/api/v1/certifications", "/api/v1/cosignatures", "/api/v1/definition",
                "/api/v1/entries",
                "/api/v1/export/err.json", "/api/v1/export/err.xml", "/api/v1/flagged", "/api/v1/forensics",
                "/api/v1/hand-entries", "/api/v1/hand-entries/queue", "/api/v1/images/{sha256}", "/api/v1/keys",
                "/api/v1/progress", "/api/v1/proofs/consistency", "/api/v1/proofs/inclusion", "/api/v1/protocols",
                "/api/v1/recounts", "/api/v1/recounts/{id}/outcome", "/api/v1/register", "/api/v1/rejected",
                "/api/v1/reports", "/api/v1/reports/{id}/answer", "/api/v1/results", "/api/v1/stations/{id}", "/api/v1/status",
                "/api/v1/thumbnails/{sha256}", "/api/v1/tree-head", "/api/v1/turnout",
            ],
            paths.Order(StringComparer.Ordinal));
        Assert.Equal("Sanoo API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_reference_page_is_readable_html()
    {
        var response = await server.Client.GetAsync("/api");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains(
            "POST /api/v1/protocols",
            html.Replace("<code>", "", StringComparison.Ordinal).Replace("</code>", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }
}
