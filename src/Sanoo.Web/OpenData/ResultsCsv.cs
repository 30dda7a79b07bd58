using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.Site;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The open data of an area page as CSV: one row per area, contest, source and choice, for the
/// page's area and every area (or station) below it, with the progress and totals repeated on
/// each row so that any row can be read alone and any filter in a spreadsheet keeps its context.
/// </summary>
public static class ResultsCsv
{
    /// <summary>The header.</summary>
    public static readonly string[] Columns =
    [
        "area_id", "area_name", "area_kind", "contest_id", "contest_name", "source_id", "source_official",
        "stations_reporting", "stations_expected", "registered_covered", "registered_total", "participation", "valid",
        "choice_id", "choice_name", "ballot_number", "votes", "share_of_participation_percent", "snapshot",
    ];

    /// <summary>Writes the rows of the page of <paramref name="area"/>.</summary>
    public static void Write(TextWriter writer, Snapshot snapshot, Area area, string language)
    {
        var csv = new Csv(writer);
        csv.Row(Columns);
        var election = snapshot.Election;
        var contests = election.Contests.Where(c => snapshot.Tally(c.Contest.Id, election.ResultSources[0].Id, area.Id) is not null
            && (c == election.DefaultContest || c.Contest.Area == area.Id)).ToList();
        var areas = new[] { area }.Concat(AreaPages.ChildrenOf(election, area.Id)).ToList();
        foreach (var plan in contests)
        {
            var contestName = plan.Contest.Name.In(language);
            foreach (var row in areas.Where(a => a == area || plan == contests[0]))
            {
                var (name, level) = (row.DisplayName(language), election.LevelOf(row).Id);
                foreach (var source in election.ResultSources)
                {
                    if (AreaFigures.Of(snapshot, plan, source, row) is not { } t)
                    {
                        continue;
                    }
                    for (var i = 0; i < plan.Choices.Length; i++)
                    {
                        var choice = plan.Choices[i];
                        csv.Field(row.Id.Value).Field(name).Field(level).Field(plan.Contest.Id.Value).Field(contestName)
                            .Field(source.Id.Value).Field(source.Official).Field(t.StationsReporting).Field(t.StationsExpected)
                            .Field(t.RegisteredCovered).Field(t.RegisteredTotal).Field(t.Participation).Field(t.TotalVotes)
                            .Field(choice.Id.Value).Field(choice.Name.In(language)).Field(choice.BallotNumber).Field(t.Votes[i])
                            .Field(ContestResults.ShareOf(t.Votes[i], t.Participation)).Field(snapshot.Position)
                            .End();
                    }
                }
            }
        }
    }
}
