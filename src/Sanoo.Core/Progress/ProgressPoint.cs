using System.Collections.Immutable;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Progress;

/// <summary>
/// An area's count as it was known at one moment of the night: the sums of the versions counted by then, corrections as they stood
/// then. Units: stations, voters and votes; <see cref="At"/> is the time the last of those versions was received.
/// Invariant: every choice's votes, and their sum, are at most <see cref="Participation"/> (the versions counted satisfy the
/// form's error-level relations, which are linear), so no share exceeds 100%.
/// </summary>
/// <param name="At">When the newest version counted in this point was received.</param>
/// <param name="StationsReporting">Stations with a counted protocol by then.</param>
/// <param name="Participation">Voters who took part at those stations (the form's participation expression on the sums).</param>
/// <param name="Votes">Votes per choice, in ballot order.</param>
public sealed record ProgressPoint(DateTimeOffset At, int StationsReporting, long Participation, ImmutableArray<long> Votes)
{
    /// <summary>
    /// A choice's share of the voters who took part, in percent, rounded down to 2 decimals (as the results pages round it, so the
    /// shares never add up to more than the whole); 0 before anyone is counted.
    /// </summary>
    public decimal Share(int choice) => Shares.Percent(Votes[choice], Participation);
}
