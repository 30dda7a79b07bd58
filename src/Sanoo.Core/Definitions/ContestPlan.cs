using System.Collections.Immutable;
using Sanoo.Core.Rules;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A contest as the tally works with it: its choices and form lines resolved to positions,
/// its relations compiled, and the range of stations (in the election's station order) that
/// vote on it.
/// </summary>
public sealed class ContestPlan
{
    internal ContestPlan(
        Contest contest,
        int index,
        int areaIndex,
        ImmutableArray<Choice> choices,
        ProtocolForm form,
        ControlRules rules,
        int stationStart,
        int stationEnd,
        ImmutableArray<int> tallyAreas)
    {
        Contest = contest;
        Index = index;
        AreaIndex = areaIndex;
        Choices = choices;
        Form = form;
        Rules = rules;
        StationStart = stationStart;
        StationEnd = stationEnd;
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

    /// <summary>First station ordinal that votes on the contest.</summary>
    public int StationStart { get; }

    /// <summary>One past the last station ordinal that votes on the contest.</summary>
    public int StationEnd { get; }

    /// <summary>How many stations vote on the contest.</summary>
    public int StationCount => StationEnd - StationStart;

    /// <summary>The areas (not stations) for which this contest is tallied: its area and everything between it and the stations, in tree
    /// order.</summary>
    public ImmutableArray<int> TallyAreas { get; }
}
