using Sanoo.Core.Register;
using Sanoo.Storage.Reports;

namespace Sanoo.Log;

/// <summary>What came of filing a report: the report as recorded, or how long the reporter must wait (flood limit), never both.</summary>
/// <param name="Report">The report, numbered, when it was recorded.</param>
/// <param name="RetryAfter">How long to wait, when the reporter is over their limit.</param>
public sealed record ReportFiling(ObserverReport? Report, TimeSpan RetryAfter);

/// <summary>What came of answering a report.</summary>
public enum AnswerOutcome
{
    /// <summary>The answer was recorded.</summary>
    Recorded,

    /// <summary>There is no such report.</summary>
    NoReport,

    /// <summary>The report was answered before; a report has one answer.</summary>
    AnsweredBefore,
}

/// <summary>Observers' reports and the commission's answers: register records, decided under the writer lock.</summary>
public sealed partial class ElectionLog
{
    /// <summary>
    /// Records <paramref name="draft"/> (its number and place are given here) unless its reporter has filed
    /// <paramref name="perMinute"/> reports in the last minute or <paramref name="perDay"/> in the last day: counted in the register
    /// under the writer lock, so the limit holds across servers and restarts.
    /// </summary>
    public Task<ReportFiling> FileReportAsync(ReportRecord draft, int perMinute, int perDay, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordOverKindsAsync<ReportFiling>(ReportBook.Kinds, (earlier, slot) =>
        {
            var wait = ReportBook.Wait(earlier, draft.By, draft.At, perMinute, perDay);
            if (wait > TimeSpan.Zero)
            {
                return ([], new ReportFiling(null, wait));
            }
            var record = draft with
            {
                Sequence = slot.Next, LogSize = slot.LogSize, Number = earlier.OfType<ReportRecord>().Count() + 1, At = Millisecond(draft.At),
            };
            return ([record], new ReportFiling(ReportBook.Of([record])[0], TimeSpan.Zero));
        }, cancellationToken), cancellationToken);

    /// <summary>Records <paramref name="draft"/> (its place is given here) unless its report does not exist or was answered before.</summary>
    public Task<(AnswerOutcome Outcome, ObserverReport? Report)> AnswerReportAsync(
        ReportAnswerRecord draft, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordOverKindsAsync<(AnswerOutcome, ObserverReport?)>(ReportBook.Kinds, (earlier, slot) =>
        {
            var report = ReportBook.Of(earlier).FirstOrDefault(r => r.Number == draft.Report);
            if (report is null || report.Answer is not null)
            {
                return ([], (report is null ? AnswerOutcome.NoReport : AnswerOutcome.AnsweredBefore, report));
            }
            var record = draft with { Sequence = slot.Next, LogSize = slot.LogSize, At = Millisecond(draft.At) };
            return ([record], (AnswerOutcome.Recorded, ReportBook.Of([.. earlier, record]).First(r => r.Number == draft.Report)));
        }, cancellationToken), cancellationToken);

    /// <summary>A time as a register record holds it: to the millisecond, so what is answered is what is read back.</summary>
    private static DateTimeOffset Millisecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>Every report with its answer, oldest first.</summary>
    public Task<IReadOnlyList<ObserverReport>> ReportsAsync(CancellationToken cancellationToken = default) =>
        ReportsAsync(long.MaxValue, cancellationToken);

    /// <summary>The reports, each with its answer if that too is among the register's first <paramref name="registerSize"/> records.</summary>
    public async Task<IReadOnlyList<ObserverReport>> ReportsAsync(long registerSize, CancellationToken cancellationToken = default) =>
        ReportBook.Of(await RecordsOfKindsAsync(ReportBook.Kinds, registerSize, cancellationToken));
}
