using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Tests;

/// <summary>
/// A real server on 127.0.0.1 for observers' reports: the kg-2021 definition, an admin, a district operator of d01, an observer
/// accredited for d01, a flood-test observer for d01 and a party agent accredited for the whole election.
/// </summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    /// <summary>The admin's token.</summary>
    public const string AdminToken = "token-cec";

    /// <summary>A district operator's token (district d01).</summary>
    public const string DistrictToken = "token-dec-01";

    /// <summary>The observer accredited for d01.</summary>
    public const string ObserverToken = "token-observer-d01";

    /// <summary>Another observer of d01, who floods.</summary>
    public const string FloodToken = "token-observer-flood";

    /// <summary>A party agent accredited for the whole election.</summary>
    public const string AgentToken = "token-agent";

    private LoopbackServer? _server;

    /// <summary>The kg-2021 sample.</summary>
    public static GeneratedElection Sample { get; } = Kg2021Generator.Generate();

    /// <summary>A client of the server.</summary>
    public HttpClient Client => _server!.Client;

    /// <summary>The server's log.</summary>
    public ElectionLog Log => _server!.Log;

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(Sample.DefinitionJson, async store =>
    {
        var d01 = new AreaId("d01");
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, LoopbackServer.Hash(AdminToken)));
        await store.AddOperatorAsync(new Operator("dec-01", OperatorRole.District, d01, LoopbackServer.Hash(DistrictToken)));
        await store.AddOperatorAsync(new Operator("aigul", OperatorRole.Observer, d01, LoopbackServer.Hash(ObserverToken)));
        await store.AddOperatorAsync(new Operator("flood", OperatorRole.Observer, d01, LoopbackServer.Hash(FloodToken)));
        var party = Sample.Election.DefaultContest.Choices[0].Id.Value;
        await store.AddOperatorAsync(new Operator("agent", OperatorRole.PartyAgent, null, LoopbackServer.Hash(AgentToken), party));
    });

    /// <summary>Posts <paramref name="body"/> as JSON with <paramref name="token"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return Client.SendAsync(request);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Observers' reports over HTTP and on the site: filed within an accreditation, answered once, flood-limited, public.</summary>
public class ReportsApiTests(ReportsFixture server) : IClassFixture<ReportsFixture>
{
    private static string Outside => ReportsFixture.Sample.Election.Areas.First(a => a.Parent?.Value == "d26").Id.Value;

    private static string S1 => InD01(1);

    private static string S2 => InD01(2);

    private static string S3 => InD01(3);

    /// <summary>The <paramref name="n"/>th station of district d01 (the observer's accreditation).</summary>
    private static string InD01(int n) =>
        ReportsFixture.Sample.Election.Areas.Where(a => a.IsStation && a.Parent?.Value == "d01").ElementAt(n).Id.Value;

    private async Task<Contracts.Report> FileAsync(object body, string token = ReportsFixture.ObserverToken)
    {
        var filed = await server.PostAsync("/api/v1/reports", body, token);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        return (await filed.Content.ReadFromJsonAsync(Contracts.WireJson.Default.ReportRecorded))!.Report;
    }

