using CsCheck;
using Sanoo.Core.Transparency;

namespace Sanoo.Core.Tests.Transparency;

/// <summary>
/// The Merkle tree against the RFC 6962/9162 reference vectors published with Certificate
/// Transparency implementations (the eight reference leaves, their tree heads, and their
/// inclusion and consistency proofs), and properties over thousands of tree sizes.
/// </summary>
public class MerkleTreeTests
{
    private static readonly byte[][] Leaves =
        [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString)];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MerkleTree Reference()
    {
        var tree = new MerkleTree();
        foreach (var leaf in Leaves)
        {
            tree.Append(MerkleHash.Leaf(leaf));
        }
        return tree;
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    [Fact]
    public void The_tree_heads_are_the_reference_ones_for_every_size()
    {
        var tree = Reference();
        Assert.Equal(Roots, Enumerable.Range(0, 9).Select(n => Hex(tree.Root(n))));
    }

    [Fact]
    public void A_tree_across_its_storage_chunks_gives_the_roots_of_the_definition_and_hands_out_copies()
    {
        // 5,000 leaves: the leaves and the first level of nodes both span more than one chunk of 2,048 hashes.
        var leaves = Enumerable.Range(0, 5000).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToArray();
        var tree = new MerkleTree();
        foreach (var leaf in leaves)
        {
            tree.Append(leaf);
        }
        static byte[] Mth(byte[][] d) => d.Length == 1
            ? d[0]
            : MerkleHash.Node(Mth(d[..(int)MerkleHash.Split(d.Length)]), Mth(d[(int)MerkleHash.Split(d.Length)..]));
        foreach (var size in new[] { 1, 2047, 2048, 2049, 4096, 4097, 5000 })
        {
            Assert.Equal(Hex(Mth(leaves[..size])), Hex(tree.Root(size)));
        }
        Assert.Equal(Hex(leaves[4321]), Hex(tree.LeafHash(4321)));
        var root = tree.Root(4096);
        tree.Root(4096)[0] ^= 1;
        tree.LeafHash(2048)[0] ^= 1;
        Assert.Equal(Hex(root), Hex(tree.Root(4096)));
        Assert.Equal(Hex(leaves[2048]), Hex(tree.LeafHash(2048)));
    }

    [Theory]
    [InlineData(0, 8,
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 " +
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e " +
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(5, 8,
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b " +
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 " +
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    public void Inclusion_proofs_are_the_reference_ones(long index, long size, string expected)
    {
        var tree = Reference();
        var proof = tree.InclusionProof(index, size);
        Assert.Equal(expected.Split(' '), proof.Select(Hex));
        Assert.True(MerkleProof.VerifyInclusion(index, size, tree.LeafHash(index), proof, tree.Root(size)));
    }

    [Theory]
    [InlineData(2, 8,
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e " +
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")]
    [InlineData(6, 8,
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a " +
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 " +
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(2, 5,
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e " +
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")]
    public void Consistency_proofs_are_the_reference_ones(long first, long second, string expected)
    {
        var tree = Reference();
        var proof = tree.ConsistencyProof(first, second);
        Assert.Equal(expected.Split(' '), proof.Select(Hex));
        Assert.True(MerkleProof.VerifyConsistency(first, second, tree.Root(first), tree.Root(second), proof));
    }

    [Fact]
    public void Every_inclusion_proof_verifies_and_any_change_is_caught()
    {
        Gen.Int[1, 300].Sample(size =>
        {
            var tree = new MerkleTree();
            for (var i = 0; i < size; i++)
            {
                tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)));
            }
            var root = tree.Root(size);
            for (var i = 0; i < size; i += Math.Max(1, size / 17))
            {
                var proof = tree.InclusionProof(i, size);
                Assert.True(MerkleProof.VerifyInclusion(i, size, tree.LeafHash(i), proof, root));
                Assert.False(MerkleProof.VerifyInclusion(i, size, MerkleHash.Leaf([1, 2, 3]), proof, root), "another entry");
                if (size > 1)
                {
                    Assert.False(MerkleProof.VerifyInclusion((i + 1) % size, size, tree.LeafHash(i), proof, root), "another position");
                    var tampered = proof.Select(p => (byte[])p.Clone()).ToList();
                    tampered[0][0] ^= 1;
                    Assert.False(MerkleProof.VerifyInclusion(i, size, tree.LeafHash(i), tampered, root), "a changed proof");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_a_rewritten_history_is_caught()
    {
        Gen.Select(Gen.Int[1, 200], Gen.Int[0, 200]).Sample((second, cut) =>
        {
            var first = 1 + (cut % second);
            var tree = new MerkleTree();
            var rewritten = new MerkleTree();
            for (var i = 0; i < second; i++)
            {
                tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)));
                rewritten.Append(MerkleHash.Leaf(BitConverter.GetBytes(i == first / 2 ? -1 : i)));
            }
            var proof = tree.ConsistencyProof(first, second);
            Assert.True(MerkleProof.VerifyConsistency(first, second, tree.Root(first), tree.Root(second), proof));
            // A log that changed an old entry cannot prove it extends the tree head an observer saved.
            var forged = rewritten.ConsistencyProof(first, second);
            Assert.False(
                first < second && MerkleProof.VerifyConsistency(first, second, tree.Root(first), rewritten.Root(second), forged),
                "rewritten history passed");
        }, iter: 2_000);
    }
}
