using Sanoo.Core.Definitions;
using Sanoo.Core.Register;

namespace Sanoo.Storage.Reports;

/// <summary>Reads reports and their answers from the register's records, and the flood limit a reporter is held to.</summary>
public static class ReportBook
{
    /// <summary>The register kinds that hold reports and answers.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [ReportRecord.Word, ReportAnswerRecord.Word];

    /// <summary>Every report among <paramref name="records"/> (register order) with its answer, oldest first.</summary>
    public static IReadOnlyList<ObserverReport> Of(IEnumerable<RegisterRecord> records)
    {
        var reports = new List<ObserverReport>();
        var byNumber = new Dictionary<long, int>();
        foreach (var record in records)
        {
            switch (record)
            {
                case ReportRecord r:
                    byNumber[r.Number] = reports.Count;
                    reports.Add(new ObserverReport(
                        r.Number, new AreaId(r.StationId), r.Contest, r.What, r.Text, Hex(r.PhotoSha256), r.By, r.At, null));
                    break;
                case ReportAnswerRecord a when byNumber.TryGetValue(a.Report, out var i) && reports[i].Answer is null:
                    reports[i] = reports[i] with { Answer = new ReportAnswer(
                        a.Answer, a.Reason, a.Recount, Hex(a.ProtocolSha256), a.By, a.At, a.Translations) };
                    break;
            }
        }
        return reports;
    }

    /// <summary>
    /// How long <paramref name="reporter"/> must wait before filing again at <paramref name="now"/>, given the reports already in
    /// <paramref name="records"/>: zero when they are under both <paramref name="perMinute"/> in the last minute and
    /// <paramref name="perDay"/> in the last day.
    /// </summary>
    public static TimeSpan Wait(IEnumerable<RegisterRecord> records, string reporter, DateTimeOffset now, int perMinute, int perDay)
    {
        var times = records.OfType<ReportRecord>().Where(r => r.By == reporter && r.At > now - TimeSpan.FromDays(1)).Select(r => r.At).ToList();
        var wait = TimeSpan.Zero;
        if (times.Count >= perDay)
        {
            wait = times[^perDay] + TimeSpan.FromDays(1) - now;
        }
        var lastMinute = times.Where(t => t > now - TimeSpan.FromMinutes(1)).ToList();
        if (lastMinute.Count >= perMinute)
        {
            var minute = lastMinute[^perMinute] + TimeSpan.FromMinutes(1) - now;
            wait = minute > wait ? minute : wait;
        }
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static string? Hex(System.Collections.Immutable.ImmutableArray<byte>? bytes) =>
        bytes is { } b ? Convert.ToHexStringLower(b.AsSpan()) : null;
}
