using Microsoft.AspNetCore.Http;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The contest and count source a public read names in its query (<c>?contest=</c>, <c>?source=</c>; by default the party-list
/// contest and the official count), or the 404 problem that says which is unknown: shared by the results, the forensics and the
/// night's progress.
/// </summary>
public static class CountQuery
{
    /// <summary>
    /// The published snapshot, contest, source and area (<c>?area=</c>, by default the contest's own) a public read names; null, with
    /// <paramref name="problem"/> set, before the first snapshot (503) or when one of them is unknown or the contest is not tallied at
    /// the area (404).
    /// </summary>
    public static CountRead? Read(Published published, string? contest, string? source, string? area, out IResult? problem)
    {
        if (published.Snapshot is not { } snapshot)
        {
            problem = Problems.Unavailable("No snapshot has been published yet.");
            return null;
        }
        var election = snapshot.Election;
        if (Resolve(election, contest, source, out problem) is not { } chosen)
        {
            return null;
        }
        var (plan, countSource) = chosen;
        var at = area is null ? election.Area(plan.Contest.Area) : AreaId.TryParse(area, out var asked) ? election.Area(asked) : null;
        if (at is null || at.IsStation || snapshot.Tally(plan.Contest.Id, countSource.Id, at.Id) is null)
        {
            problem = Problems.Status(404, "Unknown area",
                $"contest '{plan.Contest.Id}' is not tallied at '{area ?? plan.Contest.Area.Value}', an area above the stations"
                + " of this election (a station's figures: /api/v1/stations/ID).");
            return null;
        }
        return new CountRead(published, snapshot, plan, countSource, at);
    }

    /// <summary>The contest and source asked for; null, with <paramref name="problem"/> set, when one is not of the election.</summary>
    public static (ContestPlan Plan, CountSource Source)? Resolve(Election election, string? contest, string? source, out IResult? problem)
    {
        var plan = contest is null ? election.DefaultContest : ContestId.TryParse(contest, out var asked) ? election.Contest(asked) : null;
        var countSource = source is null ? election.DefaultSource : election.ResultSources.FirstOrDefault(s => s.Id.Value == source);
        problem = plan is null ? Problems.Status(404, "Unknown contest", $"'{contest}' is not a contest of this election.")
            : countSource is not null ? null
            : election.PartyCopies.Any(s => s.Id.Value == source)
                ? Problems.Status(404, "Not a result", $"'{source}' is a party's copy of the protocols, not a result: it is compared with "
                    + "the official count in the discrepancy ledger (/{lang}/discrepancies/data.json, partyCopies).")
            : Problems.Status(404, "Unknown source",
                $"'{source}' is not a count source of this election (known: {string.Join(", ", election.ResultSources.Select(s => s.Id))}).");
        return problem is null ? (plan!, countSource!) : null;
    }
}

/// <summary>What a public read of a count names, resolved against the published snapshot.</summary>
/// <param name="Published">The published snapshot with what is kept with it.</param>
/// <param name="Snapshot">Its tally snapshot.</param>
/// <param name="Plan">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Area">The area, above the stations, where the contest is tallied.</param>
public sealed record CountRead(Published Published, Snapshot Snapshot, ContestPlan Plan, CountSource Source, Area Area);
