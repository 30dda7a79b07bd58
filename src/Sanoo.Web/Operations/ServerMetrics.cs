using System.Diagnostics.Metrics;
using Sanoo.Core.Progress;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Operations;

/// <summary>
/// What the server adds to the <c>Sanoo</c> meter beside the log's figures: submissions refused at the door (by reason), the
/// freshness of what is published (from a protocol's receipt to the first snapshot that shows it), the shown snapshot's age
/// and position, and whether publication is halted. One meter per server, disposed with it.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    private readonly Meter _meter = new(Log.ElectionLog.MeterName);
    private readonly TimeProvider _time;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _freshness;
    private Published? _shown;
    private long _readsAtConnection;

    /// <summary>Creates the instruments; times are read from <paramref name="time"/>.</summary>
    public ServerMetrics(TimeProvider time)
    {
        _time = time;
        _refused = _meter.CreateCounter<long>("sanoo.protocols.refused", "{request}",
            "Write requests refused whole before the log, by reason: unreadable, invalid, unauthenticated, forbidden, "
                + "key_not_current, store_unavailable");
        _freshness = _meter.CreateHistogram<double>("sanoo.freshness", "s",
            "Time from a protocol version's receipt to the first published snapshot that counts it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });
        _meter.CreateObservableGauge("sanoo.snapshot.age", () => _shown is { Snapshot: not null } shown
            ? Math.Max(0, (_time.GetUtcNow() - shown.PublishedAt).TotalSeconds)
            : double.NaN, "s", "Time since the published snapshot was frozen (it stays while the log does not move)");
        _meter.CreateObservableGauge("sanoo.snapshot.position", () => _shown?.Snapshot?.Position ?? 0, "{entry}",
            "The log position of the published snapshot");
        _meter.CreateObservableCounter("sanoo.reads.at_connection", () => ReadsAtConnection, "{request}",
            "Reads already answered from the snapshot, answered at the connection before Kestrel reads HTTP (so not in "
                + "http.server.request.duration)");
        _meter.CreateObservableGauge("sanoo.publication.halted", () => _shown?.Halted is null ? 0 : 1,
            null,
            "1 while publication is halted (a snapshot broke an invariant; the last good one stays shown), 0 otherwise");
    }

    /// <summary>How many reads were answered at the connection (<see cref="PublicApi.ConnectionHotReads"/>).</summary>
    public long ReadsAtConnection => Interlocked.Read(ref _readsAtConnection);

    /// <summary>Counts a read answered at the connection.</summary>
    internal void AnsweredAtConnection() => Interlocked.Increment(ref _readsAtConnection);

    /// <summary>Counts a write request refused whole for <paramref name="reason"/> (one of the words above).</summary>
    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>
    /// Notes what is published now; when it shows a newer snapshot than before, records the freshness of every version
    /// <paramref name="counted"/> (in log order) that it shows first. The first snapshot after a start records none: its
    /// versions were received by an earlier run.
    /// </summary>
    public void Shown(Published published, IReadOnlyList<CountedVersion> counted)
    {
        var before = _shown?.Snapshot?.Position;
        _shown = published;
        if (before is not { } from || published.Snapshot is not { } snapshot || snapshot.Position <= from)
        {
            return;
        }
        var shownAt = published.PublishedAt.ToUnixTimeMilliseconds();
        for (var i = FirstAfter(counted, from); i < counted.Count && counted[i].Position <= snapshot.Position; i++)
        {
            _freshness.Record(Math.Max(0, shownAt - counted[i].ReceivedAt) / 1000.0);
        }
    }

    private static int FirstAfter(IReadOnlyList<CountedVersion> counted, long position)
    {
        var (low, high) = (0, counted.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = counted[middle].Position <= position ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
