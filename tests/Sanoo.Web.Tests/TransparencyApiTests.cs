using System.Net.Http.Json;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Core.Transparency;

namespace Sanoo.Web.Tests;

/// <summary>The transparency log over HTTP: signed tree heads, proofs that verify against them, and entries that rebuild them.</summary>
public class TransparencyApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<long> SubmitAsync(int skip, int count)
    {
        var response = await server.SubmitAsync(new { submissions = ServerFixture.Sample.Hand.Skip(skip).Take(count).Select(p => new { protocol = ServerFixture.ProtocolJson(p) }) }, ServerFixture.AdminToken);
        var last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts").EnumerateArray().Max(r => r.GetProperty("sequence").GetInt64());
        await server.WaitForSnapshotAsync(last);
        return last;
    }

    private static bool Verify(JsonElement head)
    {
        var signed = new TreeHead(head.GetProperty("election").GetString()!, head.GetProperty("treeSize").GetInt64(), Convert.FromHexString(head.GetProperty("rootHash").GetString()!),
            DateTimeOffset.FromUnixTimeMilliseconds(head.GetProperty("timestamp").GetInt64()));
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(head.GetProperty("publicKey").GetString()!), KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, signed.SignedBytes(), Convert.FromBase64String(head.GetProperty("signature").GetString()!));
    }

    [Fact]
    public async Task Tree_heads_are_signed_and_each_later_one_proves_it_extends_the_earlier()
    {
        await SubmitAsync(1000, 50);
        var first = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/tree-head");
        Assert.True(Verify(first));
        await SubmitAsync(1050, 50);
        var second = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/tree-head");
        Assert.True(Verify(second));
        var (m, n) = (first.GetProperty("treeSize").GetInt64(), second.GetProperty("treeSize").GetInt64());
        Assert.True(n > m);
        var consistency = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/consistency?first={m}&second={n}");
        var proof = consistency.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
        Assert.True(MerkleProof.VerifyConsistency(m, n, Convert.FromHexString(first.GetProperty("rootHash").GetString()!), Convert.FromHexString(second.GetProperty("rootHash").GetString()!), proof));
        var tampered = Convert.FromHexString(second.GetProperty("rootHash").GetString()!);
        tampered[0] ^= 1;
        Assert.False(MerkleProof.VerifyConsistency(m, n, Convert.FromHexString(first.GetProperty("rootHash").GetString()!), tampered, proof));
        var status = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/status");
        Assert.Equal(status.GetProperty("snapshot").GetInt64(), status.GetProperty("treeHead").GetProperty("treeSize").GetInt64());
    }

    [Fact]
    public async Task A_quiet_log_gets_a_freshly_signed_tree_head_every_few_seconds()
    {
        await SubmitAsync(1300, 5);
        var first = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/tree-head");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the fixture re-signs every second
        var later = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/tree-head");
        Assert.Equal(first.GetProperty("treeSize").GetInt64(), later.GetProperty("treeSize").GetInt64()); // tests of a class run one at a time
        Assert.True(later.GetProperty("timestamp").GetInt64() > first.GetProperty("timestamp").GetInt64());
        Assert.Equal(first.GetProperty("rootHash").GetString(), later.GetProperty("rootHash").GetString());
        Assert.True(Verify(later));
    }

    [Fact]
    public async Task A_receipt_is_provably_in_the_signed_tree_and_the_entries_rebuild_its_root()
    {
        var response = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(ServerFixture.Sample.Hand[1200]) }, ServerFixture.AdminToken);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt");
        var sequence = receipt.GetProperty("sequence").GetInt64();
        await server.WaitForSnapshotAsync(sequence);
        var head = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/tree-head");
        var size = head.GetProperty("treeSize").GetInt64();
        var root = Convert.FromHexString(head.GetProperty("rootHash").GetString()!);
        var inclusion = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/inclusion?sequence={sequence}&size={size}");
        var path = inclusion.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
        Assert.True(MerkleProof.VerifyInclusion(sequence - 1, size, Convert.FromHexString(receipt.GetProperty("leafHash").GetString()!), path, root));

        var tree = new MerkleTree();
        long after = 0;
        while (tree.Size < size)
        {
            var page = await server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/entries?after={after}&limit=500");
            foreach (var entry in page.GetProperty("entries").EnumerateArray())
            {
                var leaf = LogLeaf.Encode(entry.GetProperty("sequence").GetInt64(), entry.GetProperty("station").GetString()!, entry.GetProperty("contest").GetString()!, entry.GetProperty("source").GetString()!,
                    entry.GetProperty("version").GetInt32(), entry.GetProperty("outcome").GetString()!, Convert.FromHexString(entry.GetProperty("contentHash").GetString()!),
                    entry.GetProperty("signature").GetString() is { Length: > 0 } s ? Convert.FromBase64String(s) : [], DateTimeOffset.FromUnixTimeMilliseconds(entry.GetProperty("receivedAt").GetInt64()));
                tree.Append(MerkleHash.Leaf(leaf));
                after = entry.GetProperty("sequence").GetInt64();
            }
        }
        Assert.Equal(root, tree.Root(size));
    }
}
