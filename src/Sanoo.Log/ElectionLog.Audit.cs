using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Register;
using Sanoo.Core.Tally;
using Sanoo.Storage;

namespace Sanoo.Log;

/// <summary>The risk-limiting audit's records (docs/audits.md): register records, decided under the writer lock.</summary>
public sealed partial class ElectionLog
{
    /// <summary>The audit's records in the register, in order.</summary>
    public Task<AuditBook> AuditAsync(CancellationToken cancellationToken = default) => AuditAsync(long.MaxValue, cancellationToken);

    /// <summary>The audit's records among the register's first <paramref name="registerSize"/> records, in order.</summary>
    public async Task<AuditBook> AuditAsync(long registerSize, CancellationToken cancellationToken = default) =>
        AuditBook.Of(await RecordsOfKindsAsync(AuditBook.Kinds, registerSize, cancellationToken));

    /// <summary>
    /// Records what <paramref name="decide"/> makes of the audit's records as they stand under the writer lock: the records it gives
    /// (sequence and log size filled in here) are appended in one transaction.
    /// </summary>
    public Task<T> RecordAuditAsync<T>(
        Func<AuditBook, RegisterSlot, (IReadOnlyList<RegisterRecord> Records, T Result)> decide, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordOverKindsAsync<T>(AuditBook.Kinds, (earlier, slot) =>
        {
            var (records, result) = decide(AuditBook.Of(earlier), slot);
            IReadOnlyList<RegisterRecord> numbered =
                [.. records.Select((r, i) => r with { Sequence = slot.Next + i, LogSize = slot.LogSize, At = Millisecond(r.At) })];
            return (numbered, result);
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// The reported count <paramref name="plan"/> audits, as a comparison: the protocol log as it stood when the plan was recorded,
    /// replayed into a tally of its own, read for the plan's contests and source.
    /// </summary>
    public async Task<BatchComparison> AuditComparisonAsync(AuditPlanRecord plan, CancellationToken cancellationToken = default) =>
        AuditManifest.Comparison(await ReportedAsync(plan.LogSize, cancellationToken), AuditContests(plan), new SourceId(plan.Source));

    /// <summary>The plan's contests, as the election plans them.</summary>
    public IReadOnlyList<ContestPlan> AuditContests(AuditPlanRecord plan) =>
        [.. plan.Contests.Select(c => Election.Contest(new ContestId(c))
            ?? throw new StoreException($"The audit names contest {c}, which is not in the election."))];

    /// <summary>The tally of the first <paramref name="logSize"/> log entries, replayed in log order.</summary>
    public async Task<Snapshot> ReportedAsync(long logSize, CancellationToken cancellationToken = default)
    {
        var engine = new TallyEngine(Election);
        await foreach (var entry in EntriesAsync(0, withCanonical: true, cancellationToken))
        {
            if (entry.Sequence > logSize)
            {
                break;
            }
            if (ProtocolReader.Read(Election, entry.Canonical.AsMemory()) is ProtocolReadResult.Ok ok)
            {
                engine.Apply(ok.Checked);
            }
        }
        return engine.Freeze();
    }
}
