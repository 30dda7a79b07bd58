using System.Buffers;
using System.IO.Compression;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The content codings Sanoo keeps beside an answer or a published file: gzip (RFC 1952) and Brotli (RFC 7932), each
/// made once from the identity bytes at the level chosen for serving many times (so the work is paid once per snapshot
/// or per file, never per request). The levels were chosen by measurement on a published folder's files (docs/performance.md,
/// <c>Sanoo.Bench copies</c>): gzip's optimal level is within 1% of its smallest size on a page for a third of the CPU, and
/// Brotli's quality 5 within 1–4% of quality 9 for half of it on a page and a fifth on a large file.
/// </summary>
public static class Encodings
{
    /// <summary>The gzip level of every copy.</summary>
    public const CompressionLevel GzipLevel = CompressionLevel.Optimal;

    /// <summary>The Brotli quality of every copy.</summary>
    public const int BrotliQuality = 5;

    /// <summary>
    /// The gzip form of <paramref name="identity"/>, at <see cref="GzipLevel"/> unless <paramref name="level"/> says otherwise (made
    /// once, served many times).
    /// </summary>
    public static byte[] Gzip(ReadOnlySpan<byte> identity, CompressionLevel level = GzipLevel)
    {
        using var output = new MemoryStream(identity.Length / 4 + 64);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(identity);
        }
        return output.ToArray();
    }

    /// <summary>
    /// The Brotli form of <paramref name="identity"/>, at <see cref="BrotliQuality"/> unless <paramref name="quality"/> says
    /// otherwise, on the smallest window that holds
    /// it, from 64 KiB to 4 MiB: a window larger than the input compresses no better, and above 64 KiB the encoder's hash table is
    /// 32 MiB, whose first touches cost a small page some 2 ms of kernel time against 0.1 ms on the small window's table.
    /// </summary>
    public static byte[] Brotli(ReadOnlySpan<byte> identity, int quality = BrotliQuality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(identity.Length)];
        var window = Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, identity.Length - 1)), 16, 22);
        if (!BrotliEncoder.TryCompress(identity, output, out var written, quality, window))
        {
            throw new InvalidOperationException("Brotli could not compress the answer into its own bound");
        }
        return output.AsSpan(0, written).ToArray();
    }

    /// <summary>Writes the gzip form of <paramref name="identity"/> to <paramref name="output"/> as <see cref="Gzip"/> makes it.</summary>
    public static async Task GzipAsync(Stream identity, Stream output, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(output, GzipLevel, leaveOpen: true);
        await identity.CopyToAsync(gzip, 1 << 16, cancellationToken);
    }

    /// <summary>
    /// Writes the Brotli form of <paramref name="identity"/> (a file of any size) to <paramref name="output"/> a buffer at a time, at
    /// the quality of <see cref="Brotli"/> and its largest window, which a file too large to hold whole needs.
    /// </summary>
    public static async Task BrotliAsync(Stream identity, Stream output, CancellationToken cancellationToken)
    {
        using var encoder = new BrotliEncoder(BrotliQuality, window: 22);
        var input = new byte[1 << 16];
        var buffer = new byte[1 << 17];
        var final = false;
        while (!final)
        {
            var read = await identity.ReadAtLeastAsync(input, input.Length, throwOnEndOfStream: false, cancellationToken);
            final = read == 0;
            var pending = input.AsMemory(0, read);
            OperationStatus status;
            do
            {
                status = encoder.Compress(pending.Span, buffer, out var consumed, out var written, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    throw new InvalidOperationException("Brotli refused its input");
                }
                pending = pending[consumed..];
                await output.WriteAsync(buffer.AsMemory(0, written), cancellationToken);
            }
            while (status == OperationStatus.DestinationTooSmall || pending.Length > 0);
        }
    }
}
