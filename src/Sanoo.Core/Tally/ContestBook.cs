using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// The running sums of one contest and one count source: the version each station has counted (an index into the versions kept,
/// <see cref="Kept"/>), and for each tally area (in <see cref="ContestPlan.TallyAreas"/> order) its summed figures,
/// stations reporting, voters covered and protocols flagged. Mutable; owned by one engine.
/// </summary>
internal sealed class ContestBook
{
    public ContestBook(ContestPlan plan, ContestLayout layout, CountedFigures kept)
    {
        Plan = plan;
        Layout = layout;
        Kept = kept;
        Width = plan.Form.Lines.Length + plan.Choices.Length;
        Current = new CopyOnWriteArray<int>(plan.StationCount);
        CurrentFlagged = new CopyOnWriteArray<bool>(plan.StationCount);
        Sums = new long[plan.TallyAreas.Length * Width];
        Reporting = new int[plan.TallyAreas.Length];
        Covered = new long[plan.TallyAreas.Length];
        Flagged = new int[plan.TallyAreas.Length];
    }

    private ContestBook(ContestBook other)
    {
        ChangedSincePrevious = other.Changed.Overflowed ? null : [.. other.Changed.Offsets];
        Plan = other.Plan;
        Layout = other.Layout;
        Kept = other.Kept;
        Width = other.Width;
        Current = other.Current.Copy();
        CurrentFlagged = other.CurrentFlagged.Copy();
        Sums = (long[])other.Sums.Clone();
        Reporting = (int[])other.Reporting.Clone();
        Covered = (long[])other.Covered.Clone();
        Flagged = (int[])other.Flagged.Clone();
    }

    public ContestPlan Plan { get; }

    public ContestLayout Layout { get; }

    /// <summary>Every version the contest and source counted, shared by the engine's book and every frozen copy (append-only).</summary>
    public CountedFigures Kept { get; }

    /// <summary>Figures per area: the form's lines, then the votes.</summary>
    public int Width { get; }

    /// <summary>
    /// Per station, by its place among the contest's (ContestPlan.OffsetOf): the index of its counted version in <see cref="Kept"/>
    /// plus one; 0 for none. Read through <see cref="CountedAt"/>.
    /// </summary>
    public CopyOnWriteArray<int> Current { get; }

    public CopyOnWriteArray<bool> CurrentFlagged { get; }

    public long[] Sums { get; }

    public int[] Reporting { get; }

    public long[] Covered { get; }

    public int[] Flagged { get; }

    /// <summary>Of the engine's book: the stations whose current protocol changed since the last freeze.</summary>
    public ChangedStations Changed { get; } = new();

    /// <summary>
    /// Of a frozen book: the offsets of the stations whose protocol changed since the freeze before it, which may repeat; null when not
    /// known (too many, or the first freeze).
    /// </summary>
    public int[]? ChangedSincePrevious { get; }

    /// <summary>
    /// Of a frozen book, once checked: what its stations alone add to each tally area (sums, reporting, voters covered), which the
    /// next snapshot's check updates by the stations changed since instead of adding every station again.
    /// </summary>
    public StationPart? Stations { get; set; }

    /// <summary>A copy for a snapshot: the sums and which version each station has counted (the versions kept are append-only and
    /// shared, and so are the chunks of stations that did not change since).</summary>
    public ContestBook FreezeSums()
    {
        var frozen = new ContestBook(this);
        Changed.Clear();
        return frozen;
    }

    /// <summary>The index in <see cref="Kept"/> of the version counted for the station at <paramref name="offset"/>; −1 for none.</summary>
    public int CountedAt(int offset) => Current[offset] - 1;

    /// <summary>The version counted for the station at <paramref name="offset"/>, if any.</summary>
    public CountedRef? RefAt(int offset) => Current[offset] - 1 is var index and >= 0 ? new CountedRef(Kept, index) : null;

    /// <summary>Adds (sign 1) or removes (sign −1) a station's figures along its path to the contest's area.</summary>
    public void Apply(int stationOffset, ReadOnlySpan<int> lines, ReadOnlySpan<int> votes, bool flagged, long voters, int sign)
    {
        foreach (var slot in Layout.PathOf(stationOffset))
        {
            var sums = Sums.AsSpan(slot * Width, Width);
            for (var i = 0; i < lines.Length; i++)
            {
                sums[i] += sign * lines[i];
            }
            var voteSums = sums[lines.Length..];
            for (var i = 0; i < votes.Length; i++)
            {
                voteSums[i] += sign * votes[i];
            }
            Reporting[slot] += sign;
            Covered[slot] += sign * voters;
            Flagged[slot] += flagged ? sign : 0;
        }
    }
}
