using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// The sums for one contest, one count source and one area, with reporting progress.
/// Units: ballots and votes (64-bit). Invariants checked on every snapshot: the form's
/// error-level relations hold for these sums, votes(*) ≤ participation, reporting ≤ expected.
/// </summary>
/// <param name="Area">The area.</param>
/// <param name="Lines">The form's lines summed over the stations counted, in form order.</param>
/// <param name="Votes">Votes per choice, in ballot order.</param>
/// <param name="Participation">Voters who took part (the form's participation expression on the sums).</param>
/// <param name="StationsReporting">Stations whose protocol is counted.</param>
/// <param name="StationsExpected">Stations that vote on the contest in this area.</param>
/// <param name="RegisteredCovered">Voters on the lists of the reporting stations.</param>
/// <param name="RegisteredTotal">Voters on the lists of every station in the area.</param>
/// <param name="Flagged">Counted protocols that break a warning-level relation.</param>
public sealed record AreaTally(
    AreaId Area,
    ImmutableArray<long> Lines,
    ImmutableArray<long> Votes,
    long Participation,
    int StationsReporting,
    int StationsExpected,
    long RegisteredCovered,
    long RegisteredTotal,
    int Flagged)
{
    /// <summary>The sum of all votes.</summary>
    public long TotalVotes => Votes.Sum();

    /// <summary>The votes of the choice at <paramref name="choice"/> in percent of the voters who took part, to 4 decimals (0 before any
    /// count): the share every page, the API and the verifier show.</summary>
    public decimal SharePercent(int choice) => Participation == 0 ? 0 : Math.Round(100m * Votes[choice] / Participation, 4);
}
