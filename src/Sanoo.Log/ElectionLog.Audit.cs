using Sanoo.Core.Audits;
using Sanoo.Core.Register;
using Sanoo.Storage;

namespace Sanoo.Log;

/// <summary>The risk-limiting audit's records (docs/audits.md): register records, decided under the writer lock.</summary>
public sealed partial class ElectionLog
{
    /// <summary>The audit's records in the register, in order.</summary>
    public async Task<AuditBook> AuditAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<Storage.Register.RegisterRow>();
        foreach (var kind in AuditBook.Kinds)
        {
            rows.AddRange(await _store.ReadRegisterOfKindAsync(kind, cancellationToken));
        }
        return AuditBook.Of(rows.OrderBy(r => r.Sequence).Select(r => RegisterRecord.Decode(r.Record.AsSpan())));
    }

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
}
