using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sanoo.Log;

/// <summary>
/// What the log tells an operator through the <c>Sanoo</c> meter (exported as Prometheus <c>sanoo_…</c> by the server): every
/// submission's outcome, the queue waiting for the writer, each group commit's size and time, and the sizes of the log and the
/// register. One meter per log, so the figures of one store never mix with another's in the same process.
/// </summary>
internal sealed class LogMetrics : IDisposable
{
    private readonly Meter _meter = new(ElectionLog.MeterName);
    private readonly Counter<long> _outcomes;
    private readonly Histogram<int> _batch;
    private readonly Histogram<double> _commit;

    public LogMetrics(Func<long> queued, Func<long> logSize, Func<long> registerSize)
    {
        _outcomes = _meter.CreateCounter<long>("sanoo.protocols", "{protocol}",
            "Protocol versions decided by the writer, by outcome: accepted (counted), duplicate, conflict, stale, rejected");
        _batch = _meter.CreateHistogram<int>("sanoo.ingest.batch", "{protocol}", "Protocol versions written in one group commit",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1024] });
        _commit = _meter.CreateHistogram<double>("sanoo.store.commit.duration", "s",
            "Time of one group commit: catching up, deciding and the store's transaction",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
            });
        _meter.CreateObservableUpDownCounter("sanoo.ingest.queue", queued, "{protocol}",
            "Protocol versions received and waiting for the writer's next group commit");
        _meter.CreateObservableUpDownCounter("sanoo.log.size", logSize, "{entry}", "Entries in the log (its position)");
        _meter.CreateObservableUpDownCounter("sanoo.register.size", registerSize, "{record}", "Records in the register");
    }

    /// <summary>Counts the outcomes of one committed batch.</summary>
    public void Decided(IEnumerable<Receipt?> receipts)
    {
        foreach (var receipt in receipts)
        {
            if (receipt is not null)
            {
                _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", Word(receipt.Outcome)));
            }
        }
    }

    /// <summary>Records one group commit of <paramref name="size"/> submissions, begun at <paramref name="started"/> (a timestamp).</summary>
    public void Committed(int size, long started)
    {
        _batch.Record(size);
        _commit.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string Word(ReceiptOutcome outcome) => outcome switch
    {
        ReceiptOutcome.Accepted => "accepted",
        ReceiptOutcome.Duplicate => "duplicate",
        ReceiptOutcome.Conflict => "conflict",
        ReceiptOutcome.Stale => "stale",
        ReceiptOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public void Dispose() => _meter.Dispose();
}
