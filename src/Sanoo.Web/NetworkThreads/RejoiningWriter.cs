using System.IO.Pipelines;

namespace Sanoo.Web.NetworkThreads;

/// <summary>A response's body writer whose waits come back off the network threads (<see cref="Rejoin"/>).</summary>
internal sealed class RejoiningWriter(PipeWriter inner) : PipeWriter
{
    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => Rejoin.After(inner.CompleteAsync(exception));

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        Rejoin.After(inner.FlushAsync(cancellationToken));

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        Rejoin.After(inner.WriteAsync(source, cancellationToken));
}
