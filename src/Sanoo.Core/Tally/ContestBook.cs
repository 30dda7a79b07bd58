using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tally;

/// <summary>
/// The running sums of one contest and one count source: the current protocol of each station,
/// and for each tally area (in <see cref="ContestPlan.TallyAreas"/> order) its summed figures,
/// stations reporting, voters covered and protocols flagged. Mutable; owned by one engine.
/// </summary>
internal sealed class ContestBook
{
    public ContestBook(ContestPlan plan, ContestLayout layout)
    {
        Plan = plan;
        Layout = layout;
        Width = plan.Form.Lines.Length + plan.Choices.Length;
        Current = new Protocol?[plan.StationCount];
        CurrentFlagged = new bool[plan.StationCount];
        Sums = new long[plan.TallyAreas.Length * Width];
        Reporting = new int[plan.TallyAreas.Length];
        Covered = new long[plan.TallyAreas.Length];
        Flagged = new int[plan.TallyAreas.Length];
    }

    private ContestBook(ContestBook other)
    {
        Plan = other.Plan;
        Layout = other.Layout;
        Width = other.Width;
        Current = (Protocol?[])other.Current.Clone();
        CurrentFlagged = (bool[])other.CurrentFlagged.Clone();
        Sums = (long[])other.Sums.Clone();
        Reporting = (int[])other.Reporting.Clone();
        Covered = (long[])other.Covered.Clone();
        Flagged = (int[])other.Flagged.Clone();
    }

    public ContestPlan Plan { get; }

    public ContestLayout Layout { get; }

    /// <summary>Figures per area: the form's lines, then the votes.</summary>
    public int Width { get; }

    /// <summary>Current protocol per station, indexed by the station's place among the contest's (ContestPlan.OffsetOf).</summary>
    public Protocol?[] Current { get; }

    public bool[] CurrentFlagged { get; }

    public long[] Sums { get; }

    public int[] Reporting { get; }

    public long[] Covered { get; }

    public int[] Flagged { get; }

    /// <summary>A copy for a snapshot: the sums and which protocol each station has counted (the protocols themselves are immutable and
    /// shared).</summary>
    public ContestBook FreezeSums() => new(this);

    /// <summary>Adds (sign 1) or removes (sign −1) a station's protocol along its path to the contest's area.</summary>
    public void Apply(int stationOffset, Protocol protocol, bool flagged, long voters, int sign)
    {
        var lines = protocol.Lines.AsSpan();
        var votes = protocol.Votes.AsSpan();
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
