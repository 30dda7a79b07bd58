using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Web.Publishing;

/// <summary>
/// Freezes a snapshot whenever the log has moved, at most every <see cref="ServerOptions.PublishInterval"/>,
/// and publishes it only if it passes the invariant check. A snapshot that fails is never shown:
/// the last good one stays and <see cref="Current"/> says publication is halted and why. Readers
/// swap to a new snapshot atomically (one reference). It also follows what other servers append
/// to a shared store.
/// </summary>
public sealed partial class SnapshotPublisher(
    ElectionLog log, ServerOptions options, TimeProvider time, CommissionKey commission, Witnessing.CosignatureBook witnesses,
    Operations.ServerMetrics metrics, ILogger<SnapshotPublisher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private Published _current = new(null, "W/\"0\"", time.GetUtcNow(), null);

    /// <summary>Why the last scheduled freeze could not read the store; null once one succeeded again, or before any failed.</summary>
    public string? ReadFailure { get; private set; }

    /// <summary>What the public sees now.</summary>
    public Published Current => Volatile.Read(ref _current);

    /// <summary>
    /// Freezes, checks and publishes now if the log moved or the commission acted; the next tick
    /// would do the same. One at a time, so what is published never goes back.
    /// </summary>
    public async Task PublishAsync(CancellationToken cancellationToken = default)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            await PublishOnceAsync(cancellationToken);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>
    /// Publishes at once after this server recorded a commission's act (recount, outcome, certification): recording it read it into
    /// the register, so the head signed now covers it and the pages name it.
    /// </summary>
    public Task ActedAsync(CancellationToken cancellationToken = default) => PublishAsync(cancellationToken);

    private async Task PublishOnceAsync(CancellationToken cancellationToken)
    {
        var current = Current;
        var moved = current.Snapshot is null || current.Snapshot.Position != log.Position;
        if (!moved && current is { Snapshot: { } shown, TreeHead: { } head })
        {
            // The same numbers. A new register record (a key, an operator, a hand entry, an act) or the interval: sign a new head
            // over both trees, so observers see "still this" rather than silence and every record is covered at once.
            var registerMoved = head.Head.RegisterSize != log.RegisterSize;
            if (!registerMoved && time.GetUtcNow() - head.Head.Timestamp < options.TreeHeadInterval)
            {
                Show(Witnessed(current));
                return;
            }
            var roots = await log.RootsAsync(cancellationToken);
            if (roots.Size != shown.Position)
            {
                return; // the log moved meanwhile: the next tick freezes a new snapshot
            }
            // The acts of the register this head covers, read only when that register is not the one they were read from.
            var acts = await CommissionRecord.ReadAsync(log, roots.RegisterSize, cancellationToken, current.Acts);
            var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var resigned = commission.Sign(head.Head with { RegisterSize = roots.RegisterSize, RegisterRoot = roots.RegisterRoot, Timestamp = now });
            await KeepAsync(resigned, cancellationToken);
            Show(Witnessed(acts.Count != current.Acts.Count
                ? new Published(shown, Published.ETagOf(shown.Position, acts), time.GetUtcNow(), current.Halted, resigned)
                {
                    Acts = acts,
                    CommissionKey = commission.PublicKey,
                }
                : current with { TreeHead = resigned, Acts = acts }));
            return;
        }
        var (published, halted) = await FreezeAsync(log, commission, time.GetUtcNow(), current.Acts, cancellationToken);
        if (published is not null)
        {
            await KeepAsync(published.TreeHead!, cancellationToken);
            Show(Witnessed(published));
            return;
        }
        Show(current with { Halted = halted });
        LogHalted(halted!);
    }

    /// <summary>Makes <paramref name="published"/> what the public sees, and tells the metrics.</summary>
    private void Show(Published published)
    {
        Volatile.Write(ref _current, published);
        metrics.Shown(published, log.Counted);
    }

    /// <summary>Keeps a head in the tree-head file before anyone can see it, so the server can hold its store against it at the next start.</summary>
    private async Task KeepAsync(SignedTreeHead head, CancellationToken cancellationToken)
    {
        if (options.TreeHeadFile is { } file)
        {
            await TreeHeadFile.WriteAsync(file, head, commission.PublicKey, cancellationToken);
        }
        await witnesses.SignedAsync(head, cancellationToken);
    }

    /// <summary>
    /// <paramref name="published"/> with the witnesses who cosigned its head's size and root, as a new version (a new entity tag
    /// and a fresh cache) whenever a cosignature or an alarm was recorded since; as it is otherwise.
    /// </summary>
    private Published Witnessed(Published published)
    {
        var version = witnesses.Version;
        if ((published.Witnesses is not null && published.WitnessVersion == version) || published.TreeHead is not { } signed)
        {
            return published;
        }
        var etag = version == 0 ? published.ETag : $"{published.ETag[..^1]}~{version}\"";
        return new Published(published.Snapshot, etag, published.PublishedAt, published.Halted, signed)
        {
            Acts = published.Acts,
            CommissionKey = published.CommissionKey,
            Witnesses = witnesses.Vouching(signed.Head.Size, signed.Head.Root),
            WitnessVersion = version,
        };
    }

    /// <summary>
    /// Freezes the log's snapshot and checks it: a publishable snapshot comes back with its tree head signed by the commission and
    /// the commission's acts of exactly the register that head covers (read after the head's roots, bounded by its register size;
    /// <paramref name="earlier"/> when it was read at that size); one that breaks an invariant comes back as the reason only.
    /// </summary>
    public static async Task<(Published? Published, string? Halted)> FreezeAsync(
        ElectionLog log, CommissionKey commission, DateTimeOffset now, CommissionRecord? earlier, CancellationToken cancellationToken = default)
    {
        var (snapshot, roots) = await log.FreezeWithRootsAsync(cancellationToken);
        if (!snapshot.IsPublishable)
        {
            return (null, $"the snapshot at log position {snapshot.Position} breaks {snapshot.InvariantViolations.Length} invariant(s), "
                + $"first: {snapshot.InvariantViolations[0]}");
        }
        var acts = await CommissionRecord.ReadAsync(log, roots.RegisterSize, cancellationToken, earlier);
        var head = new Core.Transparency.TreeHead(
            log.Election.Id.Value,
            log.DefinitionSha256,
            snapshot.Position,
            roots.Root,
            roots.RegisterSize,
            roots.RegisterRoot,
            DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
        return (new Published(snapshot, Published.ETagOf(snapshot.Position, acts), now, null, commission.Sign(head))
        {
            Acts = acts,
            CommissionKey = commission.PublicKey,
        }, null);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await OffNetworkThreads.Enter();
        var following = log.FollowAsync(TimeSpan.FromSeconds(1), stoppingToken);
        using var timer = new PeriodicTimer(options.PublishInterval, time);
        try
        {
            await PublishAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PublishAsync(stoppingToken);
                    ReadFailure = null;
                }
                catch (StoreException e)
                {
                    ReadFailure = e.Message;
                    LogStoreUnavailable(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await following;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _publishing.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Publication halted: {Reason}")]
    private partial void LogHalted(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot freeze a snapshot; the last one stays published: {Reason}")]
    private partial void LogStoreUnavailable(string reason);
}
