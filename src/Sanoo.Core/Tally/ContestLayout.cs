using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// Where each station's protocol is added in a contest: the tally-area slots of the tree from the
/// station's parent up to the contest's area, then the slots of the groupings' areas it belongs to.
/// Shared by every source of the contest.
/// </summary>
internal sealed class ContestLayout
{
    private readonly int[] _pathStart;
    private readonly int[] _groupStart;
    private readonly int[] _paths;

    public ContestLayout(Election election, ContestPlan plan)
    {
        Election = election;
        SlotOfArea = new Dictionary<int, int>(plan.TallyAreas.Length);
        for (var slot = 0; slot < plan.TallyAreas.Length; slot++)
        {
            SlotOfArea[plan.TallyAreas[slot]] = slot;
        }
        ParentSlot = plan.TallyAreas
            .Select(a => a == plan.AreaIndex || election.InGrouping(a) ? -1 : SlotOfArea[election.ParentIndex(a)])
            .ToArray();
        _pathStart = new int[plan.StationCount + 1];
        _groupStart = new int[plan.StationCount];
        var paths = new List<int>(plan.StationCount * 3);
        for (var k = 0; k < plan.StationCount; k++)
        {
            _pathStart[k] = paths.Count;
            var ordinal = plan.OrdinalAt(k);
            for (var a = election.ParentIndex(election.StationAreaIndex(ordinal)); a >= 0; a = election.ParentIndex(a))
            {
                if (SlotOfArea.TryGetValue(a, out var slot))
                {
                    paths.Add(slot);
                }
            }
            _groupStart[k] = paths.Count;
            foreach (var a in election.GroupingAreasOf(ordinal))
            {
                if (SlotOfArea.TryGetValue(a, out var slot))
                {
                    paths.Add(slot);
                }
            }
        }
        _pathStart[plan.StationCount] = paths.Count;
        _paths = [.. paths];
    }

    /// <summary>The election the layout belongs to.</summary>
    public Election Election { get; }

    /// <summary>The slot of each tally area, by area position.</summary>
    public Dictionary<int, int> SlotOfArea { get; }

    /// <summary>The slot of each slot's parent; −1 for the contest's own area and for the areas of groupings.</summary>
    public int[] ParentSlot { get; }

    /// <summary>The slots a station's figures are added to, its parent first.</summary>
    public ReadOnlySpan<int> PathOf(int stationOffset) =>
        _paths.AsSpan(_pathStart[stationOffset], _pathStart[stationOffset + 1] - _pathStart[stationOffset]);

    /// <summary>The slot of a station's parent in the tree; −1 for a contest held in an area of a grouping.</summary>
    public int TreeParentSlotOf(int stationOffset) =>
        _groupStart[stationOffset] > _pathStart[stationOffset] ? _paths[_pathStart[stationOffset]] : -1;

    /// <summary>The slots of the groupings' areas a station belongs to.</summary>
    public ReadOnlySpan<int> GroupSlotsOf(int stationOffset) =>
        _paths.AsSpan(_groupStart[stationOffset], _pathStart[stationOffset + 1] - _groupStart[stationOffset]);
}
