using System.Collections.Immutable;
using Sanoo.Core.Rules;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A contest as the tally works with it: its choices and form lines resolved to positions,
/// its relations compiled, and the stations (in the election's station order) that vote on it:
/// a range for an area of the tree, a sorted list for an area of a grouping.
/// </summary>
public sealed class ContestPlan
{
    private readonly int _stationStart;
    private readonly int[]? _stationList;

    internal ContestPlan(
        Contest contest,
        int index,
        int areaIndex,
        ImmutableArray<Choice> choices,
        ProtocolForm form,
        ControlRules rules,
        int stationStart,
        int stationEnd,
        int[]? stationList,
        ImmutableArray<int> tallyAreas)
    {
        Contest = contest;
        Index = index;
        AreaIndex = areaIndex;
        Choices = choices;
        Form = form;
        Rules = rules;
        _stationStart = stationStart;
        _stationList = stationList;
        StationCount = stationList?.Length ?? stationEnd - stationStart;
        TallyAreas = tallyAreas;
        ChoiceIndex = choices.Select((c, i) => (c.Id, i)).ToImmutableDictionary(p => p.Id, p => p.i);
        LineIndex = form.Lines.Select((l, i) => (l.Id, i)).ToImmutableDictionary(p => p.Id, p => p.i);
    }

    /// <summary>The public seed of this contest's tie-break lottery: "election/contest" (docs/seats.md).</summary>
    public string TieSeed { get; init; } = "";

    /// <summary>The contest as defined.</summary>
    public Contest Contest { get; }

    /// <summary>Its position in <see cref="Election.Contests"/>.</summary>
    public int Index { get; }

    /// <summary>The position of its area in <see cref="Election.Areas"/>.</summary>
    public int AreaIndex { get; }

    /// <summary>The choices in ballot order; a protocol's votes are in this order.</summary>
    public ImmutableArray<Choice> Choices { get; }

    /// <summary>Position of each choice in <see cref="Choices"/>.</summary>
    public ImmutableDictionary<ChoiceId, int> ChoiceIndex { get; }

    /// <summary>The protocol form.</summary>
    public ProtocolForm Form { get; }

    /// <summary>Position of each line in the form.</summary>
    public ImmutableDictionary<LineId, int> LineIndex { get; }

    /// <summary>The compiled control relations and participation.</summary>
    public ControlRules Rules { get; }

    /// <summary>How many stations vote on the contest.</summary>
    public int StationCount { get; }

    /// <summary>
    /// The areas (not stations) for which this contest is tallied: its area and everything between it and the stations, in tree
    /// order, then the areas of groupings whose stations all vote on it. For a contest held in an area of a grouping: that area.
    /// </summary>
    public ImmutableArray<int> TallyAreas { get; }

    /// <summary>A station's place among the contest's stations (0 … <see cref="StationCount"/> − 1), or −1 where it does not vote
    /// on the contest.</summary>
    public int OffsetOf(int stationOrdinal)
    {
        if (_stationList is null)
        {
            var offset = stationOrdinal - _stationStart;
            return offset >= 0 && offset < StationCount ? offset : -1;
        }
        var found = Array.BinarySearch(_stationList, stationOrdinal);
        return found >= 0 ? found : -1;
    }

    /// <summary>The station ordinal at a place among the contest's stations.</summary>
    public int OrdinalAt(int offset) => _stationList is null ? _stationStart + offset : _stationList[offset];
}
