using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sanoo.Web.Tests;

/// <summary>Operators authenticate with a bearer token the ASP.NET Core way; every refusal is a problem that says why.</summary>
public class AuthenticationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? authorization, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await server.Client.SendAsync(request);
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task The_bearer_scheme_is_accepted_in_any_case()
    {
        foreach (var scheme in new[] { "Bearer", "bearer", "BEARER" })
        {
            var response = await Send(HttpMethod.Get, "/api/v1/hand-entries/queue", $"{scheme} {ServerFixture.AdminToken}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_token_an_operator_endpoint_answers_401_with_a_bearer_challenge_and_says_what_to_send()
    {
        var response = await Send(HttpMethod.Post, "/api/v1/recounts", null, new { station = "s0001", contest = "list", reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("Authorization: Bearer TOKEN", await Detail(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_or_another_scheme_is_refused_with_the_reason()
    {
        var unknown = await Send(HttpMethod.Get, "/api/v1/hand-entries/queue", "Bearer not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("the operator token is not known", await Detail(unknown), StringComparison.Ordinal);
        var basic = await Send(HttpMethod.Get, "/api/v1/hand-entries/queue", "Basic " + Convert.ToBase64String("a:b"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Contains("not a bearer token", await Detail(basic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_policy_refuses_a_district_operator_naming_who_may()
    {
        var response = await Send(HttpMethod.Post, "/api/v1/certifications", $"Bearer {ServerFixture.DistrictToken}", new { statement = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("certified by an admin of the central commission", await Detail(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_station_policy_lets_a_district_operator_see_only_their_own_stations_entries()
    {
        var inside = ServerFixture.Sample.Election.Areas.First(a => a.Parent?.Value == "d01").Id.Value;
        var outside = ServerFixture.Sample.Election.Areas.First(a => a.Parent?.Value == "d26").Id.Value;
        var token = $"Bearer {ServerFixture.DistrictToken}";
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/v1/hand-entries?station={inside}", token)).StatusCode);
        var refused = await Send(HttpMethod.Get, $"/api/v1/hand-entries?station={outside}", token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("sees entries of district d01 only", await Detail(refused), StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.OK,
            (await Send(HttpMethod.Get, $"/api/v1/hand-entries?station={outside}", $"Bearer {ServerFixture.AdminToken}")).StatusCode);
    }

    [Fact]
    public async Task Public_reads_need_no_token_and_ignore_a_bad_one()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/v1/status", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/v1/status", "Bearer not-a-token")).StatusCode);
    }
}
