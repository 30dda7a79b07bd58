using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Sanoo.Web.Tests;

/// <summary>The published snapshot as an NIST SP 1500-100 v2 report, in JSON and XML, answered like every other read.</summary>
public class ErrExportApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Both_forms_report_the_published_snapshot_carry_its_etag_and_answer_304_to_it()
    {
        long last = 0;
        foreach (var chunk in ServerFixture.Sample.Hand.Take(300).Chunk(300))
        {
            var response = await server.SubmitAsync(
                new { submissions = chunk.Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) }, ServerFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray()
                .Max(r => r.GetProperty("sequence").GetInt64());
        }
        await server.WaitForSnapshotAsync(last);

        var json = await server.Client.GetAsync("/api/v1/export/err.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var report = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unofficial-partial", report.GetProperty("Status").GetString());
        Assert.Equal("precinct-level", report.GetProperty("Format").GetString());
        var snapshot = report.GetProperty("ExternalIdentifier").EnumerateArray()
            .Single(e => e.GetProperty("OtherType").GetString() == "sanoo-snapshot");
        Assert.Equal(last.ToString(System.Globalization.CultureInfo.InvariantCulture), snapshot.GetProperty("Value").GetString());
        var stations = ServerFixture.Sample.Election.Areas.Where(a => a.IsStation).Select(a => "gpu-" + a.Id.Value).ToHashSet();
        var counted = report.GetProperty("Election").EnumerateArray().Single().GetProperty("BallotCounts").EnumerateArray()
            .Count(b => stations.Contains(b.GetProperty("GpUnitId").GetString()!));
        Assert.Equal(300, counted);

        var xml = await server.Client.GetAsync("/api/v1/export/err.xml");
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        Assert.Equal(json.Headers.ETag, xml.Headers.ETag);
        var root = XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!;
        XNamespace nist = "http://itl.nist.gov/ns/voting/1500-100/v2";
        Assert.Equal(nist + "ElectionReport", root.Name);
        Assert.Equal("unofficial-partial", root.Element(nist + "Status")?.Value);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export/err.xml");
        again.Headers.IfNoneMatch.Add(xml.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(again)).StatusCode);
    }
}
