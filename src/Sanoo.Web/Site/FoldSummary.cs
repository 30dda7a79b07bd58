using System.Globalization;

namespace Sanoo.Web.Site;

/// <summary>
/// What a reader needs before scrolling, in words of the page's language: who leads and by how much, the leader's seats (marked
/// projected until the official count is complete), how much of the count is in, and as of when in the election's time zone.
/// </summary>
/// <param name="Leader">The leading choice's name; null before any vote is counted.</param>
/// <param name="LeaderShare">Its share, formatted.</param>
/// <param name="Color">Its colour.</param>
/// <param name="Seats">"15 of 54 seats", where the contest's seats are shown; else null.</param>
/// <param name="Projected">Whether the seats are a projection: the official count is not complete.</param>
/// <param name="Counted">How much is counted.</param>
/// <param name="CountName">By which count (the one the leader and the seats come from).</param>
/// <param name="AsOf">"as of 21:40" in the election's time zone (or UTC, saying so).</param>
/// <param name="At">The same instant, for the <c>datetime</c> attribute.</param>
public sealed record FoldSummary(
    string? Leader, string? LeaderShare, string? Color, string? Seats, bool Projected, string Counted, string CountName, string AsOf,
    DateTimeOffset At)
{
    /// <summary>The summary of <paramref name="contest"/> as published at <paramref name="at"/>.</summary>
    public static FoldSummary Of(ContestResult contest, DateTimeOffset at, string? timeZone, DateOnly electionDay, SiteLanguage language)
    {
        var words = FoldWords.For(language.Code);
        var p = contest.Primary;
        var source = contest.Sources[p];
        var leader = contest.Rows.Where(r => r.Votes[p] > 0).OrderByDescending(r => r.Votes[p]).ThenBy(r => r.BallotNumber).FirstOrDefault();
        var total = contest.Seats.Sum(s => s.Seats);
        var seats = leader is { Seats: { } won } && total > 0
            ? string.Format(language.Culture, words.LeaderSeatsFormat, language.Number(won), language.Number(total))
            : null;
        var counted = string.Format(
            language.Culture,
            words.CountedFormat,
            language.Percent(source.Expected == 0 ? 0 : Math.Floor(source.Reporting * 1000m / source.Expected) / 10m, 1));
        return new FoldSummary(
            leader?.Name,
            leader is null ? null : language.Percent(leader.Share[p]),
            leader?.Color,
            seats,
            seats is not null && !(source.Official && source.Reporting == source.Expected),
            counted,
            source.Name,
            string.Format(language.Culture, words.AsOfFormat, LocalTime(at, timeZone, electionDay)),
            at);
    }

    /// <summary>
    /// <paramref name="at"/> as the commission writes times, "21:40", in <paramref name="timeZone"/> (an IANA id); with the date
    /// (28.11.2021 21:40) when it is not election day there; in UTC, saying so, when the definition names no zone or this machine
    /// does not know it.
    /// </summary>
    public static string LocalTime(DateTimeOffset at, string? timeZone, DateOnly electionDay)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : null;
        var local = zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
        var text = local.ToString(
            DateOnly.FromDateTime(local.DateTime) == electionDay ? "HH:mm" : "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        return zone is null ? text + " UTC" : text;
    }

    /// <summary>
    /// <paramref name="at"/> to the second with its date, in <paramref name="timeZone"/> with the zone's offset from UTC stated
    /// ("2021-11-28 21:40:05 UTC+06:00"); in UTC, saying so, when the definition names no zone or this machine does not know it.
    /// </summary>
    public static string Stamp(DateTimeOffset at, string? timeZone)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : null;
        var local = zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset == TimeSpan.Zero ? "UTC"
            : "UTC" + (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return $"{local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {offset}";
    }
}
