using System.Net.Http.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Core.Transparency;
using TreeHead = Sanoo.Contracts.TreeHead;

namespace Sanoo.Web.Tests;

/// <summary>The transparency log over HTTP: signed tree heads, proofs that verify against them, and entries that rebuild them.</summary>
public class TransparencyApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly WireJson Wire = WireJson.Default;

    private async Task<long> SubmitAsync(int skip, int count)
    {
        var protocols = ServerFixture.Sample.Hand.Skip(skip).Take(count);
        var batch = new SubmissionBatch([.. protocols.Select(p => new Submission(ServerFixture.ProtocolJson(p)))]);
        var response = await server.SubmitAsync(batch, ServerFixture.AdminToken);
        var last = (await response.Content.ReadFromJsonAsync(Wire.ReceiptBatchAnswer))!.Receipts.Max(r => r.Sequence);
        await server.WaitForSnapshotAsync(last);
        return last;
    }

    private Task<TreeHead?> HeadAsync() => server.Client.GetFromJsonAsync("/api/v1/tree-head", Wire.TreeHead);

    private static bool Verify(TreeHead head)
    {
        var signed = new Core.Transparency.TreeHead(
            head.Election,
            Convert.FromHexString(head.DefinitionSha256),
            head.TreeSize,
            Convert.FromHexString(head.RootHash),
            head.RegisterSize,
            Convert.FromHexString(head.RegisterRoot),
            DateTimeOffset.FromUnixTimeMilliseconds(head.Timestamp));
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(head.PublicKey), KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, signed.SignedBytes(), Convert.FromBase64String(head.Signature));
    }

    [Fact]
    public async Task Tree_heads_are_signed_and_each_later_one_proves_it_extends_the_earlier()
    {
        await SubmitAsync(1000, 50);
        var first = (await HeadAsync())!;
        Assert.True(Verify(first));
        await SubmitAsync(1050, 50);
        var second = (await HeadAsync())!;
        Assert.True(Verify(second));
        var (m, n) = (first.TreeSize, second.TreeSize);
        Assert.True(n > m);
        var consistency = await server.Client.GetFromJsonAsync($"/api/v1/proofs/consistency?first={m}&second={n}", Wire.ConsistencyProof);
        var proof = consistency!.Proof.Select(Convert.FromHexString).ToList();
        Assert.True(MerkleProof.VerifyConsistency(m, n, Convert.FromHexString(first.RootHash), Convert.FromHexString(second.RootHash), proof));
        var tampered = Convert.FromHexString(second.RootHash);
        tampered[0] ^= 1;
        Assert.False(MerkleProof.VerifyConsistency(m, n, Convert.FromHexString(first.RootHash), tampered, proof));
        var status = await server.Client.GetFromJsonAsync("/api/v1/status", Wire.ServerStatus);
        Assert.Equal(status!.Snapshot, status.TreeHead!.TreeSize);
    }

    [Fact]
    public async Task A_quiet_log_gets_a_freshly_signed_tree_head_every_few_seconds()
    {
        await SubmitAsync(1300, 5);
        var first = (await HeadAsync())!;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the fixture re-signs every second
        var later = (await HeadAsync())!;
        Assert.Equal(first.TreeSize, later.TreeSize); // tests of a class run one at a time
        Assert.True(later.Timestamp > first.Timestamp);
        Assert.Equal(first.RootHash, later.RootHash);
        Assert.True(Verify(later));
    }

    [Fact]
    public async Task A_receipt_is_provably_in_the_signed_tree_and_the_entries_rebuild_its_root()
    {
        var protocol = ServerFixture.ProtocolJson(ServerFixture.Sample.Hand[1200]);
        var response = await server.SubmitAsync(new Submission(protocol), ServerFixture.AdminToken);
        var receipt = (await response.Content.ReadFromJsonAsync(Wire.ReceiptAnswer))!.Receipt;
        await server.WaitForSnapshotAsync(receipt.Sequence);
        var head = (await HeadAsync())!;
        var root = Convert.FromHexString(head.RootHash);
        var query = $"/api/v1/proofs/inclusion?sequence={receipt.Sequence}&size={head.TreeSize}";
        var inclusion = await server.Client.GetFromJsonAsync(query, Wire.InclusionProof);
        var path = inclusion!.Proof.Select(Convert.FromHexString).ToList();
        Assert.True(MerkleProof.VerifyInclusion(receipt.Sequence - 1, head.TreeSize, Convert.FromHexString(receipt.LeafHash), path, root));

        var tree = new MerkleTree();
        long after = 0;
        while (tree.Size < head.TreeSize)
        {
            var page = await server.Client.GetFromJsonAsync($"/api/v1/entries?after={after}&limit=500", Wire.EntriesPage);
            foreach (var entry in page!.Entries)
            {
                var signature = entry.Signature.Length > 0 ? Convert.FromBase64String(entry.Signature) : [];
                var leaf = LogLeaf.Encode(entry.Sequence, entry.Station, entry.Contest, entry.Source, entry.Version, WireWords.Of(entry.Outcome),
                    entry.Sender, Convert.FromHexString(entry.ContentHash), signature, DateTimeOffset.FromUnixTimeMilliseconds(entry.ReceivedAt));
                tree.Append(MerkleHash.Leaf(leaf));
                after = entry.Sequence;
            }
        }
        Assert.Equal(root, tree.Root(head.TreeSize));
    }
}
