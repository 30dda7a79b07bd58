using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Sanoo.Contracts;
using Sanoo.Core.Transparency;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>/api/v1/area-entries</c>: the entries behind a page's figures, each proved in the signed tree, from which the area's
/// published results add up again: a station's answer holds them, an area's names the areas below it, down to the stations'; and
/// the same answers as a published folder's files.
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

        var districtAnswer = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={district}", Wire.AreaEntries))!;
        Assert.Equal((district.Value, head.TreeSize), (districtAnswer.Area, districtAnswer.TreeSize));
        Assert.Empty(districtAnswer.Entries);
        var stations = sample.Election.Areas.Where(a => a.Parent == district).Select(a => a.Id.Value).ToHashSet();
        Assert.Equal(stations.Order(StringComparer.Ordinal), districtAnswer.Children.Order(StringComparer.Ordinal));
        var all = new List<ProvenEntry>();
        foreach (var child in districtAnswer.Children)
        {
            var own = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={child}", Wire.AreaEntries))!;
            Assert.Equal((child, head.TreeSize), (own.Area, own.TreeSize));
            Assert.Empty(own.Children);
            all.AddRange(own.Entries);
        }
        var entries = districtAnswer with { Entries = all };
        Assert.Subset(entries.Entries.Select(e => e.Sequence).ToHashSet(), answer.Receipts.Select(r => r.Sequence).ToHashSet());
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

        Assert.Equal($"api/v1/area-entries/{district}.json", PublishedApi.FileOf($"/api/v1/area-entries?area={district}&size=9"));
    }

    [Fact]
    public async Task The_nations_answer_names_the_areas_below_it_and_through_them_reaches_every_entry_of_its_contests_up_to_the_size()
    {
        var election = ServerFixture.Sample.Election;
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

        var top = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={nation.Id}&size={size}", Wire.AreaEntries))!;
        Assert.Empty(top.Entries);
        Assert.Equal(election.Areas.Where(a => a.Parent == nation.Id).Select(a => a.Id.Value), top.Children);
        var reached = new List<ProvenEntry>();
        var stations = 0;
        for (var queue = new Queue<string>(top.Children); queue.TryDequeue(out var area);)
        {
            var file = (await server.Client.GetFromJsonAsync($"/api/v1/area-entries?area={area}&size={size}", Wire.AreaEntries))!;
            Assert.Equal(size, file.TreeSize);
            foreach (var child in file.Children)
            {
                queue.Enqueue(child);
            }
            stations += file.Children.Count == 0 ? 1 : 0;
            reached.AddRange(file.Entries);
        }

        Assert.Equal(election.StationCount, stations);
        Assert.Equal(expected, reached.Where(e => contests.Contains(e.Contest)).Select(e => e.Sequence).Order());
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
