using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The short way of a read already answered (<see cref="HotReads"/>) taken one step earlier, on the connection itself, before
/// Kestrel reads HTTP: a read of a remembered address is read from the socket's bytes (<see cref="HotRequestHead"/>, a narrow subset
/// of HTTP/1.1) and answered with the same status, headers and bytes the pipeline's short way sends, without a request object,
/// header collections or the pipeline's steps. A read not answered so (another address, one not remembered, a compressed form not
/// made yet, the read limit reached) is answered by Kestrel behind the connection (<see cref="KestrelBehind"/>), and the reads after
/// it are again answered here. At the first request that is not a plain read (another method, a body, an upgrade) the connection
/// is Kestrel's for the rest of its life. The read limit is the same buckets by address. Only on plain HTTP with no trusted proxy:
/// behind TLS Kestrel must decrypt first, and behind a proxy the client's address is in a header.
/// </summary>
/// <param name="next">Kestrel's HTTP layer.</param>
/// <param name="limits">Kestrel's limits, whose keep-alive and request headers timeouts hold here too.</param>
/// <param name="publisher">The snapshot whose remembered reads are answered.</param>
/// <param name="limiter">The public reads' buckets by address.</param>
/// <param name="metrics">Where reads answered here are counted.</param>
public sealed class ConnectionHotReads(
    ConnectionDelegate next,
    KestrelServerLimits limits,
    SnapshotPublisher publisher,
    PartitionedRateLimiter<object> limiter,
    Operations.ServerMetrics metrics)
{
    /// <summary>
    /// The most bytes of answers written before they are sent: a client that sends many requests at once and reads slowly gets its
    /// answers as fast as it takes them in, not all held in memory.
    /// </summary>
    private const int MostUnsent = 256 * 1024;

    /// <summary>Where in <see cref="HotRead.Heads"/> the 304's head is kept (the 200s' are at their coding's).</summary>
    private const int NotModified = 3;

    private static DateLine? _date;

    private enum Step
    {
        /// <summary>Every whole request read was answered: read on.</summary>
        Read,

        /// <summary>Answers enough to be sent before more are written (<see cref="MostUnsent"/>): send them, then go on.</summary>
        Send,

        /// <summary>The next request is a read not answered here: Kestrel answers it (<see cref="KestrelBehind.AskAsync"/>).</summary>
        Ask,

        /// <summary>The next request is not a read of the subset here: the connection is Kestrel's from it on.</summary>
        HandOver,
    }

    /// <summary>Serves one connection: its reads here while it can, then Kestrel.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            await next(connection);
            return;
        }
        var transport = connection.Transport;
        var input = transport.Input;
        var output = transport.Output;
        using var clock = new ConnectionClock(limits, connection.ConnectionClosed);
        // The server stopping ends the connection between requests: a wait for the next one stops, an answer being sent is sent.
        var closing = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? default;
        using var stop = closing.Register(static reader => ((PipeReader)reader!).CancelPendingRead(), input);
        KestrelBehind? behind = null;
        var handOver = false;
        var partial = false;
        var waitingForHead = false;
        try
        {
            while (!handOver)
            {
                if (!partial)
                {
                    clock.Idle();
                }
                waitingForHead = partial;
                var result = await input.ReadAsync(clock.Token);
                waitingForHead = false;
                if (result.IsCanceled)
                {
                    return;
                }
                var buffer = result.Buffer;
                var written = 0L;
                var step = Serve(ref buffer, address, output, ref written, out var length, out var head);
                if (step == Step.Read && result.IsCompleted && !buffer.IsEmpty)
                {
                    step = Step.HandOver;
                }
                if (step != Step.Ask)
                {
                    // What was looked at is examined only when it is the start of a head: the next read then waits for more.
                    input.AdvanceTo(buffer.Start, step == Step.Read ? buffer.End : buffer.Start);
                }
                if (written > 0)
                {
                    clock.Sending(written);
                    if ((await output.FlushAsync(clock.Token)).IsCompleted)
                    {
                        return;
                    }
                }
                if (step == Step.Ask)
                {
                    var asked = buffer.Slice(0, length);
                    bool goesOn;
                    try
                    {
                        behind ??= new KestrelBehind(connection, next, limits.KeepAliveTimeout);
                        goesOn = await behind.AskAsync(asked, head, output, clock);
                    }
                    finally
                    {
                        input.AdvanceTo(asked.End);
                    }
                    if (!goesOn)
                    {
                        return;
                    }
                    partial = false;
                    continue;
                }
                if (step == Step.Send)
                {
                    partial = false;
                    continue;
                }
                handOver = step == Step.HandOver;
                if (!handOver && result.IsCompleted)
                {
                    return;
                }
                // A head has the request headers timeout from its first bytes, however slowly the rest of it comes.
                var begun = !buffer.IsEmpty && (!partial || written > 0);
                partial = !buffer.IsEmpty;
                if (begun)
                {
                    clock.Head();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Idle or slow past Kestrel's limits, or closed or reset by the client: the connection ends here, a head that took too
            // long to come answered 408 as Kestrel answers it.
            if (waitingForHead && !connection.ConnectionClosed.IsCancellationRequested)
            {
                await TimedOutAsync(output);
            }
            return;
        }
        finally
        {
            if (behind is not null && !handOver)
            {
                await behind.EndAsync();
            }
        }
        if (behind is null)
        {
            await next(connection);
        }
        else
        {
            await behind.PumpAsync(transport);
            await behind.EndAsync();
        }
    }

    /// <summary>Kestrel's answer to a head that did not come in time, then the connection closed.</summary>
    private static async Task TimedOutAsync(PipeWriter output)
    {
        try
        {
            output.Write("HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\nServer: Kestrel\r\n"u8);
            output.Write(DateLine.Now(ref _date));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await output.FlushAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client is gone or does not read: nothing more to tell it.
        }
    }

    /// <summary>
    /// Answers the hot reads at the front of <paramref name="buffer"/>, taking them off it, until one is not; for a read not answered
    /// here, <paramref name="length"/> is its head's and <paramref name="head"/> whether it is <c>HEAD</c>.
    /// </summary>
    private Step Serve(ref ReadOnlySequence<byte> buffer, IPAddress address, PipeWriter output, ref long written, out int length, out bool head)
    {
        (length, head) = (0, false);
        while (true)
        {
            if (written >= MostUnsent)
            {
                return Step.Send;
            }
            byte[]? copy = null;
            try
            {
                ReadOnlySpan<byte> data;
                if (buffer.IsSingleSegment || buffer.FirstSpan.Length >= HotRequestHead.MaxLength)
                {
                    data = buffer.FirstSpan;
                }
                else
                {
                    var size = (int)Math.Min(buffer.Length, HotRequestHead.MaxLength);
                    copy = ArrayPool<byte>.Shared.Rent(size);
                    buffer.Slice(0, size).CopyTo(copy);
                    data = copy.AsSpan(0, size);
                }
                switch (HotRequestHead.TryRead(data, out var request))
                {
                    case HotRequestHead.Parse.Partial:
                        return Step.Read;
                    case HotRequestHead.Parse.Other:
                        return Step.HandOver;
                }
                if (!request.IsPlain || !TrySend(request, address, output, ref written))
                {
                    (length, head) = (request.Length, request.IsHead);
                    return Step.Ask;
                }
                buffer = buffer.Slice(request.Length);
            }
            finally
            {
                if (copy is not null)
                {
                    ArrayPool<byte>.Shared.Return(copy);
                }
            }
        }
    }

    /// <summary>Writes the answer to <paramref name="head"/> to <paramref name="output"/>, if it is a read the short way answers.</summary>
    private bool TrySend(HotRequestHead head, IPAddress address, PipeWriter output, ref long written)
    {
        var published = publisher.Current;
        Span<char> target = stackalloc char[head.Target.Length];
        Ascii.ToUtf16(head.Target, target, out _);
        Span<char> header = stackalloc char[Math.Max(head.AcceptEncoding.Length, head.IfNoneMatch.Length)];
        var asked = ContentCoding.Identity;
        if (!head.AcceptEncoding.IsEmpty)
        {
            Ascii.ToUtf16(head.AcceptEncoding, header, out _);
            asked = AcceptEncoding.Preferred(header[..head.AcceptEncoding.Length]);
        }
        if (!HotReads.TryFind(published, target, asked, out var hot, out var body, out var sent))
        {
            return false;
        }
        using var lease = limiter.AttemptAcquire(address);
        if (!lease.IsAcquired)
        {
            return false;
        }
        published.Responses.CountHot();
        metrics.AnsweredAtConnection();
        var notModified = false;
        if (!head.IfNoneMatch.IsEmpty)
        {
            Ascii.ToUtf16(head.IfNoneMatch, header, out _);
            notModified = EntityTags.Match(header[..head.IfNoneMatch.Length], hot.ETag);
        }
        var lines = hot.Heads[notModified ? NotModified : (int)sent] ??= HeadOf(hot, notModified ? null : sent, body);
        var date = DateLine.Now(ref _date);
        output.Write(lines);
        output.Write(date);
        written += lines.Length + date.Length;
        if (!notModified && !head.IsHead)
        {
            output.Write(body);
            written += body.Length;
        }
        return true;
    }

    /// <summary>
    /// The status line and headers of <paramref name="hot"/> (<see cref="HotRead.Heads"/>): 200 with <paramref name="body"/> in the
    /// coding it is <paramref name="sent"/> in, or 304 (null).
    /// </summary>
    private static byte[] HeadOf(HotRead hot, ContentCoding? sent, byte[] body)
    {
        var text = new StringBuilder(sent is null ? "HTTP/1.1 304 Not Modified\r\n" : "HTTP/1.1 200 OK\r\n");
        if (sent is not null)
        {
            text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            text.Append("Content-Type: ").Append(hot.Answer.ContentType).Append("\r\n");
        }
        text.Append("Server: Kestrel\r\n");
        foreach (var (name, value) in SecurityHeaders.OfPlainPublicRead)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        text.Append("ETag: ").Append(hot.ETag).Append("\r\n");
        text.Append("Cache-Control: ").Append(SnapshotResponse.CacheControl).Append("\r\n");
        text.Append("Vary: Accept-Encoding\r\n");
        if (sent is { } coding and not ContentCoding.Identity)
        {
            text.Append("Content-Encoding: ").Append(coding.Token()).Append("\r\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The <c>Date</c> line of the current second and the head's closing empty line.</summary>
    private sealed class DateLine(long second, byte[] bytes)
    {
        public static byte[] Now(ref DateLine? kept)
        {
            var now = DateTime.UtcNow;
            var second = now.Ticks / TimeSpan.TicksPerSecond;
            var line = Volatile.Read(ref kept);
            if (line is null || line.Second != second)
            {
                var text = "Date: " + now.ToString("r", System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n";
                line = new DateLine(second, Encoding.ASCII.GetBytes(text));
                Volatile.Write(ref kept, line);
            }
            return line.Bytes;
        }

        public long Second { get; } = second;

        public byte[] Bytes { get; } = bytes;
    }
}
