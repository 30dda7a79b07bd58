using Sanoo.Contracts;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds what the server publishes to the verifier's replay at the same snapshot: every contest's votes and stations reporting at
/// every area it is tallied in (against the replay's own running sums, <see cref="AreaSums"/>), every other figure of those
/// results (<see cref="ResultFigures"/>: seats, thresholds, shares, winners, recomputed from the verified protocols), and the
/// main contest's count through the night (recomputed from the counted versions' received times). Each round reads every area's
/// published results once: a request per contest, source and area. A published folder's results of an area may be of an earlier
/// snapshot than its head (a refresh writes only the areas whose figures changed); they are held to the head's figures all the
/// same.
/// </summary>
internal static class PublishedComparison
{
    /// <summary>Compares every published total and figure with the replay's.</summary>
    /// <returns>False when the server published a newer snapshot meanwhile (nothing can be compared; check again).</returns>
    public static async Task<bool> TotalsAsync(
        VerifyCommand.IPublished origin, LogReplay replay, long size, List<string> problems, CancellationToken cancellationToken)
    {
        var election = replay.Election;
        var verified = replay.Verified;
        foreach (var plan in election.Contests)
        {
            var slots = plan.TallyAreas.Select((area, slot) => (Area: election.Areas[area].Id.Value, Slot: slot))
                .ToDictionary(a => a.Area, a => a.Slot, StringComparer.Ordinal);
            for (var s = 0; s < election.ResultSources.Length; s++)
            {
                var source = election.ResultSources[s];
                void Compare(string where, string area, int stations, IReadOnlyList<long> votes)
                {
                    if (!slots.TryGetValue(area, out var slot))
                    {
                        problems.Add($"{where}: lists area {area}, which the contest is not tallied in");
                        return;
                    }
                    var own = replay.Sums.Of(plan, s, slot);
                    if (stations != own.Stations)
                    {
                        problems.Add($"{where}: {stations} stations published as reporting, {own.Stations} counted in the log");
                    }
                    for (var i = 0; i < plan.Choices.Length; i++)
                    {
                        var published = i < votes.Count ? votes[i] : -1;
                        if (published != own.Votes.Span[i])
                        {
                            problems.Add($"{where}: {plan.Choices[i].Id} is published with {published:N0} votes, "
                                + $"but the station protocols add up to {own.Votes.Span[i]:N0}");
                        }
                    }
                }
                foreach (var areaIndex in plan.TallyAreas)
                {
                    var area = election.Areas[areaIndex].Id.Value;
                    var query = $"/api/v1/results?contest={plan.Contest.Id}&source={source.Id}&area={area}";
                    var published = await origin.JsonAsync(query, WireJson.Default.AreaResults, cancellationToken);
                    // A published folder keeps an area's results from the snapshot that last changed them: their figures must still be
                    // those of the head's size. A server answers at its latest snapshot, which may be newer than the head read.
                    if (origin.Live ? published.Snapshot != size : published.Snapshot > size)
                    {
                        return false;
                    }
                    var here = $"{plan.Contest.Id}/{source.Id}/{area}";
                    Compare(
                        here,
                        area,
                        published.Reporting.Stations,
                        [.. plan.Choices.Select(c => published.Choices.FirstOrDefault(p => p.Id == c.Id.Value)?.Votes ?? -1)]);
                    foreach (var child in published.Children.Concat(published.Groupings))
                    {
                        Compare($"{here}, its listed area {child.Id}", child.Id, child.Reporting.Stations, child.Votes);
                    }
                    ResultFigures.Compare(here, published, plan, source.Id, verified, problems);
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Recomputes the main contest's count through the night over its whole area from the replay's counted versions and their
    /// received times (docs/site.md), and compares every point of every count source with what the server publishes at the same
    /// snapshot.
    /// </summary>
    /// <returns>False when the server published a newer snapshot meanwhile.</returns>
    public static async Task<bool> ProgressAsync(
        VerifyCommand.IPublished origin, LogReplay replay, long size, List<string> problems, CancellationToken cancellationToken)
    {
        var election = replay.Election;
        var plan = election.DefaultContest;
        var area = plan.Contest.Area;
        var published = await origin.JsonAsync(
            $"/api/v1/progress?contest={plan.Contest.Id}&area={area}", WireJson.Default.ProgressReport, cancellationToken);
        if (published.Snapshot != size)
        {
            return false;
        }
        var verified = replay.Verified;
        foreach (var source in election.ResultSources)
        {
            var mine = Core.Progress.NightProgress.Of(verified, plan, source.Id, area, replay.Counted)!;
            var where = $"progress {plan.Contest.Id}/{source.Id}/{area}";
            if (published.Sources.FirstOrDefault(s => s.Source == source.Id.Value) is not { } theirs)
            {
                problems.Add($"{where}: not published");
                continue;
            }
            if (theirs.BinSeconds != mine.BinSeconds || theirs.Points.Count != mine.Points.Length)
            {
                problems.Add($"{where}: published as {theirs.Points.Count} points of {theirs.BinSeconds} s, "
                    + $"the log's versions and times give {mine.Points.Length} of {mine.BinSeconds} s");
                continue;
            }
            var differs = mine.Points.Select((p, i) => (Mine: p, Theirs: theirs.Points[i])).FirstOrDefault(pair =>
                pair.Mine.At != pair.Theirs.At || pair.Mine.StationsReporting != pair.Theirs.Reporting
                || pair.Mine.Participation != pair.Theirs.Participation || !pair.Mine.Votes.SequenceEqual(pair.Theirs.Votes));
            if (differs.Mine is { } point)
            {
                problems.Add($"{where}: the point at {point.At:O} is published as {differs.Theirs.Reporting} stations and "
                    + $"{differs.Theirs.Participation:N0} voters; the log gives {point.StationsReporting} and {point.Participation:N0}");
            }
        }
        return true;
    }
}
