using System.Threading.Channels;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>
/// The single writer: submissions queue, and one loop writes them in group commits, deciding
/// each outcome under the store's writer lock after catching up with other servers. After a
/// failed commit the tally is put back as the store has it, before anyone reads or writes again.
/// </summary>
public sealed partial class ElectionLog
{
    /// <summary>The most submissions written in one transaction.</summary>
    public const int MaxBatch = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued;

    /// <summary>
    /// Why the writer's last group commit failed (the store full or unreachable); null once a commit succeeded again, or before
    /// any failed. A server is not ready while it is set.
    /// </summary>
    public string? WriteFailure { get; private set; }

    /// <summary>Submits one protocol version; completes with its receipt once it is durable.</summary>
    public Task<Receipt> SubmitAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        // One protocol a request is the devices' way: its receipt's task itself is awaited, with no list or Task.WhenAll around it.
        var pending = new Pending(submission);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<Receipt>(new ObjectDisposedException(GetType().FullName));
        }
        Interlocked.Increment(ref _queued);
        var receipt = pending.Receipt.Task;
        return cancellationToken.CanBeCanceled ? receipt.WaitAsync(cancellationToken) : receipt;
    }

    /// <summary>Submits several protocol versions; completes with their receipts, in order, once all are durable.</summary>
    public async Task<IReadOnlyList<Receipt>> SubmitAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken = default)
    {
        if (submissions.Count == 1)
        {
            return [await SubmitAsync(submissions[0], cancellationToken)];
        }
        var pending = submissions.Select(s => new Pending(s)).ToList();
        foreach (var p in pending)
        {
            ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(p), this);
            Interlocked.Increment(ref _queued);
        }
        return await Task.WhenAll(pending.Select(p => p.Receipt.Task)).WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        await OffNetworkThreads.Away(); // a PostgreSQL commit is answered on a network thread: what follows is not done there
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch); // one list for every group commit: emptied, not made anew (8 KB each)
        while (await reader.WaitToReadAsync())
        {
            OffNetworkThreads.Check();
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            Interlocked.Add(ref _queued, -batch.Count);
            Captured? due = null;
            await _engineLock.WaitAsync();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await EnsureFreshAsync(CancellationToken.None);
                var receipts = await _store.WriteAsync((writer, ct) => DecideAsync(writer, batch, ct));
                WriteFailure = null;
                _metrics.Committed(batch.Count, started);
                _metrics.Decided(receipts);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (receipts[i] is { } receipt)
                    {
                        batch[i].Receipt.TrySetResult(receipt);
                    }
                }
                due = Capture(force: false);
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
                WriteFailure = failure.Message;
                foreach (var pending in batch)
                {
                    pending.Receipt.TrySetException(failure);
                }
            }
            finally
            {
                _engineLock.Release();
            }
            if (due is not null)
            {
                await KeepAsync(due, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Catches up with what other processes appended to the log and the register, then decides each submission; one whose
    /// device key is no longer current, or whose operator was revoked, gets its refusal at once and no receipt.
    /// </summary>
    private async Task<Receipt?[]> DecideAsync(IStoreWriter writer, List<Pending> batch, CancellationToken cancellationToken)
    {
        await foreach (var entry in writer.ReadAfterAsync(_state.Engine.Position, cancellationToken))
        {
            _state.Replay(entry);
        }
        foreach (var row in await writer.RecordsAfterAsync(_state.Register.Size, cancellationToken))
        {
            _state.Register.Apply(row, _state.Engine.Position);
        }
        var now = _time.GetUtcNow();
        var entries = new List<LogEntry>(batch.Count);
        var receipts = new Receipt?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                receipts[i] = _state.Decide(batch[i].Submission, now, entries);
            }
            catch (Exception refused) when (refused is KeyNotCurrentException or Storage.Access.OperatorRevokedException)
            {
                batch[i].Receipt.TrySetException(refused);
            }
        }
        await writer.AppendAsync(entries, cancellationToken);
        return receipts;
    }

    private sealed class Pending(Submission submission)
    {
        public Submission Submission { get; } = submission;

        public TaskCompletionSource<Receipt> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
