using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Turnout;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Web.Turnout;

namespace Sanoo.Web.Tests;

/// <summary>
/// A real server on 127.0.0.1 with the kg-2021 sample reporting turnout at 10:00, 14:00 and 18:00: the devices of three stations of
/// d01 enrolled, an admin and a district operator of d01.
/// </summary>
public sealed class TurnoutFixture : IAsyncLifetime
{
    /// <summary>The admin's token.</summary>
    public const string AdminToken = "token-cec";

    /// <summary>The district operator of d01.</summary>
    public const string DistrictToken = "token-dec-01";

    private LoopbackServer? _server;

    /// <summary>The kg-2021 sample.</summary>
    public static GeneratedElection Sample { get; } = Kg2021Generator.Generate();

    /// <summary>The sample's definition with turnout times.</summary>
    public static byte[] Definition { get; } = WithTimes(Sample.DefinitionJson);

    /// <summary>Its election.</summary>
    public static Election Election { get; } = ((DefinitionResult.Loaded)DefinitionReader.Read(Definition)).Election;

    /// <summary>The first stations of d01, whose devices are enrolled.</summary>
    public static IReadOnlyList<string> Stations { get; } =
        [.. Election.Areas.Where(a => a.IsStation && a.Parent?.Value == "d01").Take(3).Select(a => a.Id.Value)];

    /// <summary>Each station's device key.</summary>
    public Dictionary<string, Key> Keys { get; } = [];

    /// <summary>A client of the server.</summary>
    public HttpClient Client => _server!.Client;

    private static byte[] WithTimes(byte[] json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["turnoutTimes"] = new JsonArray("10:00", "14:00", "18:00");
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(Definition, async store =>
    {
        foreach (var station in Stations)
        {
            Keys[station] = Key.Create(
                SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            await store.EnrolDeviceAsync(new DeviceKey(new AreaId(station), Keys[station].PublicKey.Export(KeyBlobFormat.RawPublicKey),
                DateTimeOffset.UtcNow, "test"));
        }
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, LoopbackServer.Hash(AdminToken)));
        await store.AddOperatorAsync(new Operator("dec-01", OperatorRole.District, new AreaId("d01"), LoopbackServer.Hash(DistrictToken)));
    });

    /// <summary>Sends a turnout report, signed by the station's device unless a token is given (or <paramref name="key"/> signs instead).</summary>
    public Task<HttpResponseMessage> ReportAsync(string station, string time, long voters, string? token = null, Key? key = null)
    {
        var report = new TurnoutReport(Election.Id, new AreaId(station), time, voters);
        var body = new JsonObject { ["station"] = station, ["time"] = time, ["voters"] = voters };
        if (token is null)
        {
            body["signature"] = Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key ?? Keys[station], report.Canonical()));
        }
        return _server!.PostAsync("/api/v1/turnout", body, token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        foreach (var key in Keys.Values)
        {
            key.Dispose();
        }
    }
}

/// <summary>
/// Turnout during voting day: signed (or operator-sent) reports at the definition's times, refused when they cannot be true, never
/// changed; the area's turnout through the day in the API and on the site in three languages; and a count with fewer voters than
/// the station's last report flagged.
/// </summary>
public class TurnoutTests(TurnoutFixture server) : IClassFixture<TurnoutFixture>
{
    private static string S(int n) => TurnoutFixture.Stations[n];

