using System.Globalization;
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
    /// <remarks>
    /// A district's page has a row per station, source and choice (some 29,000 at 700 stations, 2 sources, 21 choices), written by the server for
    /// each request and by the verifier again to compare: the fields a row shares with the other choices of its area (the area, the
    /// contest, the source, the progress and totals) and those a choice shares with the other areas are written once, then copied.
    /// </remarks>
    public static void Write(TextWriter writer, Snapshot snapshot, Area area, string language)
    {
        var csv = new Csv(writer);
        csv.Row(Columns);
        var election = snapshot.Election;
        var contests = election.Contests.Where(c => snapshot.Tally(c.Contest.Id, election.ResultSources[0].Id, area.Id) is not null
            && (c == election.DefaultContest || c.Contest.Area == area.Id)).ToList();
        var areas = new[] { area }.Concat(AreaPages.ChildrenOf(election, area.Id)).ToList();
        var context = new StringWriter(CultureInfo.InvariantCulture);
        var position = Csv.Fields(f => f.Field(snapshot.Position));
        foreach (var plan in contests)
        {
            var contestName = plan.Contest.Name.In(language);
            var choices = plan.Choices
                .Select(c => Csv.Fields(f => f.Field(c.Id.Value).Field(c.Name.In(language)).Field(c.BallotNumber))).ToArray();
            foreach (var row in areas.Where(a => a == area || plan == contests[0]))
            {
                var (name, level) = (row.DisplayName(language), election.LevelOf(row).Id);
                foreach (var source in election.ResultSources)
                {
                    if (AreaFigures.Of(snapshot, plan, source, row) is not { } t)
                    {
                        continue;
                    }
                    context.GetStringBuilder().Clear();
                    new Csv(context).Field(row.Id.Value).Field(name).Field(level).Field(plan.Contest.Id.Value).Field(contestName)
                        .Field(source.Id.Value).Field(source.Official).Field(t.StationsReporting).Field(t.StationsExpected)
                        .Field(t.RegisteredCovered).Field(t.RegisteredTotal).Field(t.Participation).Field(t.TotalVotes);
                    for (var i = 0; i < plan.Choices.Length; i++)
                    {
                        csv.Fields(context.GetStringBuilder()).Fields(choices[i]).Field(t.Votes[i])
                            .Hundredths(Shares.Hundredths(t.Votes[i], t.Participation)).Fields(position).End();
                    }
                }
            }
        }
    }
}
