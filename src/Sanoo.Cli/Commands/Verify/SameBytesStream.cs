namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A stream that holds the bytes written to it to bytes already read, as they come (<see cref="SameBytesWriter"/>'s counterpart for
/// a serializer that writes bytes): a page's data is held to the verifier's own serialization of it without either being made a
/// document or an array. It says only whether the two are the same bytes; where they are not, the caller compares them value by
/// value to name what differs. Given a stream of the published bytes instead (a file of tens of megabytes), it reads them as the
/// verifier's are written, so that neither is held whole.
/// </summary>
internal sealed class SameBytesStream : Stream
{
    private readonly ReadOnlyMemory<byte> _published;
    private readonly Stream? _reading;
    private readonly byte[] _read = [];
    private long _at;
    private bool _differs;
    private bool? _ended;

    /// <summary>A stream that holds what is written to <paramref name="published"/>.</summary>
    public SameBytesStream(ReadOnlyMemory<byte> published) => _published = published;

    /// <summary>A stream that holds what is written to the bytes <paramref name="published"/> gives, read as they are needed.</summary>
    public SameBytesStream(Stream published) => (_reading, _read) = (published, new byte[1 << 16]);

    /// <summary>Whether everything written is, byte for byte, the whole of the bytes given.</summary>
    public bool Same => !_differs && (_reading is null ? _at == _published.Length : _ended ??= _reading.Read(_read, 0, 1) == 0);

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
        if (_reading is null)
        {
            _differs = _differs || buffer.Length > _published.Length - _at
                || !buffer.SequenceEqual(_published.Span.Slice((int)_at, buffer.Length));
        }
        for (var rest = buffer; _reading is not null && !_differs && rest.Length > 0; rest = rest[Math.Min(rest.Length, _read.Length)..])
        {
            var next = rest[..Math.Min(rest.Length, _read.Length)];
            _differs = _reading.ReadAtLeast(_read.AsSpan(0, next.Length), next.Length, throwOnEndOfStream: false) < next.Length
                || !next.SequenceEqual(_read.AsSpan(0, next.Length));
        }
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
