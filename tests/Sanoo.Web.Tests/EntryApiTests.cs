using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Web.Tests;

/// <summary>Double entry of hand counts over HTTP: two operators, identical figures, or a third entry from the paper; blind to the typists.</summary>
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
    public async Task A_mismatch_answer_holds_none_of_the_first_typists_figures()
    {
        var paper = Hand(3);
        var first = paper with { Votes = paper.Votes.SetItem(0, paper.Votes[0] + 54_321) };
        await Answer(await Enter(first, ServerFixture.DistrictToken), HttpStatusCode.Accepted);
        var response = await Enter(paper, ServerFixture.SecondDistrictToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain((paper.Votes[0] + 54_321).ToString(System.Globalization.CultureInfo.InvariantCulture), raw, StringComparison.Ordinal);
        var difference = Assert.Single(JsonDocument.Parse(raw).RootElement.GetProperty("differences").EnumerateArray());
        Assert.Equal(["item", "yours"], difference.EnumerateObject().Select(p => p.Name));
        Assert.Equal(paper.Votes[0], difference.GetProperty("yours").GetInt32());
    }

    [Fact]
    public async Task Neither_typist_of_a_mismatch_can_settle_it_by_resending_or_by_typing_the_other_side()
    {
        var sideA = Hand(4);
        var sideB = sideA with { Lines = sideA.Lines.SetItem(0, sideA.Lines[0] + 10) };
        await Answer(await Enter(sideA, ServerFixture.DistrictToken), HttpStatusCode.Accepted);
        await Answer(await Enter(sideB, ServerFixture.SecondDistrictToken), HttpStatusCode.Conflict);

        var again = await Answer(await Enter(sideB, ServerFixture.SecondDistrictToken), HttpStatusCode.OK);
        Assert.Equal("repeat", again.GetProperty("status").GetString());
        var sideAsFigures = await Answer(await Enter(sideA, ServerFixture.SecondDistrictToken), HttpStatusCode.Conflict);
        Assert.Equal("mismatch", sideAsFigures.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, sideAsFigures.GetProperty("receipt").ValueKind);
        Assert.Equal(
            "mismatch", (await Answer(await Enter(sideB, ServerFixture.DistrictToken), HttpStatusCode.Conflict)).GetProperty("status").GetString());

        await server.WaitForSnapshotAsync(server.Log.Position);
        Assert.Null(await CountedVersion(sideA));
        Assert.Contains(
            (await Queue(ServerFixture.AdminToken)).GetProperty("waiting").EnumerateArray(),
            w => w.GetProperty("station").GetString() == sideA.Station.Value);
    }

    [Fact]
    public async Task A_third_operator_who_sees_only_the_differing_lines_settles_a_mismatch_by_typing_the_paper()
    {
        var paper = Hand(5);
        var typo = paper with { Votes = paper.Votes.SetItem(1, paper.Votes[1] + 2) };
        await Answer(await Enter(typo, ServerFixture.DistrictToken), HttpStatusCode.Accepted);
        await Answer(await Enter(paper, ServerFixture.SecondDistrictToken), HttpStatusCode.Conflict);

        var waiting = Assert.Single(
            (await Queue(ServerFixture.ThirdDistrictToken)).GetProperty("waiting").EnumerateArray(),
            w => w.GetProperty("station").GetString() == paper.Station.Value);
        var difference = Assert.Single(waiting.GetProperty("differences").EnumerateArray());
        Assert.Equal("p02", difference.GetProperty("item").GetString());
        Assert.Equal(JsonValueKind.Null, difference.GetProperty("values").ValueKind);
        Assert.All(waiting.GetProperty("entries").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("contentHash").ValueKind));

        var settled = await Answer(await Enter(paper, ServerFixture.ThirdDistrictToken), HttpStatusCode.OK);
        Assert.Equal("matched", settled.GetProperty("status").GetString());
        Assert.Equal("accepted", settled.GetProperty("receipt").GetProperty("outcome").GetString());
        await server.WaitForSnapshotAsync(server.Log.Position);
        Assert.Equal(1, await CountedVersion(paper));
        var station = await server.Client.GetStringAsync($"/api/v1/stations/{paper.Station}");
        Assert.Contains("entries:dec-01-b+dec-01-c", station, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_sees_both_sides_and_every_content_hash()
    {
        var paper = Hand(6);
        var typo = paper with { Votes = paper.Votes.SetItem(2, paper.Votes[2] + 1) };
        var hashOfFirst = (await Answer(await Enter(typo, ServerFixture.DistrictToken), HttpStatusCode.Accepted))
            .GetProperty("contentHash").GetString();
        var hashOfSecond = (await Answer(await Enter(paper, ServerFixture.SecondDistrictToken), HttpStatusCode.Conflict))
            .GetProperty("contentHash").GetString();

        bool Ours(JsonElement w) => w.GetProperty("station").GetString() == paper.Station.Value;
        var typist = Assert.Single((await Queue(ServerFixture.SecondDistrictToken)).GetProperty("waiting").EnumerateArray(), Ours);
        Assert.Equal([null, hashOfSecond], typist.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("contentHash").GetString()));
        Assert.Equal(JsonValueKind.Null, typist.GetProperty("differences")[0].GetProperty("values").ValueKind);
        var admin = Assert.Single((await Queue(ServerFixture.AdminToken)).GetProperty("waiting").EnumerateArray(), Ours);
        Assert.Equal(
            [hashOfFirst, hashOfSecond], admin.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("contentHash").GetString()));
        Assert.Equal(
            [paper.Votes[2] + 1, paper.Votes[2]],
            admin.GetProperty("differences")[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));

        async Task<List<string?>> Hashes(string token)
        {
            var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/hand-entries?station={paper.Station}")
            {
                Headers = { Authorization = new("Bearer", token) },
            });
            return [.. (await Answer(response, HttpStatusCode.OK)).GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("contest").GetString() == "list")
                .Select(e => e.GetProperty("contentHash").GetString())];
        }
        Assert.Equal([hashOfFirst, null], await Hashes(ServerFixture.DistrictToken));
        Assert.Equal([null, null], await Hashes(ServerFixture.ThirdDistrictToken));
        Assert.Equal([hashOfFirst, hashOfSecond], await Hashes(ServerFixture.AdminToken));
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
