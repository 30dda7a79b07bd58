using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The one timer of a connection served at the front (<see cref="ConnectionHotReads"/>), keeping Kestrel's limits as Kestrel keeps
/// them: its keep-alive while the connection waits for a request, its request headers timeout from a head's first bytes, its grace
/// period and slowest rate while answers are sent (answers from Kestrel behind too, which writes them into a pipe and cannot time
/// the socket), and none while Kestrel behind makes an answer. A limit that ran out while the connection was busy does not end it:
/// setting the next one starts a new timer.
/// </summary>
internal sealed class ConnectionClock(KestrelServerLimits limits, CancellationToken closed) : IDisposable
{
    private CancellationTokenSource _timer = CancellationTokenSource.CreateLinkedTokenSource(closed);

    /// <summary>Cancelled when the limit set last runs out, or the connection is closed.</summary>
    public CancellationToken Token => _timer.Token;

    /// <summary>Waiting for the next request: Kestrel's keep-alive.</summary>
    public void Idle() => Set(limits.KeepAliveTimeout);

    /// <summary>A head has begun: Kestrel's request headers timeout, however slowly the rest of it comes.</summary>
    public void Head() => Set(limits.RequestHeadersTimeout);

    /// <summary>Kestrel behind is making an answer: its own limits hold.</summary>
    public void Making() => Set(Timeout.InfiniteTimeSpan);

    /// <summary><paramref name="bytes"/> of answers being sent: Kestrel's grace period, then its slowest rate.</summary>
    public void Sending(long bytes) => Set(limits.MinResponseDataRate is { } rate
        ? rate.GracePeriod + TimeSpan.FromSeconds(bytes / rate.BytesPerSecond)
        : Timeout.InfiniteTimeSpan);

    private void Set(TimeSpan limit)
    {
        if (!_timer.TryReset())
        {
            _timer.Dispose();
            _timer = CancellationTokenSource.CreateLinkedTokenSource(closed);
        }
        _timer.CancelAfter(limit);
    }

    public void Dispose() => _timer.Dispose();
}
