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
    /// <summary>The longest line kept to be read: of the head, or of the chunked framing.</summary>
    private const int MaxLine = 16 * 1024;

    private enum State
    {
        Status,
        Header,
        Length,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailer,
        UntilClosed,
        Done,
    }

    private readonly List<byte> _line = [];
    private State _state = State.Status;
    private int _code;
    private long? _length;
    private bool _chunked;
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
                case State.UntilClosed:
                    return;
                case State.Done:
                    Broken = true;
                    return;
                default:
                    bytes = LinePart(bytes);
                    break;
            }
        }
    }

    /// <summary>Reads a line: the status line, a header, a chunk's size, the end of its data, or a trailer line.</summary>
    private ReadOnlySpan<byte> LinePart(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)'\n');
        _line.AddRange(end < 0 ? bytes : bytes[..(end + 1)]);
        if (end < 0)
        {
            Broken = _line.Count > MaxLine;
            return [];
        }
        var line = Encoding.ASCII.GetString([.. _line]).TrimEnd('\r', '\n');
        _line.Clear();
        switch (_state)
        {
            case State.Status:
                Status(line);
                break;
            case State.Header when line.Length == 0:
                Begin();
                break;
            case State.Header:
                Header(line);
                break;
            case State.ChunkSize:
                var size = line.Split(';')[0].Trim();
                Broken = !long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _remaining);
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

    private void Status(string line)
    {
        var parts = line.Split(' ');
        Broken = parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], out _code);
        (_length, _chunked, _state) = (null, false, State.Header);
    }

    private void Header(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }
        var name = line[..colon].Trim();
        var value = line[(colon + 1)..].Trim();
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            _length = long.Parse(value, CultureInfo.InvariantCulture);
        }
        else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
        {
            _chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
        }
        else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
        {
            Closes |= value.Contains("close", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>At the head's empty line: how its body is framed.</summary>
    private void Begin()
    {
        if (_code == 101)
        {
            Broken = true;
        }
        else if (_code < 200)
        {
            // An interim answer (Kestrel sends none to the requests forwarded): the real one follows.
            _state = State.Status;
        }
        else if (answersHead || _code is 204 or 304)
        {
            _state = State.Done;
        }
        else if (_chunked)
        {
            _state = State.ChunkSize;
        }
        else if (_length is { } bytes)
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
}
