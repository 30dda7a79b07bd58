using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Sanoo.Cli.Simulate;

/// <summary>
/// One simulated device's keep-alive HTTP/1.1 connection, written straight on a socket: a load generator that shares the server's
/// cores should cost little per request, and <see cref="HttpClient"/> cost about a quarter of what the server spent on each
/// protocol. Sends a POST of prepared JSON and reads the status and body (by <c>Content-Length</c> or chunked). Not thread-safe:
/// one request at a time.
/// </summary>
internal sealed class DeviceConnection(Uri server, string path) : IDisposable
{
    private readonly byte[] _head = Encoding.ASCII.GetBytes(
        $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ");
    private byte[] _send = new byte[4096];
    private byte[] _receive = new byte[16384];
    private Socket? _socket;
    private int _start;
    private int _end;

    /// <summary>Sends <paramref name="body"/>; the answer's status and body (valid until the next request).</summary>
    /// <exception cref="IOException">The connection failed or the answer was not HTTP: it is closed, the next request reconnects.</exception>
    public async Task<(int Status, ReadOnlyMemory<byte> Body)> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            if (_socket is null)
            {
                _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await _socket.ConnectAsync(server.Host, server.Port, cancellationToken);
                _start = _end = 0;
            }
            var length = Request(body);
            for (var sent = 0; sent < length;)
            {
                sent += await _socket.SendAsync(_send.AsMemory(sent, length - sent), cancellationToken);
            }
            return await ReadAnswerAsync(cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException or FormatException)
        {
            Dispose();
            throw new IOException($"device connection to {server}: {e.Message}", e);
        }
    }

    private int Request(byte[] body)
    {
        var need = _head.Length + 16 + body.Length;
        if (_send.Length < need)
        {
            _send = new byte[need * 2];
        }
        _head.CopyTo(_send, 0);
        var at = _head.Length;
        Utf8Formatter.TryFormat(body.Length, _send.AsSpan(at), out var digits);
        at += digits;
        "\r\n\r\n"u8.CopyTo(_send.AsSpan(at));
        at += 4;
        body.CopyTo(_send, at);
        return at + body.Length;
    }

    private async Task<(int Status, ReadOnlyMemory<byte> Body)> ReadAnswerAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }
        var (status, contentLength, chunked, close) = Head(_receive.AsSpan(_start, headEnd));
        _start += headEnd + 4;
        var body = chunked ? await ReadChunkedAsync(cancellationToken) : await ReadExactAsync(Math.Max(0, contentLength), cancellationToken);
        if (close)
        {
            var copy = body.ToArray();
            Dispose();
            return (status, copy);
        }
        return (status, body);
    }

    /// <summary>The status line and the headers that frame the body, read where they lie (the generator allocates nothing for them).</summary>
    private static (int Status, int ContentLength, bool Chunked, bool Close) Head(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new FormatException($"not an HTTP answer: {Encoding.ASCII.GetString(statusLine)}");
        }
        var (contentLength, chunked, close) = (-1, false, false);
        for (var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..]; !rest.IsEmpty;)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? [] : line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = Utf8Parser.TryParse(value, out int length, out _) ? length : throw new FormatException("bad Content-Length");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Contains(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }
        return (status, contentLength, chunked, close);
    }

    private static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        for (var i = 0; i + word.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, word.Length), word))
            {
                return true;
            }
        }
        return false;
    }

    private async Task<ReadOnlyMemory<byte>> ReadExactAsync(int length, CancellationToken cancellationToken)
    {
        while (_end - _start < length)
        {
            await FillAsync(cancellationToken);
        }
        var body = _receive.AsMemory(_start, length);
        _start += length;
        return body;
    }

    private async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                await FillAsync(cancellationToken);
            }
            var sizeText = Encoding.ASCII.GetString(_receive, _start, lineEnd).Split(';')[0].Trim();
            var size = int.Parse(sizeText, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            _start += lineEnd + 2;
            var chunk = await ReadExactAsync(size + 2, cancellationToken); // the chunk and its CRLF
            if (size == 0)
            {
                return body.ToArray(); // no trailers are sent by the server
            }
            body.Write(chunk.Span[..size]);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _receive.AsSpan(_start, _end - _start).CopyTo(_receive);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _receive.Length)
        {
            Array.Resize(ref _receive, _receive.Length * 2);
        }
        var read = await _socket!.ReceiveAsync(_receive.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            throw new IOException("the server closed the connection");
        }
        _end += read;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
