using Microsoft.AspNetCore.Http;
using Sanoo.Core.Definitions;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The contest and count source a public read names in its query (<c>?contest=</c>, <c>?source=</c>; by default the party-list
/// contest and the official count), or the 404 problem that says which is unknown: shared by the results and the forensics.
/// </summary>
public static class CountQuery
{
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
