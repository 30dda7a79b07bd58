using System.Text;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A writer that holds what is written to it, encoded as UTF-8 without a byte-order mark, to bytes already read, as it goes:
/// a published file is compared with the one the verifier writes without either being made a string (an area's CSV of a
/// district of 700 stations is some 3 MB; two strings of it and its records read back cost some 60 MB a district). It says only
/// whether the two are the same bytes; where they are not, the caller compares them again as text to name what differs. Text
/// that does not encode (a lone surrogate) is never the same.
/// </summary>
internal sealed class SameBytesWriter(ReadOnlyMemory<byte> published) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _bytes = new byte[Strict.GetMaxByteCount(4096)];
    private int _count;
    private int _at;
    private bool _differs;

    /// <inheritdoc/>
    public override Encoding Encoding => Strict;

    /// <summary>Whether everything written is, byte for byte, the whole of the bytes given.</summary>
    public bool Same
    {
        get
        {
            Drain(last: true);
            return !_differs && _at == published.Length;
        }
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (_count == _chars.Length)
        {
            Drain(last: false);
        }
        _chars[_count++] = value;
    }

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_count == _chars.Length)
            {
                Drain(last: false);
            }
            var n = Math.Min(buffer.Length, _chars.Length - _count);
            buffer[..n].CopyTo(_chars.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>Encodes the characters held (but a high surrogate at their end, unless last) and compares them.</summary>
    private void Drain(bool last)
    {
        var n = _count;
        if (!last && n > 0 && char.IsHighSurrogate(_chars[n - 1]))
        {
            n--; // its low half comes with the next characters
        }
        if (!_differs && n > 0)
        {
            try
            {
                var written = Strict.GetBytes(_chars.AsSpan(0, n), _bytes);
                _differs = written > published.Length - _at || !_bytes.AsSpan(0, written).SequenceEqual(published.Span.Slice(_at, written));
                _at += written;
            }
            catch (EncoderFallbackException)
            {
                _differs = true;
            }
        }
        _chars.AsSpan(n, _count - n).CopyTo(_chars);
        _count -= n;
    }
}
