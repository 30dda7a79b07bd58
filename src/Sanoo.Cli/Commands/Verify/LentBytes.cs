using System.Buffers;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A whole answer read into a buffer borrowed from the shared pool and given back once it is read: a page of a million-entry log is
/// read a thousand times, and each page's megabyte or two then costs no new allocation.
/// </summary>
internal static class LentBytes
{
    /// <summary>Reads what it needs from an answer's bytes (which it must not keep).</summary>
    public delegate T Reader<out T>(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// A lent buffer twice the size of <paramref name="buffer"/> that starts with its first <paramref name="filled"/> bytes; the
    /// smaller one goes back to the pool.
    /// </summary>
    public static byte[] Doubled(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Reads <paramref name="stream"/> to its end into a lent buffer and gives <paramref name="read"/>'s result.</summary>
    public static async Task<T> ReadAsync<T>(Stream stream, Reader<T> read, CancellationToken cancellationToken)
    {
        using var whole = await WholeAsync(stream, cancellationToken);
        return read(whole.Memory.Span);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end into a lent buffer, given back when the result is disposed; one of a length known
    /// (a file) into one buffer of that size at once, not doubled on the way (each size given back stays in the pool).
    /// </summary>
    public static async Task<Whole> WholeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position + 1, Array.MaxLength) : 1 << 20);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    buffer = Doubled(buffer, filled);
                }
                var n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (n == 0)
                {
                    return new Whole(buffer, filled, lent: true);
                }
                filled += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// A whole answer's bytes (<see cref="Memory"/>), in a buffer lent by the pool or an array of their own; a lent buffer goes back
    /// when it is disposed, so the bytes must not be kept past that.
    /// </summary>
    public sealed class Whole : IDisposable
    {
        private readonly int _length;
        private readonly bool _lent;
        private byte[]? _buffer;

        internal Whole(byte[] buffer, int length, bool lent) => (_buffer, _length, _lent) = (buffer, length, lent);

        /// <summary>The bytes, until disposed.</summary>
        public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(Whole))).AsMemory(0, _length);

        /// <summary>The bytes as the part of the array that holds them.</summary>
        public ArraySegment<byte> Segment => new(_buffer ?? throw new ObjectDisposedException(nameof(Whole)), 0, _length);

        /// <summary>Bytes of an array of their own (nothing to give back).</summary>
        public static Whole Of(byte[] bytes) => new(bytes, bytes.Length, lent: false);

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } buffer && _lent)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
