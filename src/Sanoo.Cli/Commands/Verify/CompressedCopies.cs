using System.Buffers;
using System.IO.Compression;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds the gzip and Brotli copies <c>sanoo publish</c> writes beside each file (<c>FILE.gz</c>, <c>FILE.br</c>, which a web server
/// or CDN sends to browsers that accept them) to the file itself: each must decompress to its very bytes, compared as both stream,
/// so a doctored copy is caught whatever its size. The plain file is what the verifier reads and checks.
/// </summary>
internal static class CompressedCopies
{
    /// <summary>Compares each copy of <paramref name="path"/> that the origin holds; a problem per copy that differs.</summary>
    public static Task CheckAsync(VerifyCommand.IPublished origin, string path, List<string> problems, CancellationToken cancellationToken) =>
        CheckAsync(origin, path, () => origin.OpenAsync(path, cancellationToken), problems.Add, cancellationToken);

    /// <summary>
    /// Compares each copy of <paramref name="path"/> that the origin holds with <paramref name="plain"/>, its bytes as already read (a
    /// page's data, read once for its figures); a problem per copy that differs goes to <paramref name="problem"/>.
    /// </summary>
    public static Task CheckAsync(
        VerifyCommand.IPublished origin, string path, byte[] plain, Action<string> problem, CancellationToken cancellationToken) =>
        CheckAsync(origin, path, new ArraySegment<byte>(plain), problem, cancellationToken);

    /// <summary>As the overload of a whole array, for bytes read into part of one (a buffer the pool lends).</summary>
    public static Task CheckAsync(
        VerifyCommand.IPublished origin, string path, ArraySegment<byte> plain, Action<string> problem, CancellationToken cancellationToken) =>
        CheckAsync(origin, path, () => Task.FromResult<Stream>(new MemoryStream(plain.Array!, plain.Offset, plain.Count, writable: false)),
            problem, cancellationToken);

    /// <summary>As the overload of bytes already read, with <paramref name="open"/> opening the plain file as a stream.</summary>
    public static async Task CheckAsync(
        VerifyCommand.IPublished origin, string path, Func<Task<Stream>> open, Action<string> problem, CancellationToken cancellationToken)
    {
        foreach (var suffix in Web.Publishing.PublishedFolder.CopyEndings)
        {
            await using var copy = origin.OpenCopy(path, suffix);
            if (copy is null)
            {
                continue;
            }
            await using var plain = await open();
            await using Stream decoded = suffix == ".gz"
                ? new GZipStream(copy, CompressionMode.Decompress)
                : new BrotliStream(copy, CompressionMode.Decompress);
            try
            {
                if (await FirstDifferenceAsync(plain, decoded, cancellationToken) is { } at)
                {
                    problem($"{path}{suffix} does not decompress to the bytes of {path}: they differ from byte {at:N0} on");
                }
            }
            catch (InvalidDataException)
            {
                problem($"{path}{suffix} does not decompress ({suffix} data damaged)");
            }
        }
    }

    /// <summary>Where two streams first differ (a length included); null when they hold the same bytes.</summary>
    private static async Task<long?> FirstDifferenceAsync(Stream first, Stream second, CancellationToken cancellationToken)
    {
        var (a, b) = (ArrayPool<byte>.Shared.Rent(1 << 16), ArrayPool<byte>.Shared.Rent(1 << 16));
        try
        {
            for (var offset = 0L; ; )
            {
                var read = await first.ReadAtLeastAsync(a.AsMemory(0, 1 << 16), 1 << 16, throwOnEndOfStream: false, cancellationToken);
                var other = await second.ReadAtLeastAsync(b.AsMemory(0, 1 << 16), 1 << 16, throwOnEndOfStream: false, cancellationToken);
                var same = a.AsSpan(0, Math.Min(read, other)).CommonPrefixLength(b.AsSpan(0, Math.Min(read, other)));
                if (same < Math.Min(read, other) || read != other)
                {
                    return offset + same;
                }
                if (read == 0)
                {
                    return null;
                }
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(a);
            ArrayPool<byte>.Shared.Return(b);
        }
    }
}
