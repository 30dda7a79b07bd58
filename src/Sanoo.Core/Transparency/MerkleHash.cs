namespace Sanoo.Core.Transparency;

/// <summary>
/// The hashes of RFC 9162 (Certificate Transparency 2.0), §2.1.1: SHA-256 with a one-byte
/// domain separator, 0x00 for leaves and 0x01 for interior nodes, so a leaf can never be passed
/// off as a node. The empty tree's hash is SHA-256 of nothing.
/// </summary>
public static class MerkleHash
{
    /// <summary>Bytes in a hash.</summary>
    public const int Size = 32;

    /// <summary>The root of the empty tree.</summary>
    public static byte[] Empty() => Sha256Digest.Of([]);

    /// <summary>The hash of a leaf: SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var leaf = new byte[Size];
        Sha256Digest.Write(0x00, entry, leaf);
        return leaf;
    }

    /// <summary>The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var node = new byte[Size];
        Node(left, right, node);
        return node;
    }

    /// <summary>The hash of an interior node, SHA-256(0x01 ‖ left ‖ right), written to <paramref name="destination"/>.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> joined = stackalloc byte[1 + (2 * Size)];
        joined[0] = 0x01;
        left.CopyTo(joined[1..]);
        right.CopyTo(joined[(1 + Size)..]);
        Sha256Digest.Write(joined, destination);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree of n leaves.</summary>
    public static long Split(long n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "a tree of fewer than 2 leaves does not split");
        }
        var k = 1L;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }
}
