using System.Globalization;
using System.Text;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Where one HTTP/1.1 answer Kestrel writes ends, read as its bytes pass (<see cref="KestrelBehind"/>): the head up to its empty
/// line, then no body (an answer to <c>HEAD</c>, 1xx, 204, 304), <c>Content-Length</c> bytes, chunks up to the last chunk and its
/// trailer lines, or, with neither, everything until Kestrel closes the connection. Kestrel's own output, so well formed; anything
/// else is <see cref="Broken"/>.
/// </summary>
internal sealed class AnswerFraming(bool answersHead)
{
    /// <summary>The longest head kept to be read.</summary>
    private const int MaxHead = 64 * 1024;

    private enum State
    {
        Head,
        Length,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailer,
        UntilClosed,
        Done,
    }

    private readonly List<byte> _head = [];
    private readonly List<byte> _line = [];
    private State _state = State.Head;
    private long _remaining;

    /// <summary>Whether the whole answer has passed.</summary>
    public bool Done => _state == State.Done;

    /// <summary>Whether the answer ends the connection (<c>Connection: close</c>, or a body that runs until it closes).</summary>
    public bool Closes { get; private set; }

    /// <summary>Whether the bytes were not an answer as framed here.</summary>
    public bool Broken { get; private set; }

    /// <summary>Reads <paramref name="bytes"/>, the next of the answer; bytes past its end make it <see cref="Broken"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && !Broken)
        {
            switch (_state)
            {
                case State.Head:
                    bytes = HeadPart(bytes);
                    break;
                case State.Length:
                case State.ChunkData:
                    var taken = (int)Math.Min(_remaining, bytes.Length);
                    _remaining -= taken;
                    bytes = bytes[taken..];
                    if (_remaining == 0)
                    {
                        _state = _state == State.Length ? State.Done : State.ChunkEnd;
                    }
                    break;
                case State.ChunkSize:
                case State.ChunkEnd:
                case State.Trailer:
                    bytes = LinePart(bytes);
                    break;
                case State.UntilClosed:
                    return;
                case State.Done:
                    Broken = true;
                    return;
            }
        }
    }

    private ReadOnlySpan<byte> HeadPart(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            _head.Add(bytes[i++]);
            if (_head.Count >= 4 && _head[^1] == '\n' && _head[^2] == '\r' && _head[^3] == '\n' && _head[^4] == '\r')
            {
                Begin(Encoding.ASCII.GetString([.. _head]));
                return bytes[i..];
            }
            if (_head.Count > MaxHead)
            {
                Broken = true;
                return [];
            }
        }
        return [];
    }

    /// <summary>Reads the head and sets how its body is framed.</summary>
    private void Begin(string head)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ');
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
        {
            Broken = true;
            return;
        }
        long? length = null;
        var chunked = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                Closes |= value.Contains("close", StringComparison.OrdinalIgnoreCase);
            }
        }
        if (code == 101)
        {
            Broken = true;
        }
        else if (code < 200)
        {
            // An interim answer (Kestrel sends none to the requests forwarded): the real one follows.
            _head.Clear();
        }
        else if (answersHead || code is 204 or 304)
        {
            _state = State.Done;
        }
        else if (chunked)
        {
            _state = State.ChunkSize;
        }
        else if (length is { } bytes)
        {
            _remaining = bytes;
            _state = bytes == 0 ? State.Done : State.Length;
        }
        else
        {
            Closes = true;
            _state = State.UntilClosed;
        }
    }

    /// <summary>Reads a line of the chunked framing: a chunk's size, the end of its data, or a trailer line.</summary>
    private ReadOnlySpan<byte> LinePart(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)'\n');
        _line.AddRange(end < 0 ? bytes : bytes[..(end + 1)]);
        if (end < 0)
        {
            if (_line.Count > 1024)
            {
                Broken = true;
            }
            return [];
        }
        var line = Encoding.ASCII.GetString([.. _line]).TrimEnd('\r', '\n');
        _line.Clear();
        switch (_state)
        {
            case State.ChunkSize:
                var size = line.Split(';')[0].Trim();
                if (!long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _remaining))
                {
                    Broken = true;
                }
                _state = _remaining == 0 ? State.Trailer : State.ChunkData;
                break;
            case State.ChunkEnd:
                Broken = line.Length != 0;
                _state = State.ChunkSize;
                break;
            case State.Trailer:
                _state = line.Length == 0 ? State.Done : State.Trailer;
                break;
        }
        return bytes[(end + 1)..];
    }
}
