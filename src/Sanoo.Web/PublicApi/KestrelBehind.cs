using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Kestrel serving one connection from behind <see cref="ConnectionHotReads"/>, which keeps the socket: Kestrel's HTTP layer runs
/// on a pair of pipes (as behind a TLS layer). A read the short way does not answer is forwarded whole (<see cref="AskAsync"/>)
/// and its answer copied back to the socket up to its end (<see cref="AnswerFraming"/>), so the connection's next reads can be
/// answered at the connection again; a request that is not such a read has the connection handed to Kestrel for good
/// (<see cref="PumpAsync"/>). Kestrel behind keeps its own keep-alive, counted from the last request it was sent however busy the
/// front is: one idle for most of it is ended before it is sent another request, which a new one answers (<see cref="Run"/>), so
/// that no request reaches a Kestrel just ending (that would answer it <c>Connection: close</c>, or not at all).
/// </summary>
internal sealed class KestrelBehind
{
    private readonly ConnectionContext _connection;
    private readonly ConnectionDelegate _next;
    private readonly long _freshFor;
    private Run? _run;
    private long _used;

    /// <param name="connection">The real connection.</param>
    /// <param name="next">Kestrel's HTTP layer.</param>
    /// <param name="keepAlive">Kestrel's keep-alive: a Kestrel idle for all but the last fifth of it (at most 5 s) is not asked again.</param>
    public KestrelBehind(ConnectionContext connection, ConnectionDelegate next, TimeSpan keepAlive)
    {
        (_connection, _next) = (connection, next);
        _freshFor = (long)(keepAlive - TimeSpan.FromTicks(Math.Min(keepAlive.Ticks / 5, TimeSpan.TicksPerSecond * 5))).TotalMilliseconds;
        // Kestrel times its limits on the connection's heartbeat; it is passed on to the Kestrel running now, once for them all.
        connection.Features.Get<IConnectionHeartbeatFeature>()?.OnHeartbeat(
            static behind => Volatile.Read(ref ((KestrelBehind)behind)._run)?.Beat(), this);
    }

    /// <summary>
    /// Sends Kestrel one read, <paramref name="request"/>, and copies its answer to <paramref name="output"/>; false when the
    /// connection is to end after it (Kestrel closed it or answered <c>Connection: close</c>). A Kestrel that ended before it took
    /// the read (its keep-alive ran out) is followed by a new one, which is asked again.
    /// </summary>
    public async Task<bool> AskAsync(ReadOnlySequence<byte> request, bool head, PipeWriter output, ConnectionClock clock)
    {
        for (var tries = 0; tries < 2; tries++)
        {
            var asked = await (await RunningAsync()).AskAsync(request, head, output, clock);
            _used = Environment.TickCount64;
            if (asked != Asked.Unanswered)
            {
                return asked == Asked.GoesOn;
            }
        }
        return false;
    }

    /// <summary>
    /// Hands the connection to Kestrel for good: copies <paramref name="transport"/>'s bytes both ways until Kestrel ends its side
    /// (when the client ends its own, Kestrel is told and ends after its last answer).
    /// </summary>
    public async Task PumpAsync(IDuplexPipe transport) => await (await RunningAsync()).PumpAsync(transport);

    /// <summary>Ends Kestrel's side of the connection and waits for it to be done.</summary>
    public Task EndAsync() => _run?.EndAsync() ?? Task.CompletedTask;

    /// <summary>The Kestrel running behind, a new one if there is none, it ended, or it has been idle for most of its keep-alive.</summary>
    private async Task<Run> RunningAsync()
    {
        if (_run is { Over: false } && Environment.TickCount64 - _used < _freshFor)
        {
            return _run;
        }
        if (_run is not null)
        {
            await _run.EndAsync();
        }
        var run = new Run(_connection);
        Volatile.Write(ref _run, run);
        _used = Environment.TickCount64;
        run.Start(_next);
        return run;
    }

    private enum Asked
    {
        /// <summary>Answered; the connection goes on.</summary>
        GoesOn,

        /// <summary>Answered, or cut off; the connection ends.</summary>
        Ends,

        /// <summary>Kestrel had ended before it took the read: not a byte of an answer came.</summary>
        Unanswered,
    }

    /// <summary>
    /// One Kestrel behind the connection: the connection as Kestrel sees it, with the pipes for its transport. Kestrel aborting it
    /// while it answers aborts the real connection; otherwise aborting it ends nothing but it, and once it has ended its timers are
    /// no longer beaten.
    /// </summary>
    private sealed class Run : ConnectionContext, IDuplexPipe, IConnectionHeartbeatFeature, IConnectionLifetimeFeature,
        IConnectionTransportFeature
    {
        private readonly ConnectionContext _connection;
        private readonly Pipe _requests = new(new PipeOptions(useSynchronizationContext: false));
        private readonly Pipe _answers = new(new PipeOptions(useSynchronizationContext: false));
        private readonly Lock _gate = new();
        private readonly List<(Action<object> Action, object State)> _beats = [];
        private Task _kestrel = Task.CompletedTask;
        private bool _inUse;
        private bool _ended;

        public Run(ConnectionContext connection)
        {
            _connection = connection;
            var features = new Microsoft.AspNetCore.Http.Features.FeatureCollection(connection.Features);
            features.Set<IConnectionHeartbeatFeature>(this);
            features.Set<IConnectionLifetimeFeature>(this);
            features.Set<IConnectionTransportFeature>(this);
            Features = features;
        }

        public void Start(ConnectionDelegate next) => _kestrel = RunAsync(next);

        /// <summary>Kestrel has ended, or was told to end.</summary>
        public bool Over
        {
            get
            {
                lock (_gate)
                {
                    return _ended;
                }
            }
        }

        public override string ConnectionId
        {
            get => _connection.ConnectionId;
            set => _connection.ConnectionId = value;
        }

        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; }

