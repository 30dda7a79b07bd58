using Sanoo.Cli.Input;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Output;

/// <summary>
/// Everything <c>sanoo tally</c> shows, from one snapshot: the area's tally for one contest and
/// source, the seats or the winner, and the account of the lines read. The terminal and the JSON
/// output render this same view.
/// </summary>
/// <param name="Election">The election.</param>
/// <param name="Plan">The contest shown.</param>
/// <param name="Source">The count source shown.</param>
/// <param name="Area">The area shown.</param>
/// <param name="Tally">Its tally.</param>
/// <param name="Seats">Seats, for a party-list contest shown at its own area.</param>
/// <param name="Winner">The outcome, for a single-member contest shown at its own area.</param>
/// <param name="Load">What reading the files did.</param>
/// <param name="Snapshot">The snapshot every number comes from.</param>
/// <param name="Language">The language for names.</param>
public sealed record TallyView(
    Election Election,
    ContestPlan Plan,
    CountSource Source,
    Area Area,
    AreaTally Tally,
    SeatAllocation? Seats,
    SingleMemberResult? Winner,
    LoadReport Load,
    Snapshot Snapshot,
    string Language)
{
    /// <summary>The choices with their votes, most votes first (ballot order among equals).</summary>
    public IEnumerable<(Choice Choice, long Votes)> Ranked() =>
        Plan.Choices.Select((c, i) => (c, Tally.Votes[i])).OrderByDescending(p => p.Item2).ThenBy(p => p.c.BallotNumber ?? int.MaxValue);
}
