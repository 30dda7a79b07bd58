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

    /// <summary>The length of the part for <paramref name="count"/> leaves.</summary>
    public static int Length(long count) => checked((int)(Magic.Length + 8 + (count * MerkleHash.Size)));

    /// <summary>Writes the part for the tree's first <paramref name="count"/> leaves at the start of <paramref name="into"/>.</summary>
    public static void Write(MerkleTree tree, long count, Span<byte> into)
    {
        Magic.CopyTo(into);
        BinaryPrimitives.WriteInt64LittleEndian(into[Magic.Length..], count);
        tree.CopyLeaves(count, into[(Magic.Length + 8)..]);
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
