namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A stream that holds the bytes written to it to bytes already read, as they come (<see cref="SameBytesWriter"/>'s counterpart for
/// a serializer that writes bytes): a page's data is held to the verifier's own serialization of it without either being made a
/// document or an array. It says only whether the two are the same bytes; where they are not, the caller compares them value by
/// value to name what differs.
/// </summary>
internal sealed class SameBytesStream(ReadOnlyMemory<byte> published) : Stream
{
    private long _at;
    private bool _differs;

    /// <summary>Whether everything written is, byte for byte, the whole of the bytes given.</summary>
    public bool Same => !_differs && _at == published.Length;

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
        _differs = _differs || buffer.Length > published.Length - _at || !buffer.SequenceEqual(published.Span.Slice((int)_at, buffer.Length));
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
}
