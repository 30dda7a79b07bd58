using System.IO.Compression;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The content codings Sanoo keeps beside an answer or a published file: gzip (RFC 1952) and Brotli (RFC 7932), each
/// made once from the identity bytes at the level chosen for serving many times (so the work is paid once per snapshot
/// or per file, never per request).
/// </summary>
public static class Encodings
{
    /// <summary>The gzip form of <paramref name="identity"/>, at the smallest size (made once, served many times).</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> identity)
    {
        using var output = new MemoryStream(identity.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(identity);
        }
        return output.ToArray();
    }

    /// <summary>
    /// The Brotli form of <paramref name="identity"/>, at quality 9 (fast to make, near the smallest) on the smallest window that holds
    /// it, from 64 KiB to 4 MiB: a window larger than the input compresses no better, and above 64 KiB the encoder's hash table is
    /// 32 MiB, whose first touches cost a small page some 2 ms of kernel time against 0.1 ms on the small window's table.
    /// </summary>
    public static byte[] Brotli(ReadOnlySpan<byte> identity)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(identity.Length)];
        var window = Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, identity.Length - 1)), 16, 22);
        if (!BrotliEncoder.TryCompress(identity, output, out var written, quality: 9, window: window))
        {
            throw new InvalidOperationException("Brotli could not compress the answer into its own bound");
        }
        return output.AsSpan(0, written).ToArray();
    }
}
