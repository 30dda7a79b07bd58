namespace Sanoo.Log;

/// <summary>A SHA-256 as four 64-bit words: a cheap dictionary key. Equal keys are equal hashes.</summary>
internal readonly record struct HashKey(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>The key of a 32-byte hash.</summary>
    public static HashKey Of(ReadOnlySpan<byte> hash) => new(
        BitConverter.ToUInt64(hash[..8]),
        BitConverter.ToUInt64(hash[8..16]),
        BitConverter.ToUInt64(hash[16..24]),
        BitConverter.ToUInt64(hash[24..32]));
}
