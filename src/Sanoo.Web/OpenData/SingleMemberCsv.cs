using Sanoo.Contracts;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The single-member districts' page's <c>data.csv</c>: one row per contest, its outcome in the count its page takes the winner
/// from, the winner and the runner-up with their votes and the margin (empty where there is none).
/// </summary>
public static class SingleMemberCsv
{
    /// <summary>The header.</summary>
    public static readonly string[] Columns =
    [
        "contest_id", "contest_name", "area_id", "source_id", "source_official", "stations_reporting", "stations_expected", "outcome",
        "winner_id", "winner_name", "winner_party_id", "winner_votes", "runner_up_id", "runner_up_name", "runner_up_party_id",
        "runner_up_votes", "margin_votes", "snapshot",
    ];

    /// <summary>Writes a row per contest of <paramref name="districts"/>, of the snapshot at <paramref name="snapshot"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<DistrictResult> districts, long snapshot)
    {
        var csv = new Csv(writer);
        csv.Row(Columns);
        foreach (var d in districts)
        {
            csv.Row([
                d.Contest, d.Name, d.Area, d.Source, d.Official, d.Reporting, d.Expected, d.Outcome,
                d.Winner?.Id, d.Winner?.Name, d.Winner?.Party, d.Winner?.Votes,
                d.RunnerUp?.Id, d.RunnerUp?.Name, d.RunnerUp?.Party, d.RunnerUp?.Votes,
                d.Margin, snapshot,
            ]);
        }
    }
}
