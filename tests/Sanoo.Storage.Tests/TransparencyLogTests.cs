using System.Security.Cryptography;
using Sanoo.Core.Transparency;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Every stored entry is a leaf of an RFC 9162 Merkle tree; receipts name their leaf; a reopened log has the same tree head.</summary>
[Collection("stores")]
public class TransparencyLogTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Receipts_name_their_leaf_and_the_tree_head_survives_a_reopen(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        var signature = RandomNumberGenerator.GetBytes(64);
        var receipts = await log.SubmitAsync(
            [Submit(Sample.Machine[0]) with { Signature = signature }, .. Sample.Hand.Take(40).Select(p => Submit(p))]);
        var again = await log.SubmitAsync(Submit(Sample.Hand[3]));
        Assert.Equal(receipts[4].LeafHash, again.LeafHash);
        var (size, root) = await log.TreeHeadAsync();
        Assert.Equal(41, size);
        foreach (var receipt in receipts)
        {
            var proof = await log.InclusionProofAsync(receipt.Sequence, size);
            Assert.True(MerkleProof.VerifyInclusion(receipt.Sequence - 1, size, Convert.FromHexString(receipt.LeafHash), proof, root));
        }
        await CloseAsync(log);

        await using (var store = await StoreAddress.OpenAsync(address))
        {
            var entries = await store.ReadAsync(0).ToListAsync();
            Assert.Equal(signature, entries[0].Signature.AsSpan().ToArray());
            Assert.True(entries[1].Signature.IsEmpty);
            var rebuilt = new MerkleTree();
            foreach (var entry in entries)
            {
                Assert.Equal(MerkleHash.Leaf(entry.Leaf()), entry.LeafHash()); // the fast path hashes exactly the documented bytes
                rebuilt.Append(MerkleHash.Leaf(entry.Leaf()));
            }
            Assert.Equal(root, rebuilt.Root(size));
        }
        var reopened = await OpenLogAsync(address, withDefinition: false);
        Assert.Equal(root, (await reopened.TreeHeadAsync()).Root);
        await CloseAsync(reopened);
    }

    [Fact]
    public void A_leaf_binds_every_field_that_matters()
    {
        byte[] Leaf(string station = "s1", string outcome = "accepted", long sequence = 7, byte signatureByte = 1, string sender = "device:s1") =>
            MerkleHash.Leaf(LogLeaf.Encode(
                sequence, station, "list", "machine", 1, outcome, sender, new byte[32], [signatureByte], DateTimeOffset.UnixEpoch));
        var original = Leaf();
        Assert.NotEqual(original, Leaf(station: "s2"));
        Assert.NotEqual(original, Leaf(outcome: "rejected"));
        Assert.NotEqual(original, Leaf(sequence: 8));
        Assert.NotEqual(original, Leaf(signatureByte: 2));
        Assert.NotEqual(original, Leaf(sender: "operator:dec-01"));
        Assert.Equal(original, Leaf());
    }
}
