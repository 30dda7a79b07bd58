using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Sanoo.Storage.Log;

/// <summary>A protocol's figures (lines then votes) as 32-bit little-endian integers, the form stored for fast rebuilds.</summary>
public static class Figures
{
    /// <summary>Encodes the figures.</summary>
    public static byte[] Encode(ReadOnlySpan<int> lines, ReadOnlySpan<int> votes)
    {
        var bytes = new byte[(lines.Length + votes.Length) * 4];
        for (var i = 0; i < lines.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), lines[i]);
        }
        for (var i = 0; i < votes.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((lines.Length + i) * 4), votes[i]);
        }
        return bytes;
    }

    /// <summary>Decodes figures; throws <see cref="StoreException"/> for a length that is not a whole number of figures.</summary>
    public static ImmutableArray<int> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0)
        {
            throw new StoreException(
                $"a stored protocol's figures are {bytes.Length} bytes long, not a whole number of 4-byte figures: the database is damaged");
        }
        var figures = new int[bytes.Length / 4];
        for (var i = 0; i < figures.Length; i++)
        {
            figures[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(figures); // a new array: nobody else holds it
    }
}
