using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Kestrel serving one connection from behind <see cref="ConnectionHotReads"/>, which keeps the socket: the connection's transport is
/// swapped for a pair of pipes (as a TLS layer does) and Kestrel's HTTP layer runs on them. A read the short way does not answer is
/// forwarded whole (<see cref="AskAsync"/>) and its answer copied back to the socket up to its end (<see cref="AnswerFraming"/>), so
/// the connection's next reads can be answered at the connection again; a request that is not such a read has the connection handed
/// to Kestrel for good (<see cref="PumpAsync"/>).
/// </summary>
internal sealed class KestrelBehind : IDuplexPipe
{
    private readonly Pipe _requests = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Pipe _answers = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Task _kestrel;

    public KestrelBehind(ConnectionContext connection, ConnectionDelegate next)
    {
        connection.Transport = this;
        _kestrel = RunAsync(connection, next);
    }

    /// <summary>
    /// Kestrel's HTTP layer on the pipes; when it ends (its side closed, a bad request, the server stopping), its ends of them are
    /// completed, as a socket's would be, so that whoever reads its answers sees the end.
    /// </summary>
    private async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        try
        {
            await next(connection);
        }
        finally
        {
            await _answers.Writer.CompleteAsync();
            await _requests.Reader.CompleteAsync();
        }
    }

    PipeReader IDuplexPipe.Input => _requests.Reader;

    PipeWriter IDuplexPipe.Output => _answers.Writer;

    /// <summary>
    /// Sends Kestrel one request, <paramref name="request"/>, and copies its answer to <paramref name="output"/>; false when the
    /// connection is to end after it (Kestrel closed it or answered <c>Connection: close</c>).
    /// </summary>
    public async Task<bool> AskAsync(ReadOnlySequence<byte> request, bool head, PipeWriter output, CancellationToken cancellation)
    {
        foreach (var segment in request)
        {
            _requests.Writer.Write(segment.Span);
        }
        if ((await _requests.Writer.FlushAsync(cancellation)).IsCompleted)
        {
            return false;
        }
        var framing = new AnswerFraming(head);
        while (true)
        {
            var result = await _answers.Reader.ReadAsync(cancellation);
            foreach (var segment in result.Buffer)
            {
                framing.Feed(segment.Span);
                output.Write(segment.Span);
            }
            _answers.Reader.AdvanceTo(result.Buffer.End);
            if ((await output.FlushAsync(cancellation)).IsCompleted || framing.Broken)
            {
                return false;
            }
            if (framing.Done)
            {
                return !framing.Closes;
            }
            if (result.IsCompleted)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Hands the connection to Kestrel for good: copies <paramref name="transport"/>'s bytes both ways until Kestrel ends its side
    /// (when the client ends its own, Kestrel is told and ends after its last answer).
    /// </summary>
    public async Task PumpAsync(IDuplexPipe transport)
    {
        var toKestrel = CopyAsync(transport.Input, _requests.Writer, ending: true);
        await CopyAsync(_answers.Reader, transport.Output, ending: false);
        transport.Input.CancelPendingRead();
        await toKestrel;
    }

    /// <summary>Ends Kestrel's side of the connection and waits for it to be done.</summary>
    public async Task EndAsync()
    {
        await _requests.Writer.CompleteAsync();
        await _answers.Reader.CompleteAsync();
        await _kestrel;
    }

    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/> until either ends, then completes <paramref name="to"/> if
    /// <paramref name="ending"/>.
    /// </summary>
    private static async Task CopyAsync(PipeReader from, PipeWriter to, bool ending)
    {
        try
        {
            await from.CopyToAsync(to);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The other side ended first, or the copy was called off (PumpAsync).
        }
        finally
        {
            if (ending)
            {
                await to.CompleteAsync();
            }
        }
    }
}
