using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The discrepancy ledger as CSV: one row per station and contest with at least one count in,
/// its class, the versions compared, and the difference (second − first) on every line and
/// choice (empty where the contest has no such line or choice, or a count is missing).
/// </summary>
public static class LedgerCsv
{
    /// <summary>Writes the whole ledger.</summary>
    public static void Write(TextWriter writer, Election election, Ledger ledger)
    {
        var csv = new Csv(writer);
        var columns = new FigureColumns(election);
        csv.Row(new object?[]
        {
            "station", "district", "contest", "class", "first_source", "second_source",
            "first_version", "second_version", "votes_apart", "largest_difference",
        }.Concat(columns.Header));
        foreach (var s in ledger.Stations)
        {
            var plan = election.Contest(s.Contest)!;
            var compared = s.Class != ReconciliationClass.OneSideMissing;
            csv.Row(new object?[]
            {
                s.Station.Value, election.Area(s.Station)!.Parent?.Value, s.Contest.Value, Name(s.Class),
                ledger.Rule.First.Value, ledger.Rule.Second.Value,
                s.First?.Version, s.Second?.Version, compared ? s.VotesApart : null, compared ? s.Largest : null,
            }.Concat(columns.Cells(plan, i => compared ? s.LineDifferences[i] : null, i => compared ? s.VoteDifferences[i] : null)));
        }
    }

    /// <summary>A class as written in open data.</summary>
    public static string Name(ReconciliationClass c) => c switch
    {
        ReconciliationClass.Match => "match",
        ReconciliationClass.WithinTolerance => "within-tolerance",
        ReconciliationClass.Discrepancy => "discrepancy",
        ReconciliationClass.OneSideMissing => "one-side-missing",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
