using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Seats;

/// <summary>
/// The law's minimum turnout (<see cref="Contest.MinimumTurnout"/>): the share of registered voters who must take part for the
/// contest to be valid. Registered voters are those on the lists of the stations counted, so a partial count is judged on
/// the stations it covers. Compared exactly: participation × 100 ≥ percent × registered.
/// </summary>
public static class MinimumTurnout
{
    /// <summary>The step that makes the contest invalid, or null when turnout reaches the minimum, there is none, or nothing is counted.</summary>
    public static SeatStep.TurnoutBelowMinimum? Check(Contest contest, AreaTally tally) =>
        contest.MinimumTurnout is { } percent && tally.RegisteredCovered > 0 && tally.Participation * 100m < percent * tally.RegisteredCovered
            ? new SeatStep.TurnoutBelowMinimum(percent, tally.Participation, tally.RegisteredCovered, percent * tally.RegisteredCovered / 100m)
            : null;
}
