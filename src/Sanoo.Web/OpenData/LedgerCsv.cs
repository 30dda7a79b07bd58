using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The discrepancy ledger as CSV: one row per station and contest with at least one count in,
/// its class, the versions compared, and the difference (second − first) on every line and
/// choice (empty where the contest has no such line or choice, or a count is missing). The parties' copies follow the
/// commission's counts, one row per station and contest with a copy (<c>first_source</c> names the copy).
/// </summary>
public static class LedgerCsv
{
    /// <summary>Writes the whole of every ledger: the commission's counts, then each party's copy.</summary>
    public static void Write(TextWriter writer, Election election, IEnumerable<Ledger> ledgers)
    {
        var csv = new Csv(writer);
        var columns = new FigureColumns(election);
        csv.Row(new object?[]
        {
            "station", "district", "contest", "class", "first_source", "second_source",
            "first_version", "second_version", "votes_apart", "largest_difference",
        }.Concat(columns.Header));
        foreach (var ledger in ledgers)
        {
            var copy = election.Sources[election.SourceIndex(ledger.Rule.First)].PartyCopy is not null;
            // A party's copy is listed where it exists: the stations with only the official count are every station it lacks.
            Write(csv, columns, election, ledger, ledger.Stations.Where(s => !copy || s.First is not null));
        }
    }

    private static void Write(Csv csv, FigureColumns columns, Election election, Ledger ledger, IEnumerable<StationComparison> stations)
    {
        foreach (var s in stations)
        {
            var plan = election.Contest(s.Contest)!;
            var compared = s.Class != ReconciliationClass.OneSideMissing;
            csv.Field(s.Station.Value).Field(election.Area(s.Station)!.Parent?.Value).Field(s.Contest.Value).Field(Name(s.Class))
                .Field(ledger.Rule.First.Value).Field(ledger.Rule.Second.Value).Field(s.First?.Version).Field(s.Second?.Version)
                .Field(compared ? s.VotesApart : null).Field(compared ? s.Largest : null);
            if (compared)
            {
                columns.Write(csv, plan, s, static (s, i) => s.LineDifference(i), static (s, i) => s.VoteDifference(i));
            }
            else
            {
                columns.Write(csv, plan, s, static (_, _) => null, static (_, _) => null);
            }
            csv.End();
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
