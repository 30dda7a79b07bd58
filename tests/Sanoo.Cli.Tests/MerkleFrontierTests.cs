using System.Security.Cryptography;
using Sanoo.Cli.Commands.Verify;
using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Tests;

/// <summary>The verifier's Merkle frontier gives the root the whole tree gives, at every size, as it grows.</summary>
public sealed class MerkleFrontierTests
{
    [Fact]
    public void The_frontier_gives_the_whole_trees_root_at_every_size_and_a_copy_grows_on_its_own()
    {
        var (tree, frontier) = (new MerkleTree(), new MerkleFrontier());
        Assert.Equal(MerkleHash.Empty(), frontier.Root());
        MerkleFrontier? copy = null;
        for (var i = 0; i < 300; i++)
        {
            var leaf = MerkleHash.Leaf(SHA256.HashData(BitConverter.GetBytes(i)));
            tree.Append(leaf);
            frontier.Append(leaf);
            Assert.Equal(tree.Size, frontier.Size);
            Assert.Equal(tree.Root(tree.Size), frontier.Root());
            if (i == 100)
            {
                copy = frontier.Copy();
            }
        }
        Assert.Equal(101, copy!.Size);
        Assert.Equal(tree.Root(101), copy.Root());
    }
}
