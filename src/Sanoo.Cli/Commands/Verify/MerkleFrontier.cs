using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The right edge of an RFC 9162 Merkle tree as it grows (a compact range from leaf 0): the root of each complete subtree the
/// leaves so far fill, largest first, at most one per bit of <see cref="Size"/>. It gives the root of the tree of every leaf
/// appended so far, and takes further leaves, in O(log n) memory: what the verifier keeps instead of the whole tree, so that the
/// next tree head's root is computed from it and the entries added since. A root that matches proves every earlier leaf unchanged.
/// </summary>
internal sealed class MerkleFrontier
{
    private readonly List<byte[]> _peaks;

    /// <summary>The frontier of the empty tree.</summary>
    public MerkleFrontier()
        : this(0, [])
    {
    }

    private MerkleFrontier(long size, List<byte[]> peaks)
    {
        Size = size;
        _peaks = peaks;
    }

    /// <summary>How many leaves were appended.</summary>
    public long Size { get; private set; }

    /// <summary>Appends a leaf's hash (<see cref="MerkleHash.Leaf"/> of the entry).</summary>
    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("a leaf hash is 32 bytes", nameof(leafHash));
        }
        var hash = leafHash;
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            hash = MerkleHash.Node(_peaks[^1], hash);
            _peaks.RemoveAt(_peaks.Count - 1);
        }
        _peaks.Add(hash);
        Size++;
    }

    /// <summary>MTH of every leaf appended so far (the empty tree's hash for none).</summary>
    public byte[] Root() => MerkleTree.RootOfFrontier(_peaks);

    /// <summary>A copy that grows on its own (the frontier of a round that may be abandoned).</summary>
    public MerkleFrontier Copy() => new(Size, [.. _peaks]);
}
