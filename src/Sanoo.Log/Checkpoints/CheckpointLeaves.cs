using System.Buffers.Binary;
using Sanoo.Core.Transparency;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// The leaf hashes of the entries a checkpoint covers, kept in its state (after the digest) so that a restart does not hash every
/// covered row again: <see cref="Magic"/>, the count N (8 bytes, little-endian), then the N leaf hashes of 32 bytes in log order
/// (32 MB at a million entries). They are believed only as part of the sealed state, and the tree built from them must give the
/// sealed root; the rows are held to them by the digest of all their columns (<see cref="CountedColumns"/>).
/// </summary>
internal static class CheckpointLeaves
{
    public static ReadOnlySpan<byte> Magic => "sanoo-leaves/1\n"u8;

    /// <summary>The part for the tree's first <paramref name="count"/> leaves.</summary>
    public static byte[] Export(MerkleTree tree, long count)
    {
        var part = new byte[Magic.Length + 8 + (count * MerkleHash.Size)];
        Magic.CopyTo(part);
        BinaryPrimitives.WriteInt64LittleEndian(part.AsSpan(Magic.Length), count);
        tree.CopyLeaves(count, part.AsSpan(Magic.Length + 8));
        return part;
    }

    /// <summary>
    /// The length of the part at the start of <paramref name="state"/>, which must hold <paramref name="count"/> leaves; −1 when
    /// it does not start with one (a checkpoint written before they were kept) or holds another count or is cut short.
    /// </summary>
    public static int PartLength(ReadOnlySpan<byte> state, long count)
    {
        if (!state.StartsWith(Magic) || state.Length < Magic.Length + 8
            || BinaryPrimitives.ReadInt64LittleEndian(state[Magic.Length..]) != count)
        {
            return -1;
        }
        var length = Magic.Length + 8 + (count * MerkleHash.Size);
        return length > state.Length ? -1 : (int)length;
    }

    /// <summary>The leaf hash of the entry at <paramref name="sequence"/> (1-based) in a part.</summary>
    public static ReadOnlySpan<byte> Leaf(ReadOnlySpan<byte> part, long sequence) =>
        part.Slice(Magic.Length + 8 + (int)((sequence - 1) * MerkleHash.Size), MerkleHash.Size);
}
