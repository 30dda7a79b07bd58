using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Core.Turnout;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Turnout;

/// <summary>
/// An area's turnout through election day, from the published snapshot's turnout reports: the area at each report time, the areas
/// below it, and the cross-check with the counts: a station whose counted protocol has fewer voters taking part than its last
/// turnout report is flagged (a control relation between two of its own figures; a few ballots taken away are possible).
/// </summary>
public static class TurnoutView
{
    /// <summary>The turnout of <paramref name="area"/> (any area but a station).</summary>
    public static Wire.TurnoutArea Of(Published published, Area area) =>
        Of(published.Snapshot!, published.Turnout!, published.Acts.Turnout.Count, area);

    /// <summary>
    /// The turnout of <paramref name="area"/> (any area but a station) by the reports of <paramref name="book"/>, read from the
    /// register's first <paramref name="records"/> turnout records, flagged against the counts of <paramref name="snapshot"/>: what the
    /// server answers, and what a verifier re-adds from the register it replayed.
    /// </summary>
    public static Wire.TurnoutArea Of(Snapshot snapshot, TurnoutBook book, int records, Area area)
    {
        var election = snapshot.Election;
        var index = election.AreaIndex(area.Id);
        var children = AreaPages.ChildrenOf(election, area.Id).Where(c => !c.IsStation)
            .Select(c => new Wire.TurnoutChild(c.Id.Value, Times(book.Area(election.AreaIndex(c.Id))))).ToList();
        return new Wire.TurnoutArea(
            area.Id.Value, snapshot.Position, records, Times(book.Area(index)), children, Flags(snapshot, book, index));
    }

    /// <summary>
    /// The stations of an area whose counted protocol (of the main contest, any result source) has fewer voters than their last report.
    /// </summary>
    private static List<Wire.TurnoutFlag> Flags(Snapshot snapshot, TurnoutBook book, int areaIndex)
    {
        var election = snapshot.Election;
        var plan = election.DefaultContest;
        var flags = new List<Wire.TurnoutFlag>();
        foreach (var ordinal in election.StationsOf(areaIndex))
        {
            if (book.Latest(ordinal) is not { } latest || plan.OffsetOf(ordinal) < 0)
            {
                continue;
            }
            var station = election.Station(ordinal);
            foreach (var source in election.ResultSources)
            {
                if (AreaFigures.Of(snapshot, plan, source, station) is { StationsReporting: > 0 } counted && counted.Participation < latest.Voters)
                {
                    flags.Add(new Wire.TurnoutFlag(station.Id.Value, source.Id.Value, book.Times[latest.Time], latest.Voters, counted.Participation));
                }
            }
        }
        return flags;
    }

    private static List<Wire.TurnoutAt> Times(IReadOnlyList<AreaTurnout> times) =>
        [.. times.Select(t => new Wire.TurnoutAt(t.Time, t.Reporting, t.Stations, t.Voters, t.Registered, t.Percent))];
}
