using System.Buffers;
using System.Buffers.Binary;
using Sanoo.Core.Transparency;

namespace Sanoo.Log;

/// <summary>
/// The register's part of a checkpoint (docs/storage.md): its size, the log position its last record named, whether it read the
/// definition, the root of its tree at that size, the digest of the records' kind and station columns
/// (<see cref="Checkpoints.RegisterColumns"/>), and each station's current key as raw bytes. A restart hashes the records up to
/// that size (their leaves and columns, not their contents), and takes the rest of the state from here only when they give the
/// sealed root and digest; the records after it are read as always.
/// </summary>
internal sealed partial class RegisterState
{
    /// <summary>The first bytes of the register's part, with the format's version.</summary>
    public static ReadOnlySpan<byte> Magic => "sanoo-register/2\n"u8;

    /// <summary>The first bytes of the part an earlier Sanoo wrote, without the columns' digest: such a checkpoint is refused once.</summary>
    private static ReadOnlySpan<byte> EarlierMagic => "sanoo-register/1\n"u8;

    /// <summary>Bytes before the keys: size, log position of the last record, definition read, root, the columns' digest.</summary>
    private const int HeadLength = 8 + 8 + 1 + MerkleHash.Size + ColumnsLength;

    private const int ColumnsLength = 32;

    private const int ColumnsAt = 17 + MerkleHash.Size;

    /// <summary>The register's part of a checkpoint now: <see cref="Magic"/>, the length of what follows (8 bytes), then the state.</summary>
    public byte[] ExportCheckpoint()
    {
        var output = new ArrayBufferWriter<byte>(Magic.Length + 8 + HeadLength + 4 + (_keys.Count * (4 + DeviceKeys.KeyLength)));
        output.Write(Magic);
        var length = output.GetSpan(8);
        output.Advance(8);
        var head = output.GetSpan(HeadLength);
        BinaryPrimitives.WriteInt64LittleEndian(head, Size);
        BinaryPrimitives.WriteInt64LittleEndian(head[8..], _lastLogSize);
        head[16] = HasDefinition ? (byte)1 : (byte)0;
        Tree.Root(Size).CopyTo(head[17..]);
        _columns.Digest().CopyTo(head[ColumnsAt..]);
        output.Advance(HeadLength);
        _keys.Export(output);
        var bytes = output.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(Magic.Length), bytes.Length - Magic.Length - 8);
        return bytes;
    }

    /// <summary>
    /// The length of the register's part at the start of <paramref name="state"/> (<see cref="ExportCheckpoint"/>), 0 when the state
    /// has none (written before checkpoints held the register: the whole register is then read), −1 when it is cut short, −2 when
    /// an earlier Sanoo wrote it without the digest of the records' columns (the checkpoint is then refused once).
    /// </summary>
    public static int PartLength(ReadOnlySpan<byte> state)
    {
        if (state.StartsWith(EarlierMagic))
        {
            return -2;
        }
        if (!state.StartsWith(Magic))
        {
            return 0;
        }
        if (state.Length < Magic.Length + 8)
        {
            return -1;
        }
        var length = BinaryPrimitives.ReadInt64LittleEndian(state[Magic.Length..]);
        return length < HeadLength || length > state.Length - Magic.Length - 8 ? -1 : (int)(Magic.Length + 8 + length);
    }

    /// <summary>The number of records the register's part (<see cref="ExportCheckpoint"/>) covers.</summary>
    public static long SizeOf(ReadOnlySpan<byte> part) => BinaryPrimitives.ReadInt64LittleEndian(part[(Magic.Length + 8)..]);

    /// <summary>
    /// Takes the tree of the records a checkpoint's register part covers, built from their leaves without decoding a record,
    /// before any record is read: the checkpoint's root holds it (<see cref="FinishAdoption"/>).
    /// </summary>
    public void AdoptTree(MerkleTree tree)
    {
        if (Size != 0)
        {
            throw new InvalidOperationException($"the register's tree is taken before its records are read, not after {Size}");
        }
        Tree = tree;
    }

    /// <summary>
    /// After the leaves of the records a checkpoint's register part covers: they must give its root, and their rows' kind and
    /// station columns (<paramref name="columns"/>, read with the leaves) the digest it sealed; then its keys, last log position and
    /// definition are taken, and the digest goes on from <paramref name="columns"/>. Returns what differs, or null when adopted.
    /// </summary>
    public string? FinishAdoption(ReadOnlySpan<byte> part, Checkpoints.RegisterColumns columns)
    {
        var head = part[(Magic.Length + 8)..];
        var size = BinaryPrimitives.ReadInt64LittleEndian(head);
        if (Size != size)
        {
            return $"the register holds {Size:N0} records, fewer than the {size:N0} its checkpoint covers: records were deleted";
        }
        if (!Tree.Root(size).AsSpan().SequenceEqual(head.Slice(17, MerkleHash.Size)))
        {
            return $"the register's first {size:N0} records no longer hash to the root the checkpoint sealed: they were changed";
        }
        if (columns.Count != size || !columns.Digest().AsSpan().SequenceEqual(head.Slice(ColumnsAt, ColumnsLength)))
        {
            return $"the kind or station columns of the register's first {size:N0} records are not those the checkpoint sealed: a row "
                + "was relabelled (the whole register is read, which names it)";
        }
        var keys = head[HeadLength..];
        if (_keys.Import(keys) != keys.Length)
        {
            return "the register's keys in the checkpoint do not read as keys: the checkpoint is damaged";
        }
        _lastLogSize = BinaryPrimitives.ReadInt64LittleEndian(head[8..]);
        HasDefinition = head[16] == 1;
        _columns = columns;
        Adopted = size;
        return null;
    }
}
