using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Progress;

/// <summary>The night's progress of a contest in an area as open data: the wire record of <c>/api/v1/progress</c> and its CSV.</summary>
public static class ProgressJson
{
    /// <summary>
    /// The progress of <paramref name="plan"/> in <paramref name="area"/> by <paramref name="sources"/>, from the published snapshot and
    /// the log's counted versions (each series computed once per snapshot); null when the contest is not tallied in the area.
    /// </summary>
    public static Wire.ProgressReport? Of(
        Published published, ContestPlan plan, Area area, IReadOnlyList<CountSource> sources, IReadOnlyList<CountedVersion> counted)
    {
        var snapshot = published.Snapshot!;
        var series = sources.Select(s => (Source: s, Series: published.Progress(plan, s.Id, area.Id, counted))).ToList();
        if (series.Any(s => s.Series is null))
        {
            return null;
        }
        return new Wire.ProgressReport(
            plan.Contest.Id.Value,
            area.Id.Value,
            snapshot.Position,
            snapshot.Election.Definition.TimeZone,
            [.. plan.Choices.Select(c => c.Id.Value)],
            [.. series.Select(s => new Wire.ProgressSource(
                s.Source.Id.Value,
                s.Source.Official,
                s.Series!.StationsExpected,
                s.Series.BinSeconds,
                [.. s.Series.Points.Select(p => new Wire.ProgressAt(p.At, p.StationsReporting, p.Participation, p.Votes))]))])
        {
            PublishedAt = published.PublishedAt,
            Halted = published.Halted is not null,
            TreeHead = Site.SiteJson.TreeHead(published.TreeHead?.Head),
        };
    }

    /// <summary>
    /// The report as CSV: a row per source and point, with the source, the time (UTC), stations counted and expected, voters who took
    /// part, then each choice's votes (headed by its id).
    /// </summary>
    public static byte[] Csv(Wire.ProgressReport report)
    {
        using var text = new StringWriter { NewLine = "\r\n" };
        var csv = new Csv(text);
        csv.Row(new object?[] { "contest", "area", "source", "at", "stations_reporting", "stations_expected", "participation" }
            .Concat(report.Choices));
        foreach (var source in report.Sources)
        {
            foreach (var point in source.Points)
            {
                csv.Row(new object?[] { report.Contest, report.Area, source.Source, point.At, point.Reporting, source.StationsExpected,
                    point.Participation }.Concat(point.Votes.Cast<object?>()));
            }
        }
        return OpenData.Csv.Encoding.GetBytes(text.ToString());
    }
}
