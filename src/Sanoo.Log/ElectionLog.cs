using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>
/// The durable front of the tally: submissions are written to the store's append-only log and
/// applied to the tally engine, and a receipt is given only once the entry is committed.
/// Submissions queue and are written in group commits (up to <see cref="MaxBatch"/> a
/// transaction), so durability does not cap throughput. Every outcome is decided by the engine
/// inside the store's writer lock after catching up with what other servers appended, so the
/// log's order is the one order every server and verifier replays. An identical resubmission is
/// found by its content hash and answered with the original receipt: nothing is counted twice.
/// The log is the server's only way in and out of the store: every read it needs is here.
/// Its parts, one file each: opening and rebuilding, the writer (group commit), following other
/// servers, proofs and snapshots, the records read for the server, and the store's self-check.
/// </summary>
public sealed partial class ElectionLog : IAsyncDisposable
{
    private readonly IProtocolStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _engineLock = new(1, 1);
    private readonly Task _writer;
    private readonly LogMetrics _metrics;
    private volatile LogState _state;
    private bool _stale;

    private ElectionLog(
        IProtocolStore store, StoredDefinition definition, byte[] definitionSha256, Election election, TimeProvider time, LogState state,
        OpenTimings timings, Checkpoints.CheckpointOptions? checkpoints, Checkpoints.CheckpointUse checkpointUse,
        Checkpoints.CheckpointStatement? startedFrom)
    {
        _checkpoints = checkpoints;
        _startedFrom = startedFrom;
        Checkpoint = checkpointUse;
        _lastCheckpoint = checkpointUse.Position;
        Timings = timings;
        _store = store;
        Definition = definition.Definition;
        DefinitionSha256 = definitionSha256; // hashed once, when it was read
        Election = election;
        _time = time;
        _state = state;
        _metrics = new LogMetrics(() => Volatile.Read(ref _queued), () => _state.Engine.Position, () => _state.Register.Size);
        _writer = WriteLoopAsync();
    }

    /// <summary>The name of the meter the log and the server report their figures to (<c>sanoo_…</c> in Prometheus).</summary>
    public const string MeterName = "Sanoo";

    /// <summary>The election.</summary>
    public Election Election { get; }

    /// <summary>The store behind the log, for tests only (they close it, or write to it around the log); the server never sees it.</summary>
    internal IProtocolStore Store => _store;

    /// <summary>The election definition's bytes as stored: the first entry of the log, never changed.</summary>
    public ReadOnlyMemory<byte> Definition { get; }

    /// <summary>SHA-256 of <see cref="Definition"/>: what every signed tree head names, so the definition cannot change unseen.</summary>
    public byte[] DefinitionSha256 { get; }

    /// <summary>How long opening took: reading and checking the definition, and replaying the log.</summary>
    public OpenTimings Timings { get; }

    /// <summary>The log position the tally reflects.</summary>
    public long Position => _state.Engine.Position;

    /// <summary>
    /// Every protocol version counted up to <see cref="Position"/>, in log order, with its received time (read without a lock; a
    /// reader takes the versions up to its snapshot's position).
    /// </summary>
    public IReadOnlyList<Core.Progress.CountedVersion> Counted => _state.Counted;

    /// <summary>The register records read so far (what the next tree head will cover).</summary>
    public long RegisterSize => _state.Register.Size;

    /// <summary>
    /// Copies the device key the register holds for <paramref name="station"/> now into <paramref name="key"/> (32 bytes); false when
    /// none is enrolled (or it was revoked). The register is read as the log reads it: at each write and as the log follows the store.
    /// </summary>
    public bool TryGetDeviceKey(string station, Span<byte> key) => _state.Register.TryGetKey(station, key);

    /// <summary>Whether the station's last device key was revoked and none enrolled since.</summary>
    public bool IsDeviceKeyRevoked(string station) => _state.Register.IsKeyRevoked(station);

    /// <summary>The entries up to <see cref="Position"/> that were not counted (conflicts, stale versions, rejected), in log order.</summary>
    public IReadOnlyList<LogEntry> Uncounted
    {
        get
        {
            var state = _state;
            lock (state.Uncounted)
            {
                return [.. state.Uncounted];
            }
        }
    }

    /// <summary>How many entries up to <see cref="Position"/> were counted with warnings.</summary>
    public long Flagged
    {
        get
        {
            var state = _state;
            lock (state.Flagged)
            {
                return state.Flagged.Count;
            }
        }
    }

    /// <summary>
    /// The entries up to <see cref="Position"/> that were counted with warnings (their <see cref="LogEntry.Violations"/> name the
    /// warning-level relations they break), in log order; a later version may have replaced one since.
    /// </summary>
    public IReadOnlyList<LogEntry> FlaggedEntries
    {
        get
        {
            var state = _state;
            lock (state.Flagged)
            {
                return [.. state.Flagged];
            }
        }
    }

    /// <summary>The counted protocol of a slot, if any.</summary>
    public Protocol? Current(AreaId station, ContestId contest, SourceId source) => _state.Engine.Current(station, contest, source);

    /// <summary>Every protocol counted now.</summary>
    public IReadOnlyList<Protocol> CurrentProtocols() => [.. _state.Engine.CurrentProtocols()];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await CheckpointAtShutdownAsync();
        _engineLock.Dispose();
        _metrics.Dispose();
    }

    /// <summary>
    /// Reads the tally or the tree under the engine lock. After a failed commit the engine may
    /// hold entries the store does not have; it is rebuilt from the store first, so no reader
    /// ever sees an uncommitted figure or leaf (while the store is unreachable this throws).
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<LogState, T> read, CancellationToken cancellationToken)
    {
        await _engineLock.WaitAsync(cancellationToken);
        try
        {
            await EnsureFreshAsync(cancellationToken);
            return read(_state);
        }
        finally
        {
            _engineLock.Release();
        }
    }

    /// <summary>
    /// Under the engine lock: after a failed commit the state may hold entries the store does not
    /// have, so it is rebuilt from the store before anyone reads, writes or catches up from it.
    /// </summary>
    private async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (_stale)
        {
            _state = await RebuildAsync(_store, Election, null, cancellationToken);
            _stale = false;
        }
    }
}
