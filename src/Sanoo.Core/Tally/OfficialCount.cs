using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>How far one contest's official count is: stations counted out of those voting on it.</summary>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The official count source.</param>
/// <param name="Reporting">Stations whose official protocol is counted.</param>
/// <param name="Expected">Stations that vote on the contest.</param>
public sealed record ContestProgress(ContestId Contest, SourceId Source, int Reporting, int Expected)
{
    /// <summary>Whether every station's official protocol is counted.</summary>
    public bool Complete => Reporting == Expected;
}

/// <summary>The progress of the official count (the legally binding source) in a snapshot: what the stage of the count and certification rest
/// on.</summary>
public static class OfficialCount
{
    /// <summary>Each contest's official progress at its own area, for every official source; empty when the election declares none.</summary>
    public static IReadOnlyList<ContestProgress> Of(Snapshot snapshot) =>
    [
        .. snapshot.Election.Sources.Where(s => s.Official).SelectMany(source => snapshot.Election.Contests.Select(plan =>
        {
            var tally = snapshot.Tally(plan.Contest.Id, source.Id, plan.Contest.Area)!;
            return new ContestProgress(plan.Contest.Id, source.Id, tally.StationsReporting, tally.StationsExpected);
        })),
    ];
}
