using System.Collections.Immutable;
using System.Threading.Channels;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Core.Transparency;

namespace Sanoo.Storage.Log;

/// <summary>
/// The durable front of the tally: submissions are written to the store's append-only log and
/// applied to the tally engine, and a receipt is given only once the entry is committed.
/// Submissions queue and are written in group commits (up to <see cref="MaxBatch"/> a
/// transaction), so durability does not cap throughput. Every outcome is decided by the engine
/// inside the store's writer lock after catching up with what other servers appended, so the
/// log's order is the one order every server and verifier replays. An identical resubmission is
/// found by its content hash and answered with the original receipt: nothing is counted twice.
/// </summary>
public sealed class ElectionLog : IAsyncDisposable
{
    /// <summary>The most submissions written in one transaction.</summary>
    public const int MaxBatch = 1024;

    private const int RebuildBatch = 8192;

    private readonly IProtocolStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _engineLock = new(1, 1);
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private volatile LogState _state;
    private bool _stale;

    private ElectionLog(IProtocolStore store, Election election, TimeProvider time, LogState state, OpenTimings timings)
    {
        Timings = timings;
        _store = store;
        Election = election;
        _time = time;
        _state = state;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The election.</summary>
    public Election Election { get; }

    /// <summary>The store.</summary>
    public IProtocolStore Store => _store;

    /// <summary>How long opening took: reading and checking the definition, and replaying the log.</summary>
    public OpenTimings Timings { get; }

    /// <summary>The log position the tally reflects.</summary>
    public long Position => _state.Engine.Position;

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

    /// <summary>
    /// The transparency log's tree head now: its size (= <see cref="Position"/>) and RFC 9162
    /// root hash, and proofs from the same tree.
    /// </summary>
    public Task<(long Size, byte[] Root)> TreeHeadAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(state => (state.Tree.Size, state.Tree.Root(state.Tree.Size)), cancellationToken);

    /// <summary>The inclusion proof of log position <paramref name="sequence"/> in the tree of <paramref name="size"/> entries.</summary>
    public Task<List<byte[]>> InclusionProofAsync(long sequence, long size, CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Tree.InclusionProof(sequence - 1, size), cancellationToken);

    /// <summary>How many entries up to <see cref="Position"/> were counted with warnings.</summary>
    public long Flagged => _state.Flagged;

    /// <summary>
    /// Opens the log: stores <paramref name="definitionJson"/> on first use (a different
    /// definition for a store that holds one is refused), then rebuilds the tally from every
    /// stored entry, checking that each replays to the outcome recorded.
    /// </summary>
    public static async Task<ElectionLog> OpenAsync(IProtocolStore store, byte[]? definitionJson, TimeProvider? time = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = await store.ReadDefinitionAsync(cancellationToken);
        if (stored is null)
        {
            if (definitionJson is null)
            {
                throw new StoreException($"{store.Description} holds no election yet: give the election definition (--definition FILE) the first time.");
            }
            var election = Load(definitionJson, "the definition given");
            await store.WriteDefinitionAsync(new StoredDefinition(election.Id.Value, definitionJson), cancellationToken);
            stored = new StoredDefinition(election.Id.Value, definitionJson);
        }
        else if (definitionJson is not null && !definitionJson.AsSpan().SequenceEqual(stored.Definition))
        {
            var given = Load(definitionJson, "the definition given");
            throw new StoreException(given.Id.Value == stored.ElectionId
                ? $"{store.Description} already holds a different definition of election '{stored.ElectionId}'; a definition never changes once protocols may have been counted against it. Use the stored one (omit --definition) or a new database."
                : $"{store.Description} holds election '{stored.ElectionId}', not '{given.Id}'. Use a new database for another election.");
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var loaded = Load(stored.Definition, $"the definition stored in {store.Description}");
        var definitionTime = clock.Elapsed;
        var state = await RebuildAsync(store, loaded, progress, cancellationToken);
        return new ElectionLog(store, loaded, time ?? TimeProvider.System, state, new OpenTimings(definitionTime, clock.Elapsed - definitionTime));
    }

    /// <summary>Submits one protocol version; completes with its receipt once it is durable.</summary>
    public async Task<Receipt> SubmitAsync(Submission submission, CancellationToken cancellationToken = default) =>
        (await SubmitAsync([submission], cancellationToken))[0];

    /// <summary>Submits several protocol versions; completes with their receipts, in order, once all are durable.</summary>
    public async Task<IReadOnlyList<Receipt>> SubmitAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken = default)
    {
        var pending = submissions.Select(s => new Pending(s)).ToList();
        foreach (var p in pending)
        {
            ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(p), this);
        }
        return await Task.WhenAll(pending.Select(p => p.Receipt.Task)).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Freezes a snapshot of the tally at the current position (invariants checked). Only
    /// committed entries are ever in it; while the store is unreachable after a failed commit
    /// this throws <see cref="StoreException"/> and the caller keeps its last snapshot.
    /// </summary>
    public Task<Snapshot> FreezeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Engine.Freeze(), cancellationToken);

