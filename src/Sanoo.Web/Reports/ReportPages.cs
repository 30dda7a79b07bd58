using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Storage.Reports;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Reports;

/// <summary>A report as a row of the site: what is wrong, who filed it, its state and the commission's answer, in one language.</summary>
/// <param name="Id">The report's number.</param>
/// <param name="Station">The station's name.</param>
/// <param name="StationHref">The station page's address.</param>
/// <param name="What">What is wrong, in words, with the contest when it names one.</param>
/// <param name="Text">The reporter's words.</param>
/// <param name="Photo">The reporter's photo by hash, in words, if named.</param>
/// <param name="Filed">When and by whom.</param>
/// <param name="State">The state's word (<c>open</c>, <c>accepted</c>, <c>rejected</c>), for styles and tests.</param>
/// <param name="StateName">The state in words.</param>
/// <param name="Answer">The commission's answer in words (what it led to, who, when), once given; its reason is
/// <see cref="AnswerReason"/>.</param>
public sealed record ReportRow(
    long Id, string Station, string StationHref, string What, string Text, string? Photo, string Filed, string State, string StateName,
    string? Answer)
{
    /// <summary>The reporter's photo's address (served once uploaded), if they named one.</summary>
    public string? PhotoHref { get; init; }

    /// <summary>The commission's reason for its answer, as the page's language shows it; null when it gave none.</summary>
    public ShownText? AnswerReason { get; init; }
}

/// <summary>The reports page of an area (or of the whole election): counts by state, then every report, oldest first.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">The reports' words in the page's language.</param>
/// <param name="Counts">How many reports there are in each state.</param>
/// <param name="Rows">The reports.</param>
public sealed record ReportsPage(PageFrame Frame, ReportPageWords Words, Contracts.ReportCounts Counts, IReadOnlyList<ReportRow> Rows);

/// <summary>Builds the site's report rows and pages from the reports published with the snapshot.</summary>
public static class ReportPages
{
    /// <summary>Each published list of reports by station, made once per list: a million station pages do not each scan every report.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ObserverReport>, ILookup<AreaId, ObserverReport>>
        ByStation = new();

    /// <summary>The address of <paramref name="area"/>'s reports page (the election's, for the root).</summary>
    public static string Path(string language, Area area) => SitePaths.Area(language, area) + "reports/";

    /// <summary>The reports page of <paramref name="area"/>, an area above the stations.</summary>
    public static ReportsPage Of(Published published, Snapshot snapshot, Area area, SiteLanguage language)
    {
        var words = ReportPageWords.For(language.Code);
        var election = snapshot.Election;
        var reports = published.Acts.Reports.Where(r => area.Level == 0 || ReportAreas.Under(election, r.Station, area.Id)).ToList();
        var frame = PageFrames.Of(published, snapshot, area, language);
        frame = frame with
        {
            Title = string.Format(CultureInfo.InvariantCulture, words.TitleOfFormat, area.DisplayName(language.Code)),
            PathAfterLanguage = Path(language.Code, area)[(language.Code.Length + 1)..],
            Crumbs = [.. frame.Crumbs, new Link(area.DisplayName(language.Code), SitePaths.Area(language.Code, area))],
            // The reports are open data in the API; this page has no data.csv or data.json of its own.
            DataFiles = false,
        };
        return new ReportsPage(frame, words, ReportJson.Counts(reports), Rows(election, reports, language));
    }

    /// <summary>The reports on one station, oldest first.</summary>
    public static IReadOnlyList<ReportRow> OfStation(Published published, Election election, AreaId station, SiteLanguage language) =>
        Rows(election, [.. ByStation.GetValue(published.Acts.Reports, reports => reports.ToLookup(r => r.Station))[station]], language);

    private static List<ReportRow> Rows(Election election, IReadOnlyList<ObserverReport> reports, SiteLanguage language)
    {
        var words = ReportPageWords.For(language.Code);
        var code = language.Code;
        return [.. reports.Select(r =>
        {
            var station = election.Area(r.Station);
            var contest = r.Contest is { } c && ContestId.TryParse(c, out var id) ? election.Contest(id)?.Contest.Name.In(code) : null;
            var answer = r.Answer is not { } a ? null : string.Join(" · ", new[]
            {
                words.StateName(a.Answer),
                a.Recount is { } n ? string.Format(CultureInfo.InvariantCulture, words.RecountFormat, n) : null,
                a.ProtocolSha256 is { } p ? string.Format(CultureInfo.InvariantCulture, words.ProtocolFormat, p[..12]) : null,
                $"{Time(a.AnsweredAt)} · {a.AnsweredBy}",
            }.Where(s => s is not null));
            return new ReportRow(
                r.Number,
                station?.DisplayName(code) ?? r.Station.Value,
                SitePaths.Station(code, r.Station),
                words.Concern(r.What) + (contest is null ? "" : $" ({contest})"),
                r.Text,
                r.PhotoSha256 is { } photo ? string.Format(CultureInfo.InvariantCulture, words.PhotoFormat, photo[..12]) : null,
                $"{Time(r.FiledAt)} · {r.FiledBy}",
                r.State,
                words.StateName(r.State),
                answer)
            {
                PhotoHref = r.PhotoSha256 is { } hex ? SitePaths.Image(hex) : null,
                AnswerReason = r.Answer is { Reason.Length: > 0 } given ? ShownText.Of(given.Reason, given.Translations, code) : null,
            };
        })];
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
