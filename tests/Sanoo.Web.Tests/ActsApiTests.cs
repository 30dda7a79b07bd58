using System.Net;
using System.Net.Http.Json;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Testing;

namespace Sanoo.Web.Tests;

/// <summary>The commission's acts over HTTP: recount orders and outcomes, and the certification of the official result.</summary>
public class ActsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<HttpResponseMessage> Post(string path, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_district_orders_a_recount_of_its_own_station_and_records_its_outcome_for_all_to_see()
    {
        var before = (await server.Client.GetAsync("/api/v1/status")).Headers.ETag!.Tag;
        var ordered = await Post(
            "/api/v1/recounts",
            new { station = "s0001", contest = "list", reason = "machine and hand differ by 12 votes" },
            ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var id = (await ordered.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountOrdered))!.Recount.Sequence;
        var outside = ServerFixture.Sample.Election.Areas.First(a => a.Parent?.Value == "d26").Id.Value;
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(
            "/api/v1/recounts", new { station = outside, contest = "list", reason = "x" }, ServerFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(
            "/api/v1/recounts", new { station = "s0001", contest = "list", reason = "x", extra = 1 }, ServerFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(
            $"/api/v1/recounts/{id}/outcome",
            new { outcome = "hand count confirmed; the machine misread 12 ballots" },
            ServerFixture.AdminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(
            "/api/v1/recounts/999/outcome", new { outcome = "x" }, ServerFixture.AdminToken)).StatusCode);

        var recounts = await server.Client.GetFromJsonAsync("/api/v1/recounts", Contracts.WireJson.Default.RecountList);
        var recount = Assert.Single(recounts!.Recounts, r => r.Id == id);
        Assert.Equal("dec-01", recount.OrderedBy);
        Assert.Equal("hand count confirmed; the machine misread 12 ballots", recount.Outcomes[0].Outcome);
        Assert.NotEqual(before, (await server.Client.GetAsync("/api/v1/status")).Headers.ETag!.Tag);
        var page = await server.Client.GetStringAsync("/en/station/s0001/");
        Assert.Contains("machine and hand differ by 12 votes", page, StringComparison.Ordinal);
        Assert.Contains("hand count confirmed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_texts_longer_than_1000_characters_are_refused_naming_the_field()
    {
        var tooLong = new string('x', 1001);
        var order = await Post(
            "/api/v1/recounts", new { station = "s0002", contest = "list", reason = tooLong }, ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        Assert.Contains("$.reason: is 1,001 characters long; at most 1,000", await order.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bell = await Post(
            "/api/v1/recounts", new { station = "s0002", contest = "list", reason = "bell\u0007" }, ServerFixture.DistrictToken);
        Assert.Contains("control character U+0007", await bell.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var statement = await Post("/api/v1/certifications", new { statement = new string('x', 1500) }, ServerFixture.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, statement.StatusCode);
        Assert.Contains("$.statement: is 1,500 characters long", await statement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recounts = await server.Client.GetFromJsonAsync("/api/v1/recounts", Contracts.WireJson.Default.RecountList);
        Assert.DoesNotContain(recounts!.Recounts, r => r.Reason.Length > 1000);
    }

    [Fact]
    public async Task A_station_and_contest_have_at_most_one_open_recount_and_only_for_a_contest_voted_there()
    {
        var first = await Post(
            "/api/v1/recounts", new { station = "s0003", contest = "list", reason = "seals broken" }, ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountOrdered))!.Recount.Sequence;
        var second = await Post(
            "/api/v1/recounts", new { station = "s0003", contest = "list", reason = "again" }, ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"recount order {id} of 's0003'", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Post(
            $"/api/v1/recounts/{id}/outcome", new { outcome = "counted again; no change" }, ServerFixture.DistrictToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(
            "/api/v1/recounts", new { station = "s0003", contest = "list", reason = "a new complaint" }, ServerFixture.DistrictToken)).StatusCode);

        var election = ServerFixture.Sample.Election;
        var votedThere = ServerFixture.Sample.Hand.Where(p => p.Station.Value == "s0003").Select(p => p.Contest).ToHashSet();
        var elsewhere = election.Contests.First(c => !votedThere.Contains(c.Contest.Id)).Contest.Id.Value;
        var wrong = await Post(
            "/api/v1/recounts", new { station = "s0003", contest = elsewhere, reason = "wrong contest" }, ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"does not vote in contest '{elsewhere}'", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_is_certified_only_when_the_official_count_is_complete_and_pages_say_so_and_say_when_it_changed()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(
            "/api/v1/certifications", new { statement = "x" }, ServerFixture.DistrictToken)).StatusCode);
        var early = await Post("/api/v1/certifications", new { statement = "The CEC certifies the result." }, ServerFixture.AdminToken);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync(Contracts.WireJson.Default.Problem);
        Assert.Contains("still missing: list:", problem!.Detail, StringComparison.Ordinal);

        var sample = ServerFixture.Sample;
        await server.Log.SubmitAsync([.. sample.Hand.Select(p => new Submission(p.Checked(sample.Election), new Sender.File("hand.jsonl")))]);
        await server.WaitForSnapshotAsync(server.Log.Position);
        var certified = await Post(
            "/api/v1/certifications", new { statement = "The CEC certifies the result of 28 November 2021." }, ServerFixture.AdminToken);
        Assert.Equal(HttpStatusCode.Created, certified.StatusCode);
        Assert.Contains(
            "Certified: the commission certified these official results",
            await server.Client.GetStringAsync("/en/"),
            StringComparison.Ordinal);

        var first = ServerFixture.Sample.Hand[0];
        var correction = first with
        {
            Version = 2,
            Votes = first.Votes.SetItem(0, first.Votes[0] - 1).SetItem(1, first.Votes[1] + 1),
            Correction = new Correction("recount", "cec"),
        };
        await server.Log.SubmitAsync(new Submission(correction.Checked(ServerFixture.Sample.Election), new Sender.Operator("cec")));
        await server.WaitForSnapshotAsync(server.Log.Position);
        Assert.Contains("they have changed since", await server.Client.GetStringAsync("/en/"), StringComparison.Ordinal);
        var certifications = await server.Client.GetFromJsonAsync("/api/v1/certifications", Contracts.WireJson.Default.CertificationList);
        Assert.Single(certifications!.Certifications);
    }
}
