namespace Sanoo.Core.Reconciliation;

/// <summary>
/// How a party's copies compare with the official count over every contest: the copies entered, those compared (the official count
/// is in too), matching or differing, the votes apart, and those still waiting for the official count. Stations the party has no copy
/// of are not counted: a copy ledger is about the copies there are.
/// </summary>
/// <param name="Entered">Station and contest pairs with a copy.</param>
/// <param name="Match">Copies equal to the official count.</param>
/// <param name="Differ">Copies that differ from it.</param>
/// <param name="VotesApart">The sum of the absolute vote differences of the copies compared.</param>
/// <param name="Waiting">Copies of a station whose official count is not in yet.</param>
public sealed record CopyTotals(int Entered, int Match, int Differ, long VotesApart, int Waiting)
{
    /// <summary>Copies compared with the official count.</summary>
    public int Compared => Match + Differ;

    /// <summary>The totals of a party's ledger (its rule compares the copy, first, with the official count, second).</summary>
    public static CopyTotals Of(Ledger copy)
    {
        int entered = 0, match = 0, differ = 0, waiting = 0;
        long apart = 0;
        foreach (var s in copy.Stations)
        {
            if (s.First is null)
            {
                continue;
            }
            entered++;
            if (s.Second is null)
            {
                waiting++;
            }
            else if (s.Class == ReconciliationClass.Match)
            {
                match++;
            }
            else
            {
                differ++;
                apart += s.VotesApart;
            }
        }
        return new CopyTotals(entered, match, differ, apart, waiting);
    }
}
