using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Sanoo.Core.Protocols;

namespace Sanoo.Web.Tests;

/// <summary>Bad input never produces a 500; a replayed or stale version is answered with its reason and never counted.</summary>
public class RobustnessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"protocol\"", "\"submissions\"", "\"signature\"", "\"election\"", "\"kg-2021\"", "\"station\"",
        "\"s0001\"", "\"lines\"", "\"votes\"", "\"valid\"", "-1", "0", "1e400", "99999999999999999999", "null", "true", "\"\"", "\"\\u0000\"", "1.5",
    ];

    [Fact]
    public void No_request_body_however_broken_gets_a_server_error()
    {
        var valid = Encoding.UTF8.GetString(ProtocolWriter.Canonical(ServerFixture.Sample.Election, ServerFixture.Sample.Hand[7]));
        var bodies = Gen.OneOf(
            Gen.Int[0, Fragments.Length - 1].Array[0, 30].Select(parts => string.Concat(parts.Select(i => Fragments[i]))),
            Gen.Int[0, valid.Length].Select(cut => "{\"protocol\": " + valid[..cut]),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, Fragments.Length - 1])
                .Select((at, i) => "{\"protocol\": " + valid[..at] + Fragments[i] + valid[at..] + "}"));
        bodies.Sample(body =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerFixture.AdminToken);
            var response = server.Client.Send(request);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
        }, iter: 400, threads: 1);
    }

    [Fact]
    public async Task A_stale_version_is_stored_and_answered_as_stale_and_a_replay_as_a_duplicate()
    {
        var v1 = ServerFixture.Sample.Hand.First(p => p.Station.Value == "s0500" && p.Contest.Value == "list");
        var v2 = v1 with
        {
            Version = 2,
            Correction = new Correction("recount", "DEC"),
            Votes = v1.Votes.SetItem(0, v1.Votes[0] - 1).SetItem(1, v1.Votes[1] + 1),
        };
        var late = v1 with { Votes = v1.Votes.SetItem(0, v1.Votes[0] - 1).SetItem(2, v1.Votes[2] + 1) };
        async Task<string> Outcome(Protocol p)
        {
            var response = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(p) }, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetProperty("outcome").GetString()!;
        }
        Assert.Equal("accepted", await Outcome(v2));
        Assert.Equal("stale", await Outcome(late));
        Assert.Equal("duplicate", await Outcome(v2));
        Assert.Equal(2, server.Log.Current(v1.Station, v1.Contest, v1.Source)!.Version);
    }
}
