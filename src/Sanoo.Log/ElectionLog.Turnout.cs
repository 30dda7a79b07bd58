using Sanoo.Core.Register;
using Sanoo.Core.Turnout;

namespace Sanoo.Log;

/// <summary>The stations' turnout reports through election day, kept in the register (docs/turnout.md).</summary>
public sealed partial class ElectionLog
{
    /// <summary>
    /// Records <paramref name="draft"/> (its place is given here) if the station's earlier reports and the definition allow it
    /// (<see cref="TurnoutBook.Add"/>), decided under the writer lock over that station's reports; says what became of it, why a
    /// refused one was refused, and the record (the earlier one, for a duplicate).
    /// </summary>
    public Task<(TurnoutOutcome Outcome, string Reason, TurnoutRecord? Record)> RecordTurnoutAsync(
        TurnoutRecord draft, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordOverStationAsync<(TurnoutOutcome, string, TurnoutRecord?)>(TurnoutRecord.Word, draft.StationId,
            (earlier, slot) =>
            {
                var reports = earlier.OfType<TurnoutRecord>().ToList();
                var book = TurnoutBook.Of(Election, reports);
                var outcome = book.Add(draft.Report(Election.Id), out var reason);
                if (outcome != TurnoutOutcome.Recorded)
                {
                    return ([], (outcome, reason, reports.FirstOrDefault(r => r.Time == draft.Time)));
                }
                var record = draft with { Sequence = slot.Next, LogSize = slot.LogSize, At = Millisecond(draft.At) };
                return ([record], (outcome, reason, record));
            }, cancellationToken), cancellationToken);

    /// <summary>Every turnout report, in register order.</summary>
    public Task<IReadOnlyList<TurnoutRecord>> TurnoutAsync(CancellationToken cancellationToken = default) =>
        TurnoutAsync(long.MaxValue, cancellationToken);

    /// <summary>The turnout reports among the register's first <paramref name="registerSize"/> records, in register order.</summary>
    public async Task<IReadOnlyList<TurnoutRecord>> TurnoutAsync(long registerSize, CancellationToken cancellationToken = default) =>
        [.. (await RecordsOfKindsAsync([TurnoutRecord.Word], registerSize, cancellationToken)).Cast<TurnoutRecord>()];
}