    private static async Task<string> StatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return body;
    }

    private static long Roll(string station) => TurnoutFixture.Election.Area(new AreaId(station))!.Roll!.Total;

    [Fact]
    public async Task Reports_that_cannot_be_true_or_are_not_the_devices_are_refused_and_a_report_is_never_changed()
    {
        var station = S(0);
        await StatusAsync(await server.ReportAsync(station, "10:00", 40), HttpStatusCode.Created);
        await StatusAsync(await server.ReportAsync(station, "10:00", 40), HttpStatusCode.OK); // the same again: nothing new
        Assert.Contains("reported 40 voters by 10:00 already",
            await StatusAsync(await server.ReportAsync(station, "10:00", 41), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("never fewer later in the day",
            await StatusAsync(await server.ReportAsync(station, "14:00", 39), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("whose lists hold",
            await StatusAsync(await server.ReportAsync(station, "14:00", Roll(station) + 1), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("is not a report time of this election (10:00, 14:00, 18:00)",
            await StatusAsync(await server.ReportAsync(station, "11:00", 50), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("does not verify",
            await StatusAsync(await server.ReportAsync(station, "14:00", 50, key: server.Keys[S(1)]), HttpStatusCode.Forbidden),
            StringComparison.Ordinal);
        var outside = TurnoutFixture.Election.Areas.First(a => a.IsStation && a.Parent?.Value == "d26").Id.Value;
        Assert.Contains("does not act for station",
            await StatusAsync(await server.ReportAsync(outside, "10:00", 5, TurnoutFixture.DistrictToken), HttpStatusCode.Forbidden),
            StringComparison.Ordinal);
        await StatusAsync(await server.ReportAsync(outside, "10:00", 5, "no-such-token"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_areas_turnout_through_the_day_is_in_the_api_and_on_its_page_in_three_languages_with_flagged_counts()
    {
        // S(1) and S(2) report through the day; S(2)'s hand count then has fewer voters than its 18:00 report.
        var hand = TurnoutFixture.Sample.Hand.First(p => p.Station.Value == S(2) && p.Contest.Value == "list");
        var participation = TurnoutFixture.Election.DefaultContest.Rules.Participation.Evaluate(hand.Lines.AsSpan(), hand.Votes.AsSpan());
        await StatusAsync(await server.ReportAsync(S(1), "10:00", 100), HttpStatusCode.Created);
        await StatusAsync(await server.ReportAsync(S(1), "14:00", 200, TurnoutFixture.DistrictToken), HttpStatusCode.Created);
        await StatusAsync(await server.ReportAsync(S(2), "10:00", 50), HttpStatusCode.Created);
        await StatusAsync(await server.ReportAsync(S(2), "18:00", participation + 7), HttpStatusCode.Created);
        var body = new JsonObject { ["protocol"] = JsonNode.Parse(ProtocolWriter.Canonical(TurnoutFixture.Election, hand)) };
        var sent = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        sent.Headers.Authorization = new("Bearer", TurnoutFixture.AdminToken);
        await StatusAsync(await server.Client.SendAsync(sent), HttpStatusCode.OK);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Contracts.TurnoutArea? d01;
        while ((d01 = await server.Client.GetFromJsonAsync("/api/v1/turnout?area=d01", Contracts.WireJson.Default.TurnoutArea))!.Flagged.Count == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the hand count was not published");
            await Task.Delay(50);
        }
        var at10 = d01.Times[0];
        Assert.Equal("10:00", at10.Time);
        Assert.True(at10.Reporting >= 2, $"{at10.Reporting} stations reported by 10:00");
        Assert.Equal(Math.Round(100m * at10.Voters / at10.Registered, 2), at10.Percent);
        var flag = Assert.Single(d01.Flagged);
        Assert.Equal(
            (S(2), "hand", "18:00", participation + 7, participation),
            (flag.Station, flag.Source, flag.Time, flag.Reported, flag.Participation));
        var nation = await server.Client.GetFromJsonAsync("/api/v1/turnout", Contracts.WireJson.Default.TurnoutArea);
        Assert.Contains(nation!.Children, c => c.Id == TurnoutFixture.Election.Area(new AreaId("d01"))!.Parent!.Value.Value);

        foreach (var (lang, words) in new[] { ("en", TurnoutWords.For("en")), ("ru", TurnoutWords.For("ru")), ("ky", TurnoutWords.For("ky")) })
        {
            var page = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/{lang}/area/d01/turnout/"));
            Assert.Contains(words.Intro, page, StringComparison.Ordinal);
            Assert.Contains("<svg class=\"turnout-chart\"", page, StringComparison.Ordinal);
            Assert.Contains("<polyline points=", page, StringComparison.Ordinal);
            Assert.Contains($"data-station=\"{S(2)}\"", page, StringComparison.Ordinal);
            Assert.Contains(words.Flagged, page, StringComparison.Ordinal);
            Assert.Contains("data-turnout-link", await server.Client.GetStringAsync($"/{lang}/area/d01/"), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/en/area/{S(1)}/turnout/")).StatusCode);
    }
}

/// <summary>A real server on 127.0.0.1 with the kg-2021 sample without turnout times, and an admin.</summary>
public sealed class NoTurnoutFixture : IAsyncLifetime
{
    private LoopbackServer? _server;

    /// <summary>A client of the server.</summary>
    public HttpClient Client => _server!.Client;

    /// <summary>Posts a turnout report as the admin.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonNode body) => _server!.PostAsync("/api/v1/turnout", body, TurnoutFixture.AdminToken);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var root = JsonNode.Parse(TurnoutFixture.Sample.DefinitionJson)!.AsObject();
        Assert.True(root.Remove("turnoutTimes"), "the sample reports turnout during the day");
        _server = await LoopbackServer.StartAsync(Encoding.UTF8.GetBytes(root.ToJsonString()), store =>
            store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, LoopbackServer.Hash(TurnoutFixture.AdminToken))));
        while ((await Client.GetAsync("/en/")).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(20);
        }
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

/// <summary>The turnout pages stay away where the election reports no turnout during the day.</summary>
public class TurnoutAbsentTests(NoTurnoutFixture server) : IClassFixture<NoTurnoutFixture>
{
    [Fact]
    public async Task An_election_without_turnout_times_has_no_turnout_page_or_link_and_refuses_reports()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/en/turnout/")).StatusCode);
        Assert.DoesNotContain("data-turnout-link", await server.Client.GetStringAsync("/en/"), StringComparison.Ordinal);
        var response = await server.PostAsync(new JsonObject { ["station"] = "s0001", ["time"] = "10:00", ["voters"] = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("publishes no turnout during the day", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
