using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>
/// Observers' reports on both backends: numbered in turn, answered once and held to the flood limit under the store's writer lock,
/// so that servers sharing one store agree.
/// </summary>
[Collection("stores")]
public class ReportStoreTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    private static ReportRecord Report(string by) => new(0, 0, DateTimeOffset.UtcNow, by, 0, "s0001", null, "not-posted", "", null);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Two_servers_answering_one_report_at_once_record_one_answer(string backend)
    {
        var address = NewAddress(backend);
        var logs = new[] { await OpenLogAsync(address), await OpenLogAsync(address, withDefinition: false) };
        var filed = await logs[0].FileReportAsync(Report("aigul"), 30, 500);
        Assert.Equal(1, filed.Report!.Number);
        var answers = await Task.WhenAll(logs.SelectMany(log => Enumerable.Range(0, 4).Select(i => Task.Run(() => log.AnswerReportAsync(
            new ReportAnswerRecord(0, 0, DateTimeOffset.UtcNow, "cec", 1, i % 2 == 0 ? "accepted" : "rejected", $"answer {i}", null, null))))));
        Assert.Single(answers, a => a.Outcome == AnswerOutcome.Recorded);
        Assert.All(answers.Where(a => a.Outcome != AnswerOutcome.Recorded), a => Assert.Equal(AnswerOutcome.AnsweredBefore, a.Outcome));
        var read = Assert.Single(await logs[1].ReportsAsync());
        Assert.Equal(answers.Single(a => a.Outcome == AnswerOutcome.Recorded).Report!.Answer, read.Answer);
        Assert.Equal(AnswerOutcome.NoReport, (await logs[1].AnswerReportAsync(
            new ReportAnswerRecord(0, 0, DateTimeOffset.UtcNow, "cec", 2, "accepted", "", null, null))).Outcome);
        foreach (var log in logs)
        {
            await CloseAsync(log);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_reporters_flood_limit_holds_across_servers_and_spares_other_reporters(string backend)
    {
        var address = NewAddress(backend);
        var logs = new[] { await OpenLogAsync(address), await OpenLogAsync(address, withDefinition: false) };
        var filings = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => logs[i % 2].FileReportAsync(Report("flood"), 5, 500))));
        Assert.Equal(5, filings.Count(f => f.Report is not null));
        Assert.All(filings.Where(f => f.Report is null), f => Assert.InRange(f.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1)));
        Assert.Equal([1, 2, 3, 4, 5], filings.Where(f => f.Report is not null).Select(f => f.Report!.Number).Order());
        Assert.NotNull((await logs[1].FileReportAsync(Report("calm"), 5, 500)).Report);
        foreach (var log in logs)
        {
            await CloseAsync(log);
        }
    }
}
