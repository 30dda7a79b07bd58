using System.Security.Cryptography;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage;
using Sanoo.Storage.Checkpoints;

namespace Sanoo.Log;

/// <summary>
/// Writing checkpoints (docs/storage.md): the state at a log position, in the store's <c>checkpoint</c> table, and its statement
/// signed outside the database. Written only once the store was checked at start (<see cref="CheckStoreAsync"/>), so a checkpoint
/// never seals a state read from a store that failed its check: every <see cref="CheckpointOptions.Interval"/> entries and on a
/// clean shutdown.
/// </summary>
public sealed partial class ElectionLog
{
    private readonly CheckpointOptions? _checkpoints;
    private readonly CheckpointStatement? _startedFrom;
    private readonly SemaphoreSlim _keeping = new(1, 1);
    private long _lastCheckpoint;
    private long _lastSealed;
    private volatile bool _vouched;
    private Task _lastKept = Task.CompletedTask; // the keeping of the last capture, set under the engine lock

    /// <summary>What opening made of the checkpoint: the position the tally started from, or why a kept one was refused.</summary>
    public CheckpointUse Checkpoint { get; }

    /// <summary>Why the last checkpoint could not be written; null once one was, or before any failed. Only a slower next start.</summary>
    public string? CheckpointFailure { get; private set; }

    /// <summary>The log position of the last checkpoint written or started from; 0 for none.</summary>
    public long LastCheckpoint => Interlocked.Read(ref _lastCheckpoint);

    /// <summary>
    /// Writes a checkpoint of the current position now, if checkpoints are kept, the store was checked and the log moved since the
    /// last; returns its position, or 0 when none was written.
    /// </summary>
    public async Task<long> WriteCheckpointAsync(CancellationToken cancellationToken = default)
    {
        Captured? captured;
        Task inFlight;
        await _engineLock.WaitAsync(cancellationToken);
        try
        {
            await EnsureFreshAsync(cancellationToken);
            captured = Capture(force: true);
            inFlight = _lastKept;
        }
        finally
        {
            _engineLock.Release();
        }
        if (captured is not null)
        {
            return await KeepAsync(captured, cancellationToken);
        }
        // The writer may have captured the current position and not yet begun to keep it: it is kept when this returns.
        await inFlight.WaitAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// Under the engine lock, with the state as the store has it: the state to checkpoint when one is due (the log grew by the
    /// interval since the last; any growth when <paramref name="force"/>), else null.
    /// </summary>
    private Captured? Capture(bool force)
    {
        try
        {
            return CaptureNow(force);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A checkpoint only saves time at the next start: a fault in taking one must never fail a write or a shutdown.
            CheckpointFailure = $"no checkpoint taken: {e.Message}";
            return null;
        }
    }

    private Captured? CaptureNow(bool force)
    {
        var position = _state.Engine.Position;
        var last = LastCheckpoint;
        if (_checkpoints is not { Seal.CanSign: true } options || !_vouched || _stale || position <= last
            || (!force && position - last < options.Interval))
        {
            return null;
        }
        var tally = _state.Engine.ExportState();
        var register = _state.Register.ExportCheckpoint();
        var leaves = CheckpointLeaves.Length(position);
        var state = new byte[TrustedCheckpoint.DigestLength + leaves + register.Length + tally.Length];
        _state.Digest.Current().CopyTo(state, 0);
        CheckpointLeaves.Write(_state.Tree, position, state.AsSpan(TrustedCheckpoint.DigestLength));
        register.CopyTo(state, TrustedCheckpoint.DigestLength + leaves);
        tally.CopyTo(state, TrustedCheckpoint.DigestLength + leaves + register.Length);
        var frontier = _state.Tree.Frontier(position);
        Interlocked.Exchange(ref _lastCheckpoint, position);
        var kept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lastKept = kept.Task;
        var root = Core.Transparency.MerkleTree.RootOfFrontier(frontier);
        return new Captured(position, root, [.. frontier.SelectMany(h => h)], state, kept);
    }

    /// <summary>Writes the row, then seals its statement (a crash between leaves the seal on the checkpoint before, still stored).</summary>
    private async Task<long> KeepAsync(Captured captured, CancellationToken cancellationToken)
    {
        try
        {
            await _keeping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            captured.Kept.TrySetResult(); // never kept: a caller waiting for it goes on
            throw;
        }
        try
        {
            if (captured.Position <= _lastSealed)
            {
                return 0; // a later one was kept meanwhile: the seal never goes back
            }
            var sha256 = SHA256.HashData(captured.State);
            await _store.WriteCheckpointAsync(
                new StoredCheckpoint(captured.Position, captured.Root, captured.Frontier, captured.State, sha256, _time.GetUtcNow()),
                cancellationToken);
            await _checkpoints!.Seal.KeepAsync(
                new CheckpointStatement(Election.Id.Value, DefinitionSha256, captured.Position, captured.Root, sha256), cancellationToken);
            _lastSealed = captured.Position;
            CheckpointFailure = null;
            return captured.Position;
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            CheckpointFailure = $"the checkpoint at log position {captured.Position:N0} was not written: {e.Message}";
            return 0;
        }
        finally
        {
            _keeping.Release();
            captured.Kept.TrySetResult(); // kept, superseded or failed: a caller waiting for it goes on
        }
    }

    /// <summary>
    /// Once the store checked sound after starting from a checkpoint: its statement signed again with this server's key, so that
    /// a server whose key is made for each run still believes it at the next start (the statement says no more than before).
    /// </summary>
    private async Task ResealAsync(CancellationToken cancellationToken)
    {
        if (_startedFrom is { } statement && _checkpoints is { Seal.CanSign: true } options)
        {
            try
            {
                await options.Seal.KeepAsync(statement, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CheckpointFailure = $"the checkpoint statement was not signed again: {e.Message}";
            }
        }
    }

    /// <summary>After the writer stopped: a checkpoint of where the log ends, so the next start replays nothing.</summary>
    private async Task CheckpointAtShutdownAsync()
    {
        if (_checkpoints is not null && !_stale && _vouched)
        {
            try
            {
                await WriteCheckpointAsync(CancellationToken.None);
            }
            catch (StoreException e)
            {
                CheckpointFailure = $"no checkpoint at shutdown: {e.Message}";
            }
        }
    }

    /// <summary>What a checkpoint holds, taken under the engine lock and written after it is released.</summary>
    private sealed record Captured(long Position, byte[] Root, byte[] Frontier, byte[] State, TaskCompletionSource Kept);
}