    [Fact]
    public async Task A_report_filed_and_answered_appears_on_the_station_page_and_the_reports_pages_in_kyrgyz_russian_and_english()
    {
        var photo = Convert.ToHexStringLower(SHA256.HashData("photo"u8));
        var report = await FileAsync(new
        {
            station = S3, contest = "list", what = "image-differs", text = "the photo shows 312 for party 3, the site 321", photo,
        });
        Assert.Equal("open", report.State);
        Assert.Equal("aigul", report.FiledBy);
        var answered = await server.PostAsync(
            $"/api/v1/reports/{report.Id}/answer", new { answer = "accepted", reason = "a typing slip, corrected" }, ReportsFixture.AdminToken);
        Assert.True(answered.StatusCode == HttpStatusCode.Created, await answered.Content.ReadAsStringAsync());

        var list = await server.Client.GetFromJsonAsync($"/api/v1/reports?station={S3}", Contracts.WireJson.Default.ReportList);
        var listed = Assert.Single(list!.Reports);
        Assert.Equal(("accepted", "cec", "a typing slip, corrected"), (listed.State, listed.Answer!.AnsweredBy, listed.Answer.Reason));
        Assert.Equal(photo, listed.Photo);
        var area = await server.Client.GetFromJsonAsync("/api/v1/reports?area=d01&state=accepted", Contracts.WireJson.Default.ReportList);
        Assert.Contains(area!.Reports, r => r.Id == report.Id);
        Assert.All(area.Reports, r => Assert.Equal("accepted", r.State));

        foreach (var (lang, state, title) in new[]
        {
            ("ky", ">кабыл алынды<", "Байкоочулардын билдирүүлөрү"), ("ru", ">принято<", "Сообщения наблюдателей"), ("en", ">accepted<", "Observers"),
        })
        {
            var station = await server.Client.GetStringAsync($"/{lang}/station/{S3}/");
            var election = await server.Client.GetStringAsync($"/{lang}/reports/");
            var district = await server.Client.GetStringAsync($"/{lang}/area/d01/reports/");
            Assert.DoesNotContain("reports/data.", election + district, StringComparison.Ordinal); // no download link that is not there
            foreach (var page in new[] { station, election, district })
            {
                Assert.Contains($"data-report=\"{report.Id}\" data-state=\"accepted\"", page, StringComparison.Ordinal);
                Assert.Contains("the photo shows 312 for party 3, the site 321", page, StringComparison.Ordinal);
                Assert.Contains("a typing slip, corrected", page, StringComparison.Ordinal);
                Assert.Contains(state, page, StringComparison.Ordinal);
                Assert.Contains(title, page, StringComparison.Ordinal);
                if (lang != "en")
                {
                    foreach (var english in new[] { "Observers", ">accepted<", "What is wrong", "answer<", "image and its figures" })
                    {
                        Assert.DoesNotContain(english, page, StringComparison.Ordinal);
                    }
                }
            }
            var home = await server.Client.GetStringAsync($"/{lang}/area/d01/");
            Assert.Contains($"href=\"/{lang}/area/d01/reports/\"", home, StringComparison.Ordinal);
        }
        var elsewhere = await server.Client.GetStringAsync("/en/area/d26/reports/");
        Assert.DoesNotContain($"data-report=\"{report.Id}\"", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_on_a_station_outside_the_accreditation_is_refused_naming_it()
    {
        var refused = await server.PostAsync("/api/v1/reports", new { station = Outside, what = "not-posted" }, ReportsFixture.ObserverToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(
            $"station '{Outside}' is outside aigul's accreditation (d01)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A party agent accredited for the whole election may report there; a district operator may not report at all.
        Assert.Equal("agent", (await FileAsync(new { station = Outside, what = "not-posted" }, ReportsFixture.AgentToken)).FiledBy);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync(
            "/api/v1/reports", new { station = "s0001", what = "not-posted" }, ReportsFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostAsync(
            "/api/v1/reports", new { station = "s0001", what = "not-posted" }, null)).StatusCode);
    }

    [Fact]
    public async Task Unknown_stations_unknown_concerns_and_an_empty_other_are_refused_and_observers_cannot_act_as_operators()
    {
        var unknown = await server.PostAsync("/api/v1/reports", new { station = "s9999999", what = "not-posted" }, ReportsFixture.ObserverToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'s9999999' is not a polling station", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = await server.PostAsync("/api/v1/reports", new { station = "s0001", what = "other", text = "  " }, ReportsFixture.ObserverToken);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("$.text", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.PostAsync(
            "/api/v1/reports", new { station = "s0001", what = "bribery" }, ReportsFixture.ObserverToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.PostAsync(
            "/api/v1/reports", new { station = "s0001", what = "other", text = new string('x', 1001) }, ReportsFixture.ObserverToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync(
            "/api/v1/recounts", new { station = "s0001", contest = "list", reason = "x" }, ReportsFixture.ObserverToken)).StatusCode);
        var reports = await server.Client.GetFromJsonAsync("/api/v1/reports?station=s0001", Contracts.WireJson.Default.ReportList);
        Assert.DoesNotContain(reports!.Reports, r => r.What == "bribery" || r.Text.Length > 1000);
    }

    [Fact]
    public async Task A_rejections_reason_in_several_languages_is_checked_recorded_and_quoted_in_each_pages_language()
    {
        var station = InD01(4);
        var report = await FileAsync(new { station, what = "not-posted", text = "no protocol on the door at 22:00" });
        var path = $"/api/v1/reports/{report.Id}/answer";
        var unknown = await server.PostAsync(
            path, new { answer = "rejected", reason = "posted at 21:10", translations = new { de = "um 21:10 ausgehängt" } },
            ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("$.translations.de", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothing = await server.PostAsync(
            path, new { answer = "accepted", translations = new { ru = "принято" } }, ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("no reason to give in other languages", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answered = await server.PostAsync(
            path,
            new { answer = "rejected", reason = "posted at 21:10", language = "en", translations = new { ru = "вывешен в 21:10" } },
            ReportsFixture.AdminToken);
        Assert.True(answered.StatusCode == HttpStatusCode.Created, await answered.Content.ReadAsStringAsync());
        var list = await server.Client.GetFromJsonAsync($"/api/v1/reports?station={station}", Contracts.WireJson.Default.ReportList);
        var answer = Assert.Single(list!.Reports, r => r.Id == report.Id).Answer!;
        Assert.Equal(("posted at 21:10", "en", "вывешен в 21:10"), (answer.Reason, answer.Language, answer.Translations!["ru"]));

        var ru = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/ru/station/{station}/"));
        Assert.Contains("<small>вывешен в 21:10</small>", ru, StringComparison.Ordinal);
        Assert.DoesNotContain("posted at 21:10", ru, StringComparison.Ordinal);
        var ky = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/ky/station/{station}/"));
        Assert.Contains("<small><span lang=\"en\" data-entered>posted at 21:10</span></small>", ky, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_answer_is_a_conflict_and_the_first_stands()
    {
        var report = await FileAsync(new { station = S1, what = "copy-differs", text = "our copy says 97 invalid ballots" });
        var path = $"/api/v1/reports/{report.Id}/answer";
        Assert.Equal(HttpStatusCode.BadRequest, (await server.PostAsync(path, new { answer = "rejected" }, ReportsFixture.AdminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync(
            path, new { answer = "accepted" }, ReportsFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await server.PostAsync(
            path, new { answer = "rejected", reason = "the copy shown is of another station" }, ReportsFixture.AdminToken)).StatusCode);
        var again = await server.PostAsync(path, new { answer = "accepted", reason = "on reflection" }, ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("a report has one answer", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await server.PostAsync(
            "/api/v1/reports/99999/answer", new { answer = "accepted" }, ReportsFixture.AdminToken)).StatusCode);
        var list = await server.Client.GetFromJsonAsync($"/api/v1/reports?station={S1}", Contracts.WireJson.Default.ReportList);
        var stands = Assert.Single(list!.Reports, r => r.Id == report.Id);
        Assert.Equal(("rejected", "the copy shown is of another station"), (stands.State, stands.Answer!.Reason));
    }

    [Fact]
    public async Task An_acceptance_names_only_a_recount_of_the_reports_station_or_a_protocol_version_in_its_log()
    {
        var s4 = InD01(4);
        var report = await FileAsync(new { station = s4, contest = "list", what = "copy-differs", text = "our copy: 140 for party 1" });
        var ordered = await server.PostAsync(
            "/api/v1/recounts", new { station = s4, contest = "list", reason = $"observer's report {report.Id}" }, ReportsFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var recount = (await ordered.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountOrdered))!.Recount.Sequence;
        var elsewhere = await server.PostAsync(
            "/api/v1/recounts", new { station = InD01(5), contest = "list", reason = "another" }, ReportsFixture.DistrictToken);
        var other = (await elsewhere.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountOrdered))!.Recount.Sequence;
        var path = $"/api/v1/reports/{report.Id}/answer";
        var wrong = await server.PostAsync(path, new { answer = "accepted", recount = other }, ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"there is no recount order {other} of station '{s4}'", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await server.PostAsync(
            path, new { answer = "accepted", protocol = new string('a', 64) }, ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("$.protocol", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await server.PostAsync(path, new { answer = "accepted", recount }, ReportsFixture.AdminToken);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var answer = (await accepted.Content.ReadFromJsonAsync(Contracts.WireJson.Default.ReportRecorded))!.Report.Answer!;
        Assert.Equal(("accepted", recount, ""), (answer.Answer, answer.Recount, answer.Reason));
        Assert.Contains($"recount order {recount}", await server.Client.GetStringAsync($"/en/station/{s4}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_reports_is_refused_with_429_and_retry_after()
    {
        for (var i = 0; i < Reports.ReportEndpoints.PerMinute; i++)
        {
            await FileAsync(new { station = S2, what = "other", text = $"report {i}" }, ReportsFixture.FloodToken);
        }
        var flood = await server.PostAsync("/api/v1/reports", new { station = S2, what = "other", text = "one more" }, ReportsFixture.FloodToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        Assert.InRange(int.Parse(flood.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Another observer is not held to the flooder's limit.
        await FileAsync(new { station = S2, what = "not-posted" });
        var list = await server.Client.GetFromJsonAsync($"/api/v1/reports?station={S2}&limit=10", Contracts.WireJson.Default.ReportList);
        Assert.Equal(Reports.ReportEndpoints.PerMinute + 1, list!.Total);
        Assert.Equal(10, list.Reports.Count);
        Assert.NotNull(list.Next);
        Assert.DoesNotContain(list.Reports, r => r.Text == "one more");
    }

    [Fact]
    public async Task An_observers_photo_is_served_once_a_report_names_it_and_linked_from_the_report()
    {
        var photo = Testing.TestImages.Jpeg(shade: 77, width: 200, height: 150);
        var hex = Convert.ToHexStringLower(SHA256.HashData(photo));
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{hex}") { Content = new ByteArrayContent(photo) };
        put.Content.Headers.ContentType = new("image/jpeg");
        put.Headers.Authorization = new("Bearer", ReportsFixture.ObserverToken);
        var stored = await server.Client.SendAsync(put);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        // Uploaded but named by nothing: not served, so the upload cannot publish anything else.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/api/v1/images/{hex}")).StatusCode);

        var station = InD01(4);
        var report = await FileAsync(new { station, what = "copy-differs", text = "our copy, photographed", photo = hex });
        var served = await server.Client.GetAsync($"/api/v1/images/{hex}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/api/v1/thumbnails/{hex}")).StatusCode);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        string page;
        while (!(page = await server.Client.GetStringAsync($"/en/station/{station}/"))
            .Contains($"data-report=\"{report.Id}\"", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the report did not reach the station page");
            await Task.Delay(50);
        }
        Assert.Contains($"<a href=\"/api/v1/images/{hex}\" data-report-photo>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observer_uploads_at_most_as_many_images_a_minute_as_they_may_file_reports()
    {
        HttpStatusCode last = 0;
        for (var i = 0; i <= Reports.ReportEndpoints.PerMinute; i++)
        {
            var image = Testing.TestImages.Jpeg(shade: (byte)(100 + i), width: 64, height: 48);
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{Convert.ToHexStringLower(SHA256.HashData(image))}")
            {
                Content = new ByteArrayContent(image),
            };
            put.Content.Headers.ContentType = new("image/jpeg");
            put.Headers.Authorization = new("Bearer", ReportsFixture.FloodToken);
            var answer = await server.Client.SendAsync(put);
            last = answer.StatusCode;
            if (i < Reports.ReportEndpoints.PerMinute)
            {
                Assert.True(answer.IsSuccessStatusCode, $"upload {i + 1}: {answer.StatusCode}");
            }
            else
            {
                Assert.NotNull(answer.Headers.RetryAfter);
            }
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}
