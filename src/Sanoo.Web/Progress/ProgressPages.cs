using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Progress;

/// <summary>A table of the figures behind a chart, for screen readers and anyone who wants the numbers.</summary>
/// <param name="Caption">What the table holds.</param>
/// <param name="Heads">The column heads: the time, stations counted, then each leading choice.</param>
/// <param name="Rows">The rows: the time, then the cells.</param>
public sealed record ProgressTable(string Caption, IReadOnlyList<string> Heads, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>An area's page of the count through the night.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">The page's words in its language.</param>
/// <param name="TimesIn">Which time zone the times are in, in words.</param>
/// <param name="Reporting">The chart of stations counted, one line per count source; empty before any protocol is counted.</param>
/// <param name="Shares">The chart of the leading choices' shares in the count with most stations; empty before any is counted.</param>
/// <param name="Tables">The figures, a table per count source with points.</param>
public sealed record ProgressPage(
    PageFrame Frame, ProgressWords Words, string TimesIn, string Reporting, string Shares, IReadOnlyList<ProgressTable> Tables);

/// <summary>
/// Builds the pages of the count through the night: <c>/{lang}/progress/</c> for the main contest's area and
/// <c>/{lang}/area/{id}/progress/</c> for any other area above the stations, from the published snapshot and the log's counted versions.
/// </summary>
public static class ProgressPages
{
    /// <summary>How many choices the shares chart draws: the leaders by votes in the count with most stations.</summary>
    public const int Leaders = 5;

    /// <summary>The most rows a table on the page has (points thinned evenly, the last always kept); every point is in the CSV.</summary>
    public const int TableRows = 24;

    /// <summary>The page's address for <paramref name="area"/>.</summary>
    public static string Path(string language, Election election, Area area) =>
        area.Id == election.DefaultContest.Contest.Area ? $"/{language}/progress/" : SitePaths.Area(language, area) + "progress/";

    /// <summary>Whether <paramref name="area"/> has the page: an area above the stations where the main contest is tallied.</summary>
    public static bool Has(Snapshot snapshot, Area area) =>
        !area.IsStation && snapshot.Tally(snapshot.Election.DefaultContest.Contest.Id, snapshot.Election.DefaultSource.Id, area.Id) is not null;

    /// <summary>The main contest's progress in <paramref name="area"/> by every result source, as open data; null without the page.</summary>
    public static Wire.ProgressReport? Data(Published published, Snapshot snapshot, Area area, IReadOnlyList<CountedVersion> counted) =>
        Has(snapshot, area)
            ? ProgressJson.Of(published, snapshot.Election.DefaultContest, area, snapshot.Election.ResultSources, counted)
            : null;

    /// <summary>The page of <paramref name="area"/> (one that <see cref="Has"/> the page).</summary>
    public static ProgressPage Of(Published published, Snapshot snapshot, Area area, SiteLanguage language, IReadOnlyList<CountedVersion> counted)
    {
        var election = snapshot.Election;
        var plan = election.DefaultContest;
        var words = ProgressWords.For(language.Code);
        var data = Data(published, snapshot, area, counted)!;
        var frame = PageFrames.Of(published, snapshot, area, language);
        frame = frame with
        {
            Title = string.Format(CultureInfo.InvariantCulture, words.Title, area.DisplayName(language.Code)),
            PathAfterLanguage = Path(language.Code, election, area)[(language.Code.Length + 1)..],
            Crumbs = [.. frame.Crumbs, new Link(area.DisplayName(language.Code), SitePaths.Area(language.Code, area))],
        };
        var timeZone = election.Definition.TimeZone;
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : null;
        var timesIn = string.Format(CultureInfo.InvariantCulture, words.TimesIn, zone is null ? "UTC" : timeZone);
        var sources = data.Sources.Select((s, i) => (Wire: s, Definition: election.ResultSources[i])).Where(s => s.Wire.Points.Count > 0).ToList();
        if (sources.Count == 0)
        {
            return new ProgressPage(frame, words, timesIn, "", "", []);
        }
        string Percent(decimal value) => language.Percent(value, value == Math.Round(value) ? 0 : 1);
        var reporting = ProgressChart.Of(
            [.. sources.Select((s, i) => new ChartLine(
                s.Definition.Name.In(language.Code),
                i == 0 ? "#1f5fa8" : "#a04000",
                [.. s.Wire.Points.Select(p => (p.At, StationShare(p.Reporting, s.Wire.StationsExpected)))],
                FromZero: true))],
            words.Reporting, words.ReportingDesc, zone, whole: true, Percent);
        var primary = sources.OrderByDescending(s => s.Wire.Points[^1].Reporting).ThenByDescending(s => s.Wire.Official).First();
        var leaders = Enumerable.Range(0, plan.Choices.Length)
            .Where(c => primary.Wire.Points[^1].Votes[c] > 0)
            .OrderByDescending(c => primary.Wire.Points[^1].Votes[c]).ThenBy(c => c)
            .Take(Leaders).ToList();
        var shares = leaders.Count == 0 ? "" : ProgressChart.Of(
            [.. leaders.Select(c => new ChartLine(
                plan.Choices[c].Name.In(language.Code),
                Palette.Of(plan.Choices[c], c),
                [.. primary.Wire.Points.Select(p => (p.At, ShareOf(p, c)))],
                FromZero: false))],
            string.Format(CultureInfo.InvariantCulture, words.SharesFormat, primary.Definition.Name.In(language.Code)),
            words.SharesDesc, zone, whole: false, Percent);
        var tables = sources.Select(s => new ProgressTable(
            s.Definition.Name.In(language.Code),
            [words.Time, words.Reporting, .. leaders.Select(c => plan.Choices[c].Name.In(language.Code))],
            [.. Thinned(s.Wire.Points).Select(p => (IReadOnlyList<string>)[
                LocalTime(p.At, zone, election.Definition.Date, s.Wire.BinSeconds < 60),
                string.Format(language.Culture, words.StationsFormat, language.Number(p.Reporting), language.Number(s.Wire.StationsExpected)),
                .. leaders.Select(c => language.Percent(ShareOf(p, c)))])])).ToList();
        return new ProgressPage(frame, words, timesIn, reporting, shares, tables);
    }

    /// <summary>
    /// <paramref name="at"/> in the election's time zone (UTC when it has none), "21:40", to the second when the bins are shorter
    /// than a minute, with the date when it is not election day there.
    /// </summary>
    public static string LocalTime(DateTimeOffset at, TimeZoneInfo? zone, DateOnly electionDay, bool seconds)
    {
        var local = zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
        var time = local.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
        return DateOnly.FromDateTime(local.DateTime) == electionDay ? time : local.ToString("dd.MM.yyyy ", CultureInfo.InvariantCulture) + time;
    }

    /// <summary>Stations counted as a percentage of those expected, rounded down to 2 decimals.</summary>
    public static decimal StationShare(int reporting, int expected) => Shares.Percent(reporting, expected);

    private static decimal ShareOf(Wire.ProgressAt point, int choice) => ContestResults.ShareOf(point.Votes[choice], point.Participation);

    /// <summary>At most <see cref="TableRows"/> points, evenly spread, the last always among them.</summary>
    private static IEnumerable<Wire.ProgressAt> Thinned(IReadOnlyList<Wire.ProgressAt> points)
    {
        if (points.Count <= TableRows)
        {
            return points;
        }
        return Enumerable.Range(1, TableRows).Select(k => points[(int)((long)k * points.Count / TableRows) - 1]);
    }
}