        public override IDictionary<object, object?> Items
        {
            get => _connection.Items;
            set => _connection.Items = value;
        }

        public override IDuplexPipe Transport
        {
            get => this;
            set => throw new NotSupportedException("Kestrel behind the connection has the pipes it was given.");
        }

        public override CancellationToken ConnectionClosed
        {
            get => _connection.ConnectionClosed;
            set => throw new NotSupportedException("The connection's end is the real connection's.");
        }

        public override System.Net.EndPoint? LocalEndPoint
        {
            get => _connection.LocalEndPoint;
            set => _connection.LocalEndPoint = value;
        }

        public override System.Net.EndPoint? RemoteEndPoint
        {
            get => _connection.RemoteEndPoint;
            set => _connection.RemoteEndPoint = value;
        }

        PipeReader IDuplexPipe.Input => _requests.Reader;

        PipeWriter IDuplexPipe.Output => _answers.Writer;

        public override void Abort(ConnectionAbortedException abortReason)
        {
            lock (_gate)
            {
                if (_inUse && !_ended)
                {
                    _connection.Abort(abortReason);
                }
                else if (!_ended)
                {
                    _ended = true;
                    _requests.Writer.Complete();
                }
            }
        }

        void IConnectionHeartbeatFeature.OnHeartbeat(Action<object> action, object state)
        {
            lock (_gate)
            {
                _beats.Add((action, state));
            }
        }

        /// <summary>The connection's heartbeat, passed on to Kestrel's timers while it runs.</summary>
        public void Beat()
        {
            (Action<object> Action, object State)[] beats;
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }
                beats = [.. _beats];
            }
            foreach (var (action, state) in beats)
            {
                action(state);
            }
        }

        /// <summary>
        /// Kestrel's HTTP layer on the pipes; when it ends (its side closed, a bad request, its keep-alive run out, the server
        /// stopping), its ends of them are completed, as a socket's would be, so that whoever reads its answers sees the end.
        /// </summary>
        private async Task RunAsync(ConnectionDelegate next)
        {
            try
            {
                await next(this);
            }
            finally
            {
                lock (_gate)
                {
                    _ended = true;
                }
                await _answers.Writer.CompleteAsync();
                await _requests.Reader.CompleteAsync();
            }
        }

        public async Task<Asked> AskAsync(ReadOnlySequence<byte> request, bool head, PipeWriter output, ConnectionClock clock)
        {
            lock (_gate)
            {
                if (_ended)
                {
                    return Asked.Unanswered;
                }
                _inUse = true;
                foreach (var segment in request)
                {
                    _requests.Writer.Write(segment.Span);
                }
            }
            try
            {
                clock.Making();
                if ((await _requests.Writer.FlushAsync(clock.Token)).IsCompleted)
                {
                    return Asked.Unanswered;
                }
                var framing = new AnswerFraming(head);
                var copied = 0L;
                while (true)
                {
                    clock.Making();
                    var result = await _answers.Reader.ReadAsync(clock.Token);
                    foreach (var segment in result.Buffer)
                    {
                        framing.Feed(segment.Span);
                        output.Write(segment.Span);
                    }
                    var length = result.Buffer.Length;
                    copied += length;
                    _answers.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted && copied == 0)
                    {
                        return Asked.Unanswered;
                    }
                    clock.Sending(length);
                    if ((await output.FlushAsync(clock.Token)).IsCompleted || framing.Broken)
                    {
                        return Asked.Ends;
                    }
                    if (framing.Done)
                    {
                        return framing.Closes ? Asked.Ends : Asked.GoesOn;
                    }
                    if (result.IsCompleted)
                    {
                        return Asked.Ends;
                    }
                }
            }
            finally
            {
                lock (_gate)
                {
                    _inUse = false;
                }
            }
        }

        public async Task PumpAsync(IDuplexPipe transport)
        {
            lock (_gate)
            {
                _inUse = true;
            }
            var toKestrel = CopyAsync(transport.Input, _requests.Writer, ending: true);
            await CopyAsync(_answers.Reader, transport.Output, ending: false);
            transport.Input.CancelPendingRead();
            await toKestrel;
        }

        public async Task EndAsync()
        {
            bool ending;
            lock (_gate)
            {
                ending = !_ended;
                _ended = true;
            }
            if (ending)
            {
                await _requests.Writer.CompleteAsync();
            }
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
            catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
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
}
