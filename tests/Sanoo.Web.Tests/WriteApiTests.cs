using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Web.Tests;

/// <summary>The write API over a real Kestrel on 127.0.0.1: who may write what, and every refusal.</summary>
public class WriteApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static Protocol Machine(string station) =>
        ServerFixture.Sample.Machine.First(p => p.Station.Value == station && p.Contest.Value == "list");

    private static Protocol Hand(string station) => ServerFixture.Sample.Hand.First(p => p.Station.Value == station && p.Contest.Value == "list");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_signed_machine_count_is_stored_counted_and_published_and_a_retry_gets_the_same_receipt()
    {
        var protocol = Machine("s0001");
        var body = new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0001"]) };
        var response = await server.SubmitAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
        Assert.Contains(receipt.GetProperty("outcome").GetString(), new[] { "accepted", "duplicate" });
        var retry = (await (await server.SubmitAsync(body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
        Assert.Equal("duplicate", retry.GetProperty("outcome").GetString());
        Assert.Equal(receipt.GetProperty("sequence").GetInt64(), retry.GetProperty("sequence").GetInt64());
        Assert.Equal(receipt.GetProperty("contentHash").GetString(), retry.GetProperty("contentHash").GetString());
        await server.WaitForSnapshotAsync(receipt.GetProperty("sequence").GetInt64());
        var station = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/stations/s0001");
        var count = station.GetProperty("counts").EnumerateArray()
            .Single(c => c.GetProperty("source").GetString() == "machine" && c.GetProperty("contest").GetString() == "list");
        Assert.Equal(1, count.GetProperty("countedVersion").GetInt32());
        Assert.Equal("device:s0001", count.GetProperty("versions")[0].GetProperty("sender").GetString());
    }

    [Fact]
    public async Task An_unsigned_machine_count_is_refused()
    {
        var problem = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(Machine("s0001")) }),
            HttpStatusCode.Unauthorized);
        Assert.Contains("unsigned", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_by_a_wrong_key_is_refused()
    {
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var protocol = Machine("s0001");
        var problem = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, stranger) }),
            HttpStatusCode.Forbidden);
        Assert.Contains(
            "does not verify with the key enrolled for station s0001",
            problem.GetProperty("errors").GetProperty("$")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_stations_key_cannot_write_for_this_station()
    {
        var protocol = Machine("s0001") with { Version = 1 };
        var problem = await ProblemOf(
            await server.SubmitAsync(
                new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0002"]) }),
            HttpStatusCode.Forbidden);
        Assert.Contains("station s0001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_station_without_an_enrolled_key_cannot_write()
    {
        var protocol = Machine("s0003");
        var problem = await ProblemOf(
            await server.SubmitAsync(
                new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0002"]) }),
            HttpStatusCode.Forbidden);
        Assert.Contains("no device key is enrolled for station s0003", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Altered_figures_break_the_signature()
    {
        var protocol = Machine("s0002");
        var signature = ServerFixture.Sign(protocol, server.Keys["s0002"]);
        var altered = protocol with { Votes = protocol.Votes.SetItem(0, protocol.Votes[0] - 1).SetItem(1, protocol.Votes[1] + 1) };
        await ProblemOf(await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(altered), signature }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_device_with_a_wrong_clock_is_counted_and_its_receipt_carries_the_servers_time()
    {
        // Drill: the device's clock says 1990. Protocols carry no time of their own; the log's time is the server's.
        var protocol = ServerFixture.Sample.Machine.First(p => p.Station.Value == "s0002" && p.Contest.Value != "list");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
        {
            Content = JsonContent.Create(
                new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0002"]) }),
        };
        request.Headers.Date = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receivedAt = (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("receipt")
            .GetProperty("receivedAt")
            .GetDateTimeOffset();
        Assert.InRange(receivedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_district_operator_enters_hand_counts_through_double_entry_and_for_their_district_only()
    {
        var inside = Hand(ServerFixture.Sample.Election.Areas.First(a => a.Parent == new AreaId("d01")).Id.Value);
        var direct = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(inside) }, ServerFixture.DistrictToken),
            HttpStatusCode.Forbidden);
        Assert.Contains(
            "entered twice, by two operators: send each entry to /api/v1/hand-entries",
            direct.GetProperty("errors").GetRawText(),
            StringComparison.Ordinal);
        var outside = Hand(ServerFixture.Sample.Election.Areas.First(a => a.Parent == new AreaId("d26")).Id.Value);
        var problem = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(outside) }, ServerFixture.DistrictToken),
            HttpStatusCode.Forbidden);
        Assert.Contains(
            "operator dec-01 may enter counts only for district d01",
            problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.OK,
            (await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(outside) }, ServerFixture.AdminToken)).StatusCode);
    }

    [Fact]
    public async Task A_hand_count_needs_a_known_operator_token()
    {
        var protocol = Hand("s0100");
        var missing = await ProblemOf(await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }), HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unknown = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, "not-a-token"),
            HttpStatusCode.Unauthorized);
        Assert.Contains("the operator token is not known", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_cannot_enter_a_machine_count()
    {
        var problem = await ProblemOf(
            await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(Machine("s0100")) }, ServerFixture.AdminToken),
            HttpStatusCode.Unauthorized);
        Assert.Contains("unsigned", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"protocol\": ", "$", "not valid JSON")]
    [InlineData("{\"protocol\": {}, \"sig\": 1}", "$.sig", "unknown field 'sig'")]
    public async Task Malformed_requests_get_a_problem_naming_the_field(string body, string path, string message)
    {
        var response = await server.Client.PostAsync("/api/v1/protocols", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains(
            problem.GetProperty("errors").GetProperty(path).EnumerateArray(),
            e => e.GetString()!.Contains(message, StringComparison.Ordinal)
                || problem.GetProperty("title").GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negative_overflowing_and_unknown_figures_are_named()
    {
        var json = JsonSerializer.SerializeToNode(ServerFixture.ProtocolJson(Hand("s0200")))!.AsObject();
        json["votes"]!["p01"] = -3;
        json["lines"]!["valid"] = 3_000_000_000;
        json["votes"]!["p99"] = 1;
        var problem = await ProblemOf(await server.SubmitAsync(new { protocol = json }, ServerFixture.AdminToken), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("must not be negative", errors.GetProperty("$.protocol.votes.p01")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("too large", errors.GetProperty("$.protocol.lines.valid")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is not a choice", errors.GetProperty("$.protocol.votes.p99")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_one_bad_submission_stores_nothing()
    {
        var before = server.Log.Position;
        var good = Hand("s0300");
        var bad = JsonSerializer.SerializeToNode(ServerFixture.ProtocolJson(Hand("s0301")))!.AsObject();
        bad["station"] = "s9999";
        var response = await server.SubmitAsync(
            new { submissions = new object[] { new { protocol = ServerFixture.ProtocolJson(good) }, new { protocol = bad } } },
            ServerFixture.AdminToken);
        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.submissions[1].protocol.station", out _));
        Assert.Equal(before, server.Log.Position);
        Assert.Null(server.Log.Current(good.Station, good.Contest, good.Source));
    }

    [Fact]
    public async Task A_batch_gets_a_receipt_for_each_in_order_with_rejections_named()
    {
        var a = Hand("s0400");
        var b = Hand("s0401");
        var inflated = b with { Station = new AreaId("s0402"), Votes = b.Votes.SetItem(0, b.Votes[0] + 50) };
        var response = await server.SubmitAsync(
            new { submissions = new[] { a, b, inflated }.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) },
            ServerFixture.AdminToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray().ToList();
        Assert.Equal(["accepted", "accepted", "rejected"], receipts.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("valid_equals_votes", receipts[2].GetProperty("violations")[0].GetProperty("relation").GetString());
        await server.WaitForSnapshotAsync(receipts[2].GetProperty("sequence").GetInt64());
        var rejected = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rejected");
        Assert.Contains(
            rejected.GetProperty("notCounted").EnumerateArray(),
            r => r.GetProperty("station").GetString() == "s0402" && r.GetProperty("outcome").GetString() == "rejected");
    }

    [Fact]
    public async Task A_protocol_counted_with_a_warning_is_listed_as_flagged_with_the_relation_it_breaks()
    {
        var protocol = Flagged(Hand("s0450"));
        var response = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, ServerFixture.AdminToken);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
        Assert.Equal("accepted", receipt.GetProperty("outcome").GetString());
        await server.WaitForSnapshotAsync(receipt.GetProperty("sequence").GetInt64());
        var flagged = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/flagged");
        var entry = Assert.Single(flagged.GetProperty("flagged").EnumerateArray(), f => f.GetProperty("station").GetString() == "s0450");
        Assert.Equal(receipt.GetProperty("sequence").GetInt64(), entry.GetProperty("sequence").GetInt64());
        var violation = Assert.Single(entry.GetProperty("violations").EnumerateArray());
        Assert.Equal("mobile_within_outside", violation.GetProperty("relation").GetString());
        Assert.Equal("warning", violation.GetProperty("severity").GetString());
        var rejected = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rejected");
        Assert.DoesNotContain(rejected.GetProperty("notCounted").EnumerateArray(), r => r.GetProperty("station").GetString() == "s0450");
    }

    /// <summary>The protocol with more ballots in the mobile boxes than were issued outside (a warning), moved from the stationary ones.</summary>
    internal static Protocol Flagged(Protocol protocol)
    {
        var form = ServerFixture.Sample.Election.Contest(protocol.Contest)!.Form;
        int Line(string id) => form.Lines.Select((l, i) => (l, i)).Single(x => x.l.Id.Value == id).i;
        var lines = protocol.Lines;
        var moved = lines[Line("issued_outside")] + lines[Line("issued_early")] - lines[Line("in_mobile")] + 1;
        return protocol with
        {
            Lines = lines
                .SetItem(Line("in_mobile"), lines[Line("in_mobile")] + moved)
                .SetItem(Line("in_stationary"), lines[Line("in_stationary")] - moved),
        };
    }

    [Fact]
    public async Task An_oversize_request_is_refused()
    {
        var body = "{\"submissions\": [" + string.Join(",", Enumerable.Repeat("{\"protocol\": {\"election\": \"kg-2021\"}}", 40_000)) + "]}";
        // Expect: 100-continue, as a well-behaved client sends large bodies: the server's 413 comes
        // before the body, instead of racing a body the server has already refused (a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
