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
    private int _actsDue;
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

    /// <summary>Publishes at once after this server recorded a commission's act (recount, outcome, certification).</summary>
    public Task ActedAsync(CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _actsDue, 1);
        return PublishAsync(cancellationToken);
    }

    private async Task PublishOnceAsync(CancellationToken cancellationToken)
    {
        var current = Current;
        // The commission's acts are re-read only when something may have changed: a new snapshot, a new register record, this
        // server's own act, or every tree-head interval (another server's act), not at every tick.
        var moved = current.Snapshot is null || current.Snapshot.Position != log.Position;
        var registerMoved = current.TreeHead is { } before && before.Head.RegisterSize != log.RegisterSize;
        var signDue = current.TreeHead is { } signed && time.GetUtcNow() - signed.Head.Timestamp >= options.TreeHeadInterval;
        var acts = moved || signDue || registerMoved || Interlocked.Exchange(ref _actsDue, 0) == 1
            ? await CommissionRecord.ReadAsync(log, cancellationToken, current.Acts)
            : current.Acts;
        if (!moved && current is { Snapshot: { } shown, TreeHead: { } head })
        {
            // The same numbers. A new register record (a key, an operator, a hand entry, an act) or the interval: sign a new head
            // over both trees, so observers see "still this" rather than silence and every record is covered at once.
            var resigned = head;
            if (registerMoved || signDue)
            {
                var roots = await log.RootsAsync(cancellationToken);
                if (roots.Size != shown.Position)
                {
                    return; // the log moved meanwhile: the next tick freezes a new snapshot
                }
                var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
                resigned = commission.Sign(head.Head with { RegisterSize = roots.RegisterSize, RegisterRoot = roots.RegisterRoot, Timestamp = now });
                await KeepAsync(resigned, cancellationToken);
            }
            Show(Witnessed(acts.Count != current.Acts.Count
                ? new Published(shown, Published.ETagOf(shown.Position, acts), time.GetUtcNow(), current.Halted, resigned)
                {
                    Acts = acts,
                    CommissionKey = commission.PublicKey,
                }
                : current with { TreeHead = resigned }));
            return;
        }
        var (published, halted) = await FreezeAsync(log, commission, time.GetUtcNow(), acts, cancellationToken);
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
    /// Freezes the log's snapshot and checks it: a publishable snapshot comes back with its tree
    /// head signed by the commission; one that breaks an invariant comes back as the reason only.
    /// </summary>
    public static async Task<(Published? Published, string? Halted)> FreezeAsync(
        ElectionLog log, CommissionKey commission, DateTimeOffset now, CommissionRecord acts, CancellationToken cancellationToken = default)
    {
        var (snapshot, roots) = await log.FreezeWithRootsAsync(cancellationToken);
        if (!snapshot.IsPublishable)
        {
            return (null, $"the snapshot at log position {snapshot.Position} breaks {snapshot.InvariantViolations.Length} invariant(s), "
                + $"first: {snapshot.InvariantViolations[0]}");
        }
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
