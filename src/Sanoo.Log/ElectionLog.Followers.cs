using Sanoo.Storage;

namespace Sanoo.Log;

/// <summary>Following other servers that write to the same store: catching up by sequence, woken by the store's notifications.</summary>
public sealed partial class ElectionLog
{
    /// <summary>Applies what other servers (or commands) appended to the log and the register since last read; returns the log position.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        Captured? due = null;
        long position;
        await _engineLock.WaitAsync(cancellationToken);
        try
        {
            await EnsureFreshAsync(cancellationToken);
            await foreach (var entry in _store.ReadAsync(_state.Engine.Position, false, cancellationToken))
            {
                _state.Replay(entry);
            }
            foreach (var row in await _store.ReadRegisterAsync(_state.Register.Size, cancellationToken))
            {
                _state.Register.Apply(row, _state.Engine.Position);
            }
            position = _state.Engine.Position;
            due = Capture(force: false);
        }
        finally
        {
            _engineLock.Release();
        }
        if (due is not null)
        {
            await KeepAsync(due, cancellationToken);
        }
        return position;
    }

    /// <summary>
    /// Keeps catching up until cancelled: at once on each change the store signals (PostgreSQL
    /// NOTIFY) and every <paramref name="poll"/> in any case, so a lost notification or a dropped
    /// connection only delays, never loses, an entry.
    /// </summary>
    public async Task FollowAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        await OffNetworkThreads.Enter();
        var wake = new SemaphoreSlim(0);
        var listening = ListenAsync(); // in this context too: its waits come back in the pool
        async Task ListenAsync()
        {
            await foreach (var _ in _store.ChangesAsync(cancellationToken))
            {
                wake.Release();
            }
        }
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
}
