using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Forensics;

/// <summary>One integer test as a row of the page.</summary>
/// <param name="Name">What is tested, in words.</param>
/// <param name="Test">The test.</param>
public sealed record IntegerTestRow(string Name, IntegerTestResult Test);

/// <summary>One flagged station as a row of the page.</summary>
/// <param name="Station">The station's name.</param>
/// <param name="Href">Its page.</param>
/// <param name="Turnout">Its turnout, formatted.</param>
/// <param name="LeaderShare">The leader's share there, formatted.</param>
/// <param name="Reasons">Why, in words.</param>
public sealed record FlagRow(string Station, string Href, string Turnout, string LeaderShare, string Reasons);

/// <summary>One area's integer tests, a row of the "by area" table.</summary>
/// <param name="Name">The area's name.</param>
/// <param name="Href">Its forensics page.</param>
/// <param name="Turnout">The test of turnout.</param>
/// <param name="LeaderShare">The test of the leader's share.</param>
public sealed record AreaTestRow(string Name, string Href, IntegerTestResult Turnout, IntegerTestResult LeaderShare);

/// <summary>The forensics page of an area: the report in one language, with its plots as inline SVG.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">The page's words.</param>
/// <param name="BasedOn">How many stations it is based on, in words.</param>
/// <param name="Tests">The integer tests, turnout first.</param>
/// <param name="Alarm">Whether the integer tests raise an alarm, in words.</param>
/// <param name="Alarmed">Whether they do.</param>
/// <param name="Comet">The comet as SVG.</param>
/// <param name="TurnoutHistogram">The turnout histogram as SVG.</param>
/// <param name="LeaderShareHistogram">The leader's share histogram as SVG.</param>
/// <param name="FlagCount">How many stations are flagged.</param>
/// <param name="Flags">The first of them.</param>
/// <param name="Areas">The tests in the areas one level below.</param>
public sealed record ForensicsPage(
    PageFrame Frame,
    ForensicsWords Words,
    string BasedOn,
    IReadOnlyList<IntegerTestRow> Tests,
    string Alarm,
    bool Alarmed,
    string Comet,
    string TurnoutHistogram,
    string LeaderShareHistogram,
    int FlagCount,
    IReadOnlyList<FlagRow> Flags,
    IReadOnlyList<AreaTestRow> Areas);

/// <summary>Builds the forensics pages (<c>/{lang}/forensics/</c>, <c>/{lang}/area/{id}/forensics/</c>) and the flags of station pages.</summary>
public static class ForensicsPages
{
    /// <summary>How many flagged stations a page lists; the JSON holds all.</summary>
    public const int Listed = 200;

    /// <summary>The address of the forensics page of <paramref name="area"/> (the election's own for the contest's area).</summary>
    public static string Path(string language, Election election, Area area) =>
        area.Id == election.DefaultContest.Contest.Area ? $"/{language}/forensics/" : SitePaths.Area(language, area) + "forensics/";

    /// <summary>The page of the main contest's official count under <paramref name="area"/>.</summary>
    public static ForensicsPage Of(Published published, Snapshot snapshot, Area area, SiteLanguage language)
    {
        var election = snapshot.Election;
        var plan = election.DefaultContest;
        var report = published.Forensics(plan, election.DefaultSource.Id, area.Id)!;
        var words = ForensicsWords.For(language.Code);
        var code = language.Code;
        string ChoiceName(ChoiceId id) => election.Choices[id].Name.In(code);
        var frame = PageFrames.Of(published, snapshot, area, language) with
        {
            Title = $"{words.Title}: {area.DisplayName(code)}",
            PathAfterLanguage = Path(code, election, area)[(code.Length + 1)..],
        };
        var percent = (double p) => p.ToString("0.0", language.Culture) + "%";
        var level = report.TestLevel.ToString("0.####", language.Culture);
        var leader = report.Leader is { } l ? ChoiceName(l) : "";
        return new ForensicsPage(
            frame,
            words,
            string.Format(language.Culture, words.BasedOnFormat, language.Number(report.Stations), language.Number(report.StationsExpected)),
            [
                new(words.Turnout, report.Turnout),
                .. report.Choices.Select(c => new IntegerTestRow(
                    string.Format(language.Culture, words.ShareOfFormat, ChoiceName(c.Choice)) + $" ({percent(c.SharePercent)})", c.Test)),
            ],
            string.Format(language.Culture, report.IntegerAlarm ? words.AlarmFormat : words.NoAlarmFormat, level),
            report.IntegerAlarm,
            ForensicsSvg.Comet(report.Distributions, words.Turnout, $"{words.LeaderShare} ({leader})", words.CometHeading),
            ForensicsSvg.Histogram(report.Distributions.Turnout, words.Turnout, words.TurnoutHistogram),
            ForensicsSvg.Histogram(report.Distributions.LeaderShare, $"{words.LeaderShare} ({leader})", words.LeaderShareHistogram),
            report.Flags.Length,
            [.. report.Flags.Take(Listed).Select(f => new FlagRow(
                election.Area(f.Station)!.DisplayName(code),
                SitePaths.Station(code, f.Station),
                percent(f.TurnoutPercent),
                percent(f.LeaderSharePercent),
                string.Join("; ", f.Reasons.Select(words.Reason))))],
            [.. report.Areas.Select(a => election.Area(a.Area)!).Zip(report.Areas).Select(p => new AreaTestRow(
                p.First.DisplayName(code), Path(code, election, p.First), p.Second.Turnout, p.Second.LeaderShare))]);
    }

    /// <summary>Why a station is flagged, in words; null when it is not.</summary>
    public static string? StationReasons(Published published, AreaId station, SiteLanguage language) =>
        published.StationFlags.TryGetValue(station, out var flag)
            ? string.Join("; ", flag.Reasons.Select(ForensicsWords.For(language.Code).Reason))
            : null;

    /// <summary>A p-value for the page: four decimals, or "&lt; 1/(replicates + 1)" at the smallest the replicates can give.</summary>
    public static string PValue(IntegerTestResult t, CultureInfo culture) =>
        t.PValue <= 1.0 / (t.Replicates + 1) ? "≤ " + t.PValue.ToString("0.####", culture) : t.PValue.ToString("0.####", culture);
}