    /// <summary>A snapshot and the transparency tree's size and root at exactly the same log position.</summary>
    public Task<(Snapshot Snapshot, byte[] Root)> FreezeWithRootAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(state => (state.Engine.Freeze(), state.Tree.Root(state.Tree.Size)), cancellationToken);

    /// <summary>The consistency proof between two tree sizes of the transparency log.</summary>
    public Task<List<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Tree.ConsistencyProof(first, second), cancellationToken);

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
            if (_stale)
            {
                _state = await RebuildAsync(_store, Election, null, cancellationToken);
                _stale = false;
            }
            return read(_state);
        }
        finally
        {
            _engineLock.Release();
        }
    }

    /// <summary>Applies what other servers appended since this one's position; returns the new position.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _engineLock.WaitAsync(cancellationToken);
        try
        {
            await foreach (var entry in _store.ReadAsync(_state.Engine.Position, false, cancellationToken))
            {
                _state.Replay(Election, entry);
            }
            return _state.Engine.Position;
        }
        finally
        {
            _engineLock.Release();
        }
    }

    /// <summary>
    /// Keeps catching up until cancelled: at once on each change the store signals (PostgreSQL
    /// NOTIFY) and every <paramref name="poll"/> in any case, so a lost notification or a dropped
    /// connection only delays, never loses, an entry.
    /// </summary>
    public async Task FollowAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        var wake = new SemaphoreSlim(0);
        var listening = Task.Run(async () =>
        {
            await foreach (var _ in _store.ChangesAsync(cancellationToken))
            {
                wake.Release();
            }
        }, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken);
                await wake.WaitAsync(poll, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is StoreException or IOException or TimeoutException or System.Data.Common.DbException)
            {
                await Task.Delay(poll, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
        await listening.ContinueWith(_ => { }, CancellationToken.None);
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
        await _stop.CancelAsync();
        _stop.Dispose();
        _engineLock.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await _engineLock.WaitAsync();
            try
            {
                if (_stale)
                {
                    _state = await RebuildAsync(_store, Election, null, CancellationToken.None);
                    _stale = false;
                }
                var receipts = await _store.WriteAsync((writer, ct) => DecideAsync(writer, batch, ct));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Receipt.TrySetResult(receipts[i]);
                }
            }
            catch (Exception e)
            {
                // Nothing of this batch was committed: put the tally back as the store has it.
                try
                {
                    _state = await RebuildAsync(_store, Election, null, CancellationToken.None);
                    _stale = false;
                }
                catch (Exception unreachable) when (unreachable is not OutOfMemoryException)
                {
                    _stale = true; // the store is unreachable; the next batch rebuilds first
                }
                var failure = e as StoreException ?? new StoreException($"Writing to {_store.Description} failed: {e.Message}", e);
                foreach (var pending in batch)
                {
                    pending.Receipt.TrySetException(failure);
                }
            }
            finally
            {
                _engineLock.Release();
            }
        }
    }

    private async Task<Receipt[]> DecideAsync(IStoreWriter writer, List<Pending> batch, CancellationToken cancellationToken)
    {
        await foreach (var entry in writer.ReadAfterAsync(_state.Engine.Position, cancellationToken))
        {
            _state.Replay(Election, entry);
        }
        var now = _time.GetUtcNow();
        var entries = new List<LogEntry>(batch.Count);
        var receipts = new Receipt[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            receipts[i] = Decide(batch[i].Submission, now, entries);
        }
        await writer.AppendAsync(entries, cancellationToken);
        return receipts;
    }

    private Receipt Decide(Submission submission, DateTimeOffset now, List<LogEntry> entries)
    {
        var protocol = submission.Protocol.Protocol;
        var hash = submission.Protocol.ContentHash;
        var key = HashKey.Of(hash.AsSpan());
        if (_state.Index.TryGetValue(key, out var original))
        {
            return new Receipt(ReceiptOutcome.Duplicate, original.Sequence, protocol.Version, Convert.ToHexStringLower(hash.AsSpan()), original.ReceivedAt, original.Outcome, ViolationsJson.Read(original.Violations), [])
            {
                LeafHash = Convert.ToHexStringLower(_state.Tree.LeafHash(original.Sequence - 1)),
            };
        }
        var (stored, receiptOutcome, violations) = _state.Engine.Apply(submission.Protocol) switch
        {
            ApplyOutcome.Accepted a => (StoredOutcome.Accepted, ReceiptOutcome.Accepted, a.Warnings),
            ApplyOutcome.Conflict => (StoredOutcome.Conflict, ReceiptOutcome.Conflict, ImmutableArray<Core.Rules.Violation>.Empty),
            ApplyOutcome.Stale => (StoredOutcome.Stale, ReceiptOutcome.Stale, []),
            ApplyOutcome.Rejected r => (StoredOutcome.Rejected, ReceiptOutcome.Rejected, r.Violations),
            var other => throw new InvalidOperationException($"the engine answered {other.GetType().Name} for a protocol the log has not seen"),
        };
        var violationsJson = ViolationsJson.Write(violations);
        var sequence = _state.Engine.Position;
        var entry = new LogEntry(
            sequence, protocol.Station, protocol.Contest, protocol.Source, protocol.Version, stored,
            hash, submission.Protocol.Canonical, [.. protocol.Lines, .. protocol.Votes],
            protocol.Correction?.Reason, protocol.Correction?.Author, submission.Sender, now, violationsJson,
            submission.Signature is null ? [] : ImmutableArray.Create(submission.Signature));
        entries.Add(entry);
        var leaf = _state.Record(key, entry);
        return new Receipt(receiptOutcome, sequence, protocol.Version, Convert.ToHexStringLower(hash.AsSpan()), now, null, violations, []) { LeafHash = Convert.ToHexStringLower(leaf) };
    }

    private static async Task<LogState> RebuildAsync(IProtocolStore store, Election election, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var state = new LogState(new TallyEngine(election));
        var batch = new List<LogEntry>(RebuildBatch);
        async Task ReplayBatchAsync()
        {
            // Leaf hashes do not depend on each other: both cores compute them; the replay itself stays in log order.
            var leaves = new byte[batch.Count][];
            Parallel.For(0, batch.Count, i => leaves[i] = batch[i].LeafHash());
            for (var i = 0; i < batch.Count; i++)
            {
                state.Replay(election, batch[i], leaves[i]);
            }
            progress?.Report(state.Engine.Position);
            batch.Clear();
            await Task.CompletedTask;
        }
        await foreach (var entry in store.ReadAsync(0, false, cancellationToken))
        {
            batch.Add(entry);
            if (batch.Count == RebuildBatch)
            {
                await ReplayBatchAsync();
            }
        }
        await ReplayBatchAsync();
        return state;
    }

    private static Election Load(byte[] json, string what) => DefinitionReader.Read(json) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new StoreException($"{what} is not a sound election definition: {string.Join("; ", invalid.Problems.Take(3))}{(invalid.Problems.Length > 3 ? " …" : "")}"),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>How long opening a log took.</summary>
    /// <param name="Definition">Reading and checking the stored definition.</param>
    /// <param name="Replay">Replaying every log entry into the tally.</param>
    public sealed record OpenTimings(TimeSpan Definition, TimeSpan Replay);

    private sealed class Pending(Submission submission)
    {
        public Submission Submission { get; } = submission;

        public TaskCompletionSource<Receipt> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Indexed(long Sequence, StoredOutcome Outcome, DateTimeOffset ReceivedAt, string? Violations);

    /// <summary>
    /// The tally and what the log has shown so far: every content hash (to answer retries),
    /// the entries not counted, and how many were counted with warnings. Replaced whole on a rebuild.
    /// </summary>
    private sealed class LogState(TallyEngine engine)
    {
        public TallyEngine Engine { get; } = engine;

        public Dictionary<HashKey, Indexed> Index { get; } = [];

        public List<LogEntry> Uncounted { get; } = [];

        public long Flagged { get; private set; }

        /// <summary>The transparency log's Merkle tree: leaf i is entry i + 1.</summary>
        public MerkleTree Tree { get; } = new();

        /// <summary>Records an entry and returns its leaf hash (computed here unless given).</summary>
        public byte[] Record(HashKey key, LogEntry entry, byte[]? leafHash = null)
        {
            var leaf = leafHash ?? entry.LeafHash();
            Tree.Append(leaf);
            Index[key] = new Indexed(entry.Sequence, entry.Outcome, entry.ReceivedAt, entry.Violations);
            if (entry.Outcome != StoredOutcome.Accepted)
            {
                lock (Uncounted)
                {
                    Uncounted.Add(entry with { Canonical = [] }); // read concurrently by the public API
                }
            }
            else if (entry.Violations is not null)
            {
                Flagged++;
            }
            return leaf;
        }

        /// <summary>Applies a stored entry and checks it replays to its recorded outcome at its recorded position.</summary>
        public void Replay(Election election, LogEntry entry, byte[]? leafHash = null)
        {
            if (entry.Sequence != Engine.Position + 1)
            {
                throw new StoreException($"the log jumps from position {Engine.Position} to {entry.Sequence}: the store is damaged");
            }
            var plan = election.Contest(entry.Contest) ?? throw new StoreException($"log entry {entry.Sequence} names contest '{entry.Contest}', which the stored definition does not have");
            var lines = plan.Form.Lines.Length;
            if (entry.Figures.Length != lines + plan.Choices.Length)
            {
                throw new StoreException($"log entry {entry.Sequence} has {entry.Figures.Length} figures where contest '{entry.Contest}' needs {lines + plan.Choices.Length}: the store is damaged");
            }
            var protocol = new Protocol(
                election.Id, entry.Station, entry.Contest, entry.Source, entry.Version,
                entry.Figures[..lines], entry.Figures[lines..],
                entry.CorrectionReason is null ? null : new Correction(entry.CorrectionReason, entry.CorrectionAuthor ?? ""));
            if (ProtocolReader.Check(election, protocol) is not ProtocolReadResult.Ok ok)
            {
                throw new StoreException($"log entry {entry.Sequence} does not fit the stored definition: the store is damaged or was written by another definition");
            }
            var replayed = Engine.Apply(ok.Checked) switch
            {
                ApplyOutcome.Accepted => StoredOutcome.Accepted,
                ApplyOutcome.Conflict => StoredOutcome.Conflict,
                ApplyOutcome.Stale => StoredOutcome.Stale,
                ApplyOutcome.Rejected => StoredOutcome.Rejected,
                var other => throw new StoreException($"log entry {entry.Sequence} replays as {other.GetType().Name.ToLowerInvariant()}: the store is damaged or was written by another definition"),
            };
            if (replayed != entry.Outcome || Engine.Position != entry.Sequence)
            {
                throw new StoreException($"log entry {entry.Sequence} was recorded as {OutcomeText.Of(entry.Outcome)} but replays as {OutcomeText.Of(replayed)}: the store and this Sanoo disagree");
            }
            Record(HashKey.Of(entry.ContentHash.AsSpan()), entry, leafHash);
        }
    }

    /// <summary>A SHA-256 as four 64-bit words: a cheap dictionary key.</summary>
    private readonly record struct HashKey(ulong A, ulong B, ulong C, ulong D)
    {
        public static HashKey Of(ReadOnlySpan<byte> hash) => new(
            BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]), BitConverter.ToUInt64(hash[16..24]), BitConverter.ToUInt64(hash[24..32]));
    }
}
