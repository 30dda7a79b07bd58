using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Web.Tests;

/// <summary>Double entry of hand counts over HTTP: two operators, identical figures, or the supervisor's queue.</summary>
public class EntryApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static Protocol Hand(int nth) =>
        ServerFixture.Sample.Hand
            .Where(p => p.Contest.Value == "list" && ServerFixture.Sample.Election.Area(p.Station)!.Parent == new AreaId("d01"))
            .ElementAt(nth);

    private Task<HttpResponseMessage> Enter(Protocol protocol, string token) =>
        server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, token, path: "/api/v1/hand-entries");

    private static async Task<JsonElement> Answer(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int?> CountedVersion(Protocol protocol)
    {
        var station = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/stations/{protocol.Station}");
        return station.GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("contest").GetString() == "list" && c.GetProperty("source").GetString() == "hand")
            .Select(c => c.GetProperty("countedVersion").ValueKind == JsonValueKind.Number ? c.GetProperty("countedVersion").GetInt32() : (int?)null)
            .FirstOrDefault();
    }

    [Fact]
    public async Task Two_operators_entering_the_same_figures_count_the_protocol_once()
    {
        var protocol = Hand(0);
        var first = await Answer(await Enter(protocol, ServerFixture.DistrictToken), HttpStatusCode.Accepted);
        Assert.Equal("awaiting-second", first.GetProperty("status").GetString());
        Assert.Equal(
            "repeat",
            (await Answer(await Enter(protocol, ServerFixture.DistrictToken), HttpStatusCode.OK)).GetProperty("status").GetString());
        var before = server.Log.Position;
        Assert.Equal(before, server.Log.Position);

        var second = await Answer(await Enter(protocol, ServerFixture.SecondDistrictToken), HttpStatusCode.OK);
        Assert.Equal("matched", second.GetProperty("status").GetString());
        Assert.Equal("accepted", second.GetProperty("receipt").GetProperty("outcome").GetString());
        await server.WaitForSnapshotAsync(server.Log.Position);
        Assert.Equal(1, await CountedVersion(protocol));
        var entry = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/hand-entries?station={protocol.Station}")
        {
            Headers = { Authorization = new("Bearer", ServerFixture.AdminToken) },
        });
        var entries = (await entry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("contest").GetString() == "list")
            .ToList();
        Assert.Equal(["dec-01", "dec-01-b"], entries.Select(e => e.GetProperty("operator").GetString()));

        var late = await Answer(await Enter(protocol, ServerFixture.AdminToken), HttpStatusCode.OK);
        Assert.Equal("already-matched", late.GetProperty("status").GetString());
        Assert.Equal("duplicate", late.GetProperty("receipt").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_mismatch_names_the_lines_that_differ_and_waits_until_a_supervisor_enters_the_paper_figures()
    {
        var right = Hand(1);
        var typo = right with { Votes = right.Votes.SetItem(0, right.Votes[0] + 3).SetItem(1, right.Votes[1] - 3) };
        await Answer(await Enter(right, ServerFixture.DistrictToken), HttpStatusCode.Accepted);
        var mismatch = await Answer(await Enter(typo, ServerFixture.SecondDistrictToken), HttpStatusCode.Conflict);
        Assert.Equal("mismatch", mismatch.GetProperty("status").GetString());
        var differences = mismatch.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(["p01", "p02"], differences.Select(d => d.GetProperty("item").GetString()));
        Assert.Equal(right.Votes[0] + 3, differences[0].GetProperty("yours").GetInt32());
        Assert.Equal(right.Votes[0], differences[0].GetProperty("theirs").GetInt32());
        Assert.Equal("dec-01", differences[0].GetProperty("operator").GetString());
        Assert.Null(await CountedVersion(right));

        var queue = await Queue(ServerFixture.AdminToken);
        var waiting = Assert.Single(queue.GetProperty("waiting").EnumerateArray(), w => w.GetProperty("station").GetString() == right.Station.Value);
        Assert.Equal(2, waiting.GetProperty("entries").GetArrayLength());
        Assert.Equal(
            [right.Votes[0], right.Votes[0] + 3],
            waiting.GetProperty("differences")[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));

        var settled = await Answer(await Enter(right, ServerFixture.AdminToken), HttpStatusCode.OK);
        Assert.Equal("matched", settled.GetProperty("status").GetString());
        Assert.DoesNotContain(
            (await Queue(ServerFixture.AdminToken)).GetProperty("waiting").EnumerateArray(),
            w => w.GetProperty("station").GetString() == right.Station.Value);
        await server.WaitForSnapshotAsync(server.Log.Position);
        Assert.Equal(1, await CountedVersion(right));
    }

    [Fact]
    public async Task Entries_need_an_operator_of_the_district_and_a_double_entry_count()
    {
        var protocol = Hand(2);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Enter(protocol, "not-a-token")).StatusCode);
        var outside = ServerFixture.Sample.Hand.First(p =>
            p.Contest.Value == "list" && ServerFixture.Sample.Election.Area(p.Station)!.Parent == new AreaId("d26"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Enter(outside, ServerFixture.DistrictToken)).StatusCode);
        var machine = ServerFixture.Sample.Machine.First(p => p.Station == protocol.Station && p.Contest.Value == "list");
        Assert.Equal(HttpStatusCode.BadRequest, (await Enter(machine, ServerFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/v1/hand-entries/queue")).StatusCode);
    }

    private async Task<JsonElement> Queue(string token)
    {
        var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/hand-entries/queue")
        {
            Headers = { Authorization = new("Bearer", token) },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
