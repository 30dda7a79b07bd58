using Sanoo.Storage.Reports;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Reports;

/// <summary>Reports as the wire carries them.</summary>
public static class ReportJson
{
    /// <summary>The wire form of a report with its state and answer.</summary>
    public static Wire.Report Of(ObserverReport r) => new(
        r.Number, r.Station.Value, r.Contest, r.What, r.Text, r.PhotoSha256, r.FiledBy, r.FiledAt, r.State,
        r.Answer is { } a
            ? new Wire.ReportAnswer(
                a.Answer, a.Reason, a.Recount, a.ProtocolSha256, a.AnsweredBy, a.AnsweredAt, a.Translations?.Language,
                Acts.ActJson.Texts(a.Translations))
            : null);

    /// <summary>How many of <paramref name="reports"/> are in each state.</summary>
    public static Wire.ReportCounts Counts(IReadOnlyCollection<ObserverReport> reports) => new(
        reports.Count(r => r.State == ReportWords.Open),
        reports.Count(r => r.State == ReportWords.Accepted),
        reports.Count(r => r.State == ReportWords.Rejected));
}
