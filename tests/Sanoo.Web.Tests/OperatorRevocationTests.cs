using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Core.Definitions;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Web.Tests;

/// <summary>
/// An operator's or observer's token revoked in the register (<c>sanoo operators revoke</c>) is refused on every route that takes
/// an operator's token, 401 with the record that revoked it; before, it was taken; the other operators' tokens still are. A write
/// in the moment before the server has read the revocation is refused by the store and the log, and teaches the server at once.
/// </summary>
public sealed class OperatorRevocationTests : IAsyncLifetime
{
    private const string Admin = "token-cec";
    private const string Boss = "token-boss";
    private const string Observer = "token-aigul";
    private const string Late = "token-late";
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private LoopbackServer _server = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(Sample.DefinitionJson, async store =>
    {
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, LoopbackServer.Hash(Admin)));
        await store.AddOperatorAsync(new Operator("boss", OperatorRole.Admin, null, LoopbackServer.Hash(Boss)));
        await store.AddOperatorAsync(new Operator("late", OperatorRole.Admin, null, LoopbackServer.Hash(Late)));
        await store.AddOperatorAsync(new Operator("aigul", OperatorRole.Observer, new AreaId("d01"), LoopbackServer.Hash(Observer)));
    });

    /// <inheritdoc />
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string InD01(int n) => Sample.Election.Areas.Where(a => a.IsStation && a.Parent?.Value == "d01").ElementAt(n).Id.Value;

    private Task<HttpResponseMessage> Queue(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hand-entries/queue");
        request.Headers.Authorization = new("Bearer", token);
        return _server.Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Protocol(int index, string token) =>
        _server.PostAsync("/api/v1/protocols", new JsonObject
        {
            ["protocol"] = JsonNode.Parse(Core.Protocols.ProtocolWriter.Canonical(Sample.Election, Sample.Hand[index])),
        }, token);

    private Task<HttpResponseMessage> Report(int station, string token) =>
        _server.PostAsync("/api/v1/reports", new JsonObject { ["station"] = InD01(station), ["what"] = "not-posted" }, token);

    private Task<HttpResponseMessage> Certify(string token) =>
        _server.PostAsync("/api/v1/certifications", new JsonObject { ["statement"] = "The CEC certifies the result." }, token);

    private static async Task AssertRevokedAsync(HttpResponseMessage response, string name, long record)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, body);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.Contains($"operator {name}'s token was revoked by register record {record}", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_on_every_operator_route_with_the_record_that_revoked_it_and_was_taken_before()
    {
        Assert.Equal(HttpStatusCode.OK, (await Queue(Boss)).StatusCode);
        Assert.True((await Protocol(0, Boss)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Report(1, Observer)).StatusCode);

        var boss = await _server.Log.Store.RevokeOperatorAsync("boss", "the token leaked", "chair");
        var aigul = await _server.Log.Store.RevokeOperatorAsync("aigul", "no longer accredited", "chair");
        await _server.Services.GetRequiredService<WriterRegistry>().RefreshAsync();

        var queue = await Queue(Boss);
        await AssertRevokedAsync(queue, "boss", boss.Sequence);
        Assert.Equal("Bearer", Assert.Single(queue.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("(the token leaked)", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRevokedAsync(await Protocol(1, Boss), "boss", boss.Sequence);
        await AssertRevokedAsync(await Certify(Boss), "boss", boss.Sequence);
        await AssertRevokedAsync(await Report(2, Observer), "aigul", aigul.Sequence);
        Assert.Equal(HttpStatusCode.OK, (await Queue(Admin)).StatusCode);
        Assert.True((await Protocol(1, Admin)).IsSuccessStatusCode);
        Assert.Equal(2, _server.Log.Position);
    }

    [Fact]
    public async Task A_write_in_the_moment_before_the_server_reads_the_revocation_is_refused_by_the_store_and_the_log()
    {
        // Revoked behind the server's back, as sanoo operators revoke does from another process: whether or not the server has
        // refreshed its operators yet, nothing is recorded in their name.
        var late = await _server.Log.Store.RevokeOperatorAsync("late", "left the commission", "chair");
        await AssertRevokedAsync(await Protocol(2, Late), "late", late.Sequence);
        // the store's refusal taught the server at once: the token is refused at the door from the next request on, before any
        // precondition of the route (certifying an incomplete count would otherwise be answered 409)
        var queue = await Queue(Late);
        await AssertRevokedAsync(queue, "late", late.Sequence);
        Assert.Contains("(left the commission)", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRevokedAsync(await Certify(Late), "late", late.Sequence);
        Assert.Equal(0, _server.Log.Position);
        Assert.Empty(await _server.Log.Store.ReadCertificationsAsync((await _server.Log.Store.ReadRegisterAsync(0)).Count));
    }
}
