namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A stream that holds the bytes written to it to bytes already published, as they come (<see cref="SameBytesWriter"/>'s
/// counterpart for a serializer that writes bytes): a page's data is held to the verifier's own serialization of it without
/// either being made a document or an array. It says only whether the two are the same bytes; where they are not, the caller
/// compares them value by value to name what differs. The published bytes are given in memory (<see cref="Of(ReadOnlyMemory{byte})"/>)
/// or as a stream read as the verifier's are written (<see cref="Of(Stream)"/>: a file of tens of megabytes), so that neither is
/// held whole.
/// </summary>
internal abstract class SameBytesStream : Stream
{
    private long _at;
    private bool _differs;

    /// <summary>A stream that holds what is written to <paramref name="published"/>.</summary>
    public static SameBytesStream Of(ReadOnlyMemory<byte> published) => new InMemory(published);

    /// <summary>A stream that holds what is written to the bytes <paramref name="published"/> gives, read as they are needed.</summary>
    public static SameBytesStream Of(Stream published) => new AsRead(published);

    /// <summary>Whether everything written is, byte for byte, the whole of the bytes given.</summary>
    public bool Same => !_differs && EndsAt(_at);

    /// <summary>Whether the published bytes from <paramref name="at"/> on begin with <paramref name="next"/>.</summary>
    protected abstract bool Holds(ReadOnlySpan<byte> next, long at);

    /// <summary>Whether the published bytes end at <paramref name="at"/>, all before it having been held.</summary>
    protected abstract bool EndsAt(long at);

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => _at;

    /// <inheritdoc/>
    public override long Position { get => _at; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _differs = _differs || !Holds(buffer, _at); // once apart, nothing more is compared (nor read)
        _at += buffer.Length;
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Published bytes in memory.</summary>
    private sealed class InMemory(ReadOnlyMemory<byte> published) : SameBytesStream
    {
        protected override bool Holds(ReadOnlySpan<byte> next, long at) =>
            next.Length <= published.Length - at && next.SequenceEqual(published.Span.Slice((int)at, next.Length));

        protected override bool EndsAt(long at) => at == published.Length;
    }

    /// <summary>Published bytes read from a stream as far as written, a buffer at a time.</summary>
    private sealed class AsRead(Stream published) : SameBytesStream
    {
        private readonly byte[] _read = new byte[1 << 16];
        private bool? _ended;

        protected override bool Holds(ReadOnlySpan<byte> next, long at)
        {
            for (var rest = next; rest.Length > 0; rest = rest[Math.Min(rest.Length, _read.Length)..])
            {
                var chunk = rest[..Math.Min(rest.Length, _read.Length)];
                if (published.ReadAtLeast(_read.AsSpan(0, chunk.Length), chunk.Length, throwOnEndOfStream: false) < chunk.Length
                    || !chunk.SequenceEqual(_read.AsSpan(0, chunk.Length)))
                {
                    return false;
                }
            }
            return true;
        }

        protected override bool EndsAt(long at) => _ended ??= published.Read(_read, 0, 1) == 0;
    }
}
