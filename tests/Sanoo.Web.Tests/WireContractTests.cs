using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>
/// The live server's answers read strictly into the records of Sanoo.Contracts: no member the
/// record does not name, no constructor parameter missing, no null where the record says there is
/// none, and nothing lost when the record is written again.
/// </summary>
public class WireContractTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Strict = new(WireJson.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        var value = JsonSerializer.Deserialize<T>(text, Strict)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(value, Strict));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), again), $"{typeof(T).Name} loses something of {text}");
        return value;
    }

    private async Task<T> GetAsync<T>(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return await ReadAsync<T>(await server.Client.SendAsync(request), HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, T body, string? token = null)
    {
        var type = (JsonTypeInfo<T>)WireJson.Default.GetTypeInfo(typeof(T))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, type) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task Every_answer_reads_strictly_into_its_contract_record()
    {
        var sample = ServerFixture.Sample;
        var machine = sample.Machine.First(p => p.Station.Value == "s0001" && p.Contest.Value == "list");
        var signed = new Submission(ServerFixture.ProtocolJson(machine), ServerFixture.Sign(machine, server.Keys["s0001"]));
        var receipt = (await ReadAsync<ReceiptAnswer>(await PostAsync("/api/v1/protocols", signed), HttpStatusCode.OK)).Receipt;
        Assert.Equal(ReceiptOutcome.Accepted, receipt.Outcome);
        Assert.Equal(receipt.Sequence - 1, receipt.LeafIndex);

        var hand = sample.Hand.Where(p => p.Contest.Value == "list").Take(3).ToList();
        var inflated = hand[2] with { Votes = hand[2].Votes.SetItem(0, hand[2].Votes[0] + 50) };
        var batch = new SubmissionBatch([.. new[] { hand[0], hand[1], inflated }.Select(p => new Submission(ServerFixture.ProtocolJson(p)))]);
        var answer = await PostAsync("/api/v1/protocols", batch, ServerFixture.AdminToken);
        var receipts = (await ReadAsync<ReceiptBatchAnswer>(answer, HttpStatusCode.OK)).Receipts;
        Assert.Equal([ReceiptOutcome.Accepted, ReceiptOutcome.Accepted, ReceiptOutcome.Rejected], receipts.Select(r => r.Outcome));
        Assert.Equal(Severity.Error, receipts[2].Violations[0].Severity);

        var warned = WriteApiTests.Flagged(sample.Hand.Where(p => p.Contest.Value == "list").Skip(3).First());
        var counted = await PostAsync("/api/v1/protocols", new Submission(ServerFixture.ProtocolJson(warned)), ServerFixture.AdminToken);
        Assert.Equal(Severity.Warning, (await ReadAsync<ReceiptAnswer>(counted, HttpStatusCode.OK)).Receipt.Violations.Single().Severity);

        var entry = sample.Hand.First(p =>
            p.Contest.Value == "list" && sample.Election.Area(p.Station)!.Parent == new Core.Definitions.AreaId("d01") && p.Station.Value != "s0001");
        var typed = await PostAsync("/api/v1/hand-entries", new Submission(ServerFixture.ProtocolJson(entry)), ServerFixture.DistrictToken);
        var entered = await ReadAsync<EntryAnswer>(typed, HttpStatusCode.Accepted);
        Assert.Equal(EntryStatus.AwaitingSecond, entered.Status);

        var order = new RecountRequest("s0001", "list", "machine and hand differ");
        var ordered = await ReadAsync<RecountOrdered>(
            await PostAsync("/api/v1/recounts", order, ServerFixture.DistrictToken), HttpStatusCode.Created);
        await ReadAsync<RecountOutcomeRecorded>(
            await PostAsync($"/api/v1/recounts/{ordered.Recount.Sequence}/outcome", new RecountOutcomeRequest("confirmed"), ServerFixture.AdminToken),
            HttpStatusCode.Created);
        var refused = await ReadAsync<Problem>(
            await PostAsync("/api/v1/certifications", new CertificationRequest("not yet"), ServerFixture.AdminToken), HttpStatusCode.Conflict);
        Assert.Equal(409, refused.Status);

        await server.WaitForSnapshotAsync(server.Log.Position);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ServerStatus status;
        while ((status = await GetAsync<ServerStatus>("/api/v1/status")).TreeHead?.TreeSize != server.Log.Position)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "no tree head of the whole log was signed");
            await Task.Delay(50);
        }
        Assert.Equal(Publication.Live, status.Publication);
        var head = await GetAsync<TreeHead>("/api/v1/tree-head");
        Assert.Equal(head.TreeSize, (await GetAsync<InclusionProof>($"/api/v1/proofs/inclusion?sequence={receipt.Sequence}")).TreeSize);
        Assert.NotEmpty((await GetAsync<ConsistencyProof>($"/api/v1/proofs/consistency?first=1&second={head.TreeSize}")).Proof);
        using (var witness = await WitnessApiTests.EnrolAsync(server, "Wire Mission"))
        {
            var cosign = WitnessApiTests.Cosign(head, "Wire Mission", witness);
            Assert.Null((await ReadAsync<WitnessCosignature>(await PostAsync("/api/v1/cosignatures", cosign), HttpStatusCode.OK)).RevokedBy);
            var revoked = await server.Log.RevokeWitnessAsync("Wire Mission", "withdrew", "chair");
            Assert.Equal(revoked.Sequence, (await GetAsync<Cosignatures>("/api/v1/cosignatures")).Witnesses.Single().RevokedBy);
        }
        Assert.Equal(receipt.ContentHash, (await GetAsync<EntriesPage>("/api/v1/entries?after=0&limit=2")).Entries[0].ContentHash);
        Assert.Contains((await GetAsync<DeviceKeys>("/api/v1/keys")).Devices, d => d.Station == "s0001");
        Assert.Contains((await GetAsync<AreaEntries>("/api/v1/area-entries?area=s0001")).Entries, e => e.ContentHash == receipt.ContentHash);

        var results = await GetAsync<AreaResults>("/api/v1/results");
        Assert.Equal(ContestKind.PartyList, results.Contest.Kind);
        Assert.NotNull(results.Seats);
        Assert.Null(results.Outcome);
        Assert.NotNull((await GetAsync<AreaResults>("/api/v1/results?contest=smd-01&source=machine")).Outcome);
        var station = await GetAsync<StationRecord>("/api/v1/stations/s0001");
        Assert.Equal(StoredOutcome.Accepted, station.Counts.Single(c => c.Source == "machine").Versions[0].Outcome);
        Assert.Contains((await GetAsync<NotCountedList>("/api/v1/rejected")).NotCounted, n => n.Outcome == StoredOutcome.Rejected);
        Assert.Equal(Severity.Warning, (await GetAsync<FlaggedList>("/api/v1/flagged")).Flagged.Single().Violations.Single().Severity);
        Assert.Single((await GetAsync<RecountList>("/api/v1/recounts")).Recounts[0].Outcomes);
        Assert.Empty((await GetAsync<CertificationList>("/api/v1/certifications")).Certifications);
        Assert.Empty((await GetAsync<ReportList>("/api/v1/reports?area=d01&state=open")).Reports);
        Assert.Equal("dec-01", (await GetAsync<WaitingForSupervisor>("/api/v1/hand-entries/queue", ServerFixture.DistrictToken)).Operator);
        Assert.Single((await GetAsync<StationEntries>($"/api/v1/hand-entries?station={entry.Station}", ServerFixture.DistrictToken)).Entries);
        var unknown = await ReadAsync<Problem>(await server.Client.GetAsync("/api/v1/stations/nowhere"), HttpStatusCode.NotFound);
        Assert.Equal("Unknown station", unknown.Title);

        var marker = await GetAsync<SnapshotMarker>("/snapshot.json");
        Assert.Equal(status.Snapshot, marker.Snapshot);
        Assert.NotNull((await GetAsync<AreaPageData>("/en/data.json")).Results);
        // A station's data states what its page's footer shows, as the marker states it for the site: the verifier frames it so.
        var stationData = await GetAsync<StationRecord>("/en/station/s0001/data.json");
        Assert.Equal("s0001", stationData.Station);
        Assert.NotNull(stationData.PublishedAt);
        Assert.Equal(marker.TreeHead is null, stationData.TreeHead is null);
        if (stationData.Snapshot == marker.Snapshot)
        {
            Assert.Equal(marker.PublishedAt, stationData.PublishedAt);
            Assert.Equal(marker.Halted, stationData.Halted);
            Assert.Equal(marker.TreeHead?.Root, stationData.TreeHead?.Root);
        }
        Assert.Single((await GetAsync<LedgerPageData>("/en/discrepancies/data.json")).Recounts);
    }

    [Fact]
    public async Task The_openapi_document_gives_every_api_endpoint_a_summary_and_names_its_contract()
    {
        var document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        // main's 20 (with /api/v1/register), the two of /api/v1/cosignatures and /api/v1/flagged, the three of /api/v1/reports, the three of
        // images, the two of /api/v1/turnout, /api/v1/forensics, /api/v1/progress, the two ERR exports (JSON and XML), /api/v1/audit
        Assert.Equal(37, operations.Count);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Method} {o.Path} has no summary"));
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.All(new[] { "ReceiptAnswer", "AreaResults", "StationRecord", "TreeHead", "EntriesPage", "EntryAnswer", "RecountList" },
            name => Assert.True(schemas.ContainsKey(name), $"no schema {name}"));
    }
}
