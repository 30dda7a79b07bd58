using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Sanoo.Contracts;
using Sanoo.Core.Transparency;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>/api/v1/area-entries</c>: the entries behind a page's figures, each proved in the signed tree, from which the area's
/// published results add up again; and the same answer as a published folder's file.
/// </summary>
public class AreaEntriesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly WireJson Wire = WireJson.Default;

    [Fact]
    public async Task An_areas_entries_are_each_in_the_signed_tree_and_add_up_to_its_published_results()
    {
        var sample = ServerFixture.Sample;
        var district = sample.Election.Area(sample.Hand[0].Station)!.Parent!.Value;
        var hand = sample.Hand.Where(p => sample.Election.Area(p.Station)!.Parent == district && p.Contest.Value == "list").ToList();
        var batch = new SubmissionBatch([.. hand.Select(p => new Submission(ServerFixture.ProtocolJson(p)))]);
        var answer = await (await server.SubmitAsync(batch, ServerFixture.AdminToken)).Content.ReadFromJsonAsync(Wire.ReceiptBatchAnswer);
        await server.WaitForSnapshotAsync(answer!.Receipts.Max(r => r.Sequence));
        var head = (await server.Client.GetFromJsonAsync("/api/v1/tree-head", Wire.TreeHead))!;

        var entries = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={district}", Wire.AreaEntries))!;
        Assert.Equal((district.Value, head.TreeSize), (entries.Area, entries.TreeSize));
        Assert.Subset(entries.Entries.Select(e => e.Sequence).ToHashSet(), answer.Receipts.Select(r => r.Sequence).ToHashSet());
        var stations = sample.Election.Areas.Where(a => a.Parent == district).Select(a => a.Id.Value).ToHashSet();
        foreach (var e in entries.Entries)
        {
            Assert.Contains(e.Station, stations);
            var canonical = Convert.FromBase64String(e.Canonical);
            Assert.Equal(e.ContentHash, Convert.ToHexStringLower(SHA256.HashData(canonical)));
            var leaf = MerkleHash.Leaf(LogLeaf.Encode(
                e.Sequence, e.Station, e.Contest, e.Source, e.Version, WireWords.Of(e.Outcome), e.Sender, Convert.FromHexString(e.ContentHash),
                e.Signature.Length == 0 ? [] : Convert.FromBase64String(e.Signature), DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedAt)));
            var proof = e.Proof.Select(Convert.FromHexString).ToList();
            Assert.True(MerkleProof.VerifyInclusion(e.Sequence - 1, entries.TreeSize, leaf, proof, Convert.FromHexString(head.RootHash)));
            leaf[0] ^= 1;
            Assert.False(MerkleProof.VerifyInclusion(e.Sequence - 1, entries.TreeSize, leaf, proof, Convert.FromHexString(head.RootHash)));
        }

        var results = (await server.Client.GetFromJsonAsync($"/api/v1/results?contest=list&source=hand&area={district}", Wire.AreaResults))!;
        var list = entries.Entries.Where(e => e.Contest == "list" && e.Source == "hand" && e.Outcome == StoredOutcome.Accepted)
            .GroupBy(e => e.Station).Select(g => g.Last()).ToList();
        Assert.Equal(results.Reporting.Stations, list.Count);
        foreach (var choice in results.Choices)
        {
            var sum = list.Sum(e => System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(e.Canonical)).RootElement
                .GetProperty("votes").GetProperty(choice.Id).GetInt64());
            Assert.Equal(choice.Votes, sum);
        }

        var station = hand[0].Station.Value;
        var own = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={station}&size={head.TreeSize}", Wire.AreaEntries))!;
        static string Of(ProvenEntry e) => $"{e.Sequence} {e.ContentHash} {string.Join(",", e.Proof)}";
        Assert.Equal(entries.Entries.Where(e => e.Station == station).Select(Of), own.Entries.Select(Of));
        Assert.Equal($"api/v1/area-entries/{district}.json", PublishedApi.FileOf($"/api/v1/area-entries?area={district}&size=9"));
    }

    [Fact]
    public async Task The_nations_entries_read_in_one_pass_over_the_log_are_every_entry_of_its_contests_up_to_the_size()
    {
        var election = ServerFixture.Sample.Election;
        Assert.True(election.StationCount > 512, "the nation must be large enough to be read in one pass, not station by station");
        var nation = election.Areas[0];
        var contests = election.Contests.Where(c => c.TallyAreas.Contains(0)).Select(c => c.Contest.Id.Value).ToHashSet();
        var sample = ServerFixture.Sample;
        var district = election.Area(sample.Hand[^1].Station)!.Parent!.Value;
        var hand = sample.Hand.Where(p => election.Area(p.Station)!.Parent == district).ToList();
        var batch = new SubmissionBatch([.. hand.Select(p => new Submission(ServerFixture.ProtocolJson(p)))]);
        var answer = await (await server.SubmitAsync(batch, ServerFixture.AdminToken)).Content.ReadFromJsonAsync(Wire.ReceiptBatchAnswer);
        await server.WaitForSnapshotAsync(answer!.Receipts.Max(r => r.Sequence));
        var head = (await server.Client.GetFromJsonAsync("/api/v1/tree-head", Wire.TreeHead))!;
        var size = head.TreeSize - 1;
        var expected = new List<long>();
        for (long after = 0; after < size;)
        {
            var page = (await server.Client.GetFromJsonAsync($"/api/v1/entries?after={after}", Wire.EntriesPage))!.Entries;
            if (page.Count == 0)
            {
                break;
            }
            expected.AddRange(page.Where(e => e.Sequence <= size && contests.Contains(e.Contest)).Select(e => e.Sequence));
            after = page[^1].Sequence;
        }
        Assert.NotEmpty(expected);

        var entries = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={nation.Id}&size={size}", Wire.AreaEntries))!;

        Assert.Equal(expected, entries.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_unknown_area_or_an_unpublished_size_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/v1/area-entries?area=nowhere")).StatusCode);
        var head = (await server.Client.GetFromJsonAsync("/api/v1/tree-head", Wire.TreeHead))!;
        var beyond = await server.Client.GetAsync($"/api/v1/area-entries?area=s0001&size={head.TreeSize + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }
}
