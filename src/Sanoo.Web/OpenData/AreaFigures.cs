using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Web.OpenData;

/// <summary>
/// One contest, source and area's figures from a snapshot, stations included (a station's are
/// those of the protocol it had counted), so open data reads areas and stations alike.
/// </summary>
public static class AreaFigures
{
    /// <summary>The figures, or null when the contest is not voted on in the area.</summary>
    public static AreaTally? Of(Snapshot snapshot, ContestPlan plan, CountSource source, Area area)
    {
        if (!area.IsStation)
        {
            return snapshot.Tally(plan.Contest.Id, source.Id, area.Id);
        }
        var election = snapshot.Election;
        var ordinal = election.StationOrdinal(election.AreaIndex(area.Id));
        if (plan.OffsetOf(ordinal) < 0)
        {
            return null;
        }
        var counted = snapshot.Counted(area.Id, plan.Contest.Id, source.Id);
        if (counted is null)
        {
            return new AreaTally(area.Id, [.. new long[plan.Form.Lines.Length]], [.. new long[plan.Choices.Length]], 0, 0, 1, 0, area.Roll!.Total, 0);
        }
        return new AreaTally(
            area.Id,
            [.. counted.Lines.Select(v => (long)v)],
            [.. counted.Votes.Select(v => (long)v)],
            plan.Rules.Participation.Evaluate(counted.Lines.AsSpan(), counted.Votes.AsSpan()),
            1,
            1,
            area.Roll!.Total,
            area.Roll.Total,
            plan.Rules.Check(counted.Lines.AsSpan(), counted.Votes.AsSpan()).IsEmpty ? 0 : 1);
    }
}
