using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Sanoo.Core.Json;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A checked and indexed election definition: the only way to get one is through
/// <see cref="Create(ElectionDefinition)"/>, which refuses an unsound definition, so code that holds an
/// <see cref="Election"/> can trust its tree and references.
/// The tree's areas are kept in depth-first order, so every one's stations form one contiguous range
/// of station ordinals (0 … <see cref="StationCount"/> − 1); the areas of groupings follow, each with
/// its own sorted list of stations (<see cref="StationsOf"/>).
/// </summary>
public sealed class Election
{
    private readonly Dictionary<AreaId, int> _areaIndex;
    private readonly int[] _parent;
    private readonly int[] _stationStart;
    private readonly int[] _stationEnd;
    private readonly int[] _stationList;
    private readonly int[] _groupStart;
    private readonly int[] _groups;
    private readonly int[] _stationArea;
    private readonly long[] _registered;
    private readonly Dictionary<ContestId, int> _contestIndex;
    private readonly Dictionary<SourceId, int> _sourceIndex;

    private Election(ElectionDefinition definition, ElectionLayout layout, ImmutableArray<ContestPlan> contests)
    {
        Definition = definition;
        Areas = layout.Areas;
        _areaIndex = layout.AreaIndex;
        _parent = layout.Parent;
        _stationStart = layout.StationStart;
        _stationEnd = layout.StationEnd;
        _stationList = layout.StationList;
        _groupStart = layout.GroupStart;
        _groups = layout.Groups;
        _stationArea = layout.StationArea;
        _registered = layout.Registered;
        Contests = contests;
        _contestIndex = contests.Select((c, i) => (c.Contest.Id, i)).ToDictionary(p => p.Id, p => p.i);
        _sourceIndex = definition.Sources.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        ResultSources = [.. definition.Sources.Where(s => s.PartyCopy is null)];
        PartyCopies = [.. definition.Sources.Where(s => s.PartyCopy is not null)];
        Choices = definition.Choices.ToImmutableDictionary(c => c.Id);
    }

    /// <summary>The definition as written.</summary>
    public ElectionDefinition Definition { get; }

    /// <summary>The election's id.</summary>
    public ElectionId Id => Definition.Id;

    /// <summary>Every area of the tree in depth-first order, the root first; then the areas of the groupings.</summary>
    public ImmutableArray<Area> Areas { get; }

    /// <summary>The levels of the tree from the root down to the station, then the groupings.</summary>
    public ImmutableArray<AreaLevel> Levels => Definition.Levels;

    /// <summary>The level of an area.</summary>
    public AreaLevel LevelOf(Area area) => Levels[area.Level];

    /// <summary>The contests, with their compiled rules, in definition order.</summary>
    public ImmutableArray<ContestPlan> Contests { get; }

    /// <summary>The count sources in definition order.</summary>
    public ImmutableArray<CountSource> Sources => Definition.Sources;

    /// <summary>The sources whose counts are results of their own: every source but the parties' copies, in definition order.</summary>
    public ImmutableArray<CountSource> ResultSources { get; }

    /// <summary>The parties' copies of the protocols (<see cref="CountSource.PartyCopy"/>), each compared with the official count.</summary>
    public ImmutableArray<CountSource> PartyCopies { get; }

    /// <summary>The contest shown when none is asked for: the first party-list contest, else the first contest.</summary>
    public ContestPlan DefaultContest => Contests.FirstOrDefault(c => c.Contest.Kind == ContestKind.PartyList) ?? Contests[0];

    /// <summary>The source shown when none is asked for: the first official one, else the first.</summary>
    public CountSource DefaultSource => Sources.FirstOrDefault(s => s.Official) ?? Sources[0];

    /// <summary>Which two counts are compared station by station; null when the election has only one count.</summary>
    public ReconciliationRule? Reconciliation => Definition.Reconciliation ?? ReconciliationRule.DefaultFor(Definition);

    /// <summary>Every choice by id.</summary>
    public ImmutableDictionary<ChoiceId, Choice> Choices { get; }

    /// <summary>How many polling stations the election has.</summary>
    public int StationCount => _stationArea.Length;

    /// <summary>
    /// The position of an area of the election in <see cref="Areas"/>; any other id is a bug here (look it up with <see cref="TryAreaIndex"/>).
    /// </summary>
    public int AreaIndex(AreaId id) => _areaIndex[id];

    /// <summary>The position of an area in <see cref="Areas"/>, if the election has it.</summary>
    public bool TryAreaIndex(AreaId id, out int index) => _areaIndex.TryGetValue(id, out index);

    /// <summary>The parent's position of the area at <paramref name="areaIndex"/>, or -1 for the root and the areas of groupings.</summary>
    public int ParentIndex(int areaIndex) => _parent[areaIndex];

    /// <summary>Whether the area at <paramref name="areaIndex"/> belongs to a grouping rather than to the tree.</summary>
    public bool InGrouping(int areaIndex) => Levels[Areas[areaIndex].Level].Grouping;

    /// <summary>The station ordinals of any area (of the tree or of a grouping), ascending.</summary>
    public ReadOnlySpan<int> StationsOf(int areaIndex) =>
        _stationList.AsSpan(_stationStart[areaIndex], _stationEnd[areaIndex] - _stationStart[areaIndex]);

    /// <summary>The positions of the grouping areas a station belongs to (at most one per grouping).</summary>
    public ReadOnlySpan<int> GroupingAreasOf(int stationOrdinal) =>
        _groups.AsSpan(_groupStart[stationOrdinal], _groupStart[stationOrdinal + 1] - _groupStart[stationOrdinal]);

    /// <summary>Every area a station counts in: its parents in the tree up to the root, then its grouping areas.</summary>
    public List<int> AreasAbove(int stationOrdinal)
    {
        var above = new List<int>();
        for (var a = _parent[_stationArea[stationOrdinal]]; a >= 0; a = _parent[a])
        {
            above.Add(a);
        }
        above.AddRange(GroupingAreasOf(stationOrdinal));
        return above;
    }

    /// <summary>How many stations an area has.</summary>
    public int StationCountOf(int areaIndex) => _stationEnd[areaIndex] - _stationStart[areaIndex];

    /// <summary>The area position of a station ordinal.</summary>
    public int StationAreaIndex(int stationOrdinal) => _stationArea[stationOrdinal];

    /// <summary>The station of a station ordinal.</summary>
    public Area Station(int stationOrdinal) => Areas[_stationArea[stationOrdinal]];

    /// <summary>The station ordinal of a station's area position; another area is a bug here (ask <see cref="TryStationOrdinal"/>).</summary>
    public int StationOrdinal(int areaIndex) =>
        TryStationOrdinal(areaIndex, out var ordinal)
            ? ordinal
            : throw new ArgumentException($"area {Areas[areaIndex].Id} is not a station", nameof(areaIndex));

    /// <summary>The station ordinal of an area position, if the area is a station.</summary>
    public bool TryStationOrdinal(int areaIndex, out int ordinal)
    {
        ordinal = _stationStart[areaIndex];
        return Areas[areaIndex].IsStation;
    }

    /// <summary>
    /// Whether <paramref name="station"/> votes in the contest of <paramref name="plan"/>: it is a station of this election in the
    /// plan's station range.
    /// </summary>
    public bool VotesIn(AreaId station, ContestPlan plan) =>
        TryAreaIndex(station, out var index) && TryStationOrdinal(index, out var ordinal) && plan.OffsetOf(ordinal) >= 0;

    /// <summary>Voters on the lists of every station under an area (main and additional).</summary>
    public long RegisteredVoters(int areaIndex) => _registered[areaIndex];

    /// <summary>The contest with this id, or null.</summary>
    public ContestPlan? Contest(ContestId id) => _contestIndex.TryGetValue(id, out var i) ? Contests[i] : null;

    /// <summary>The position of a source of the election; any other id is a bug here (look it up with <see cref="TrySourceIndex"/>).</summary>
    public int SourceIndex(SourceId id) => _sourceIndex[id];

    /// <summary>The position of a source, if the election has it.</summary>
    public bool TrySourceIndex(SourceId id, out int index) => _sourceIndex.TryGetValue(id, out index);

    /// <summary>
    /// Where the tally keeps a station's protocol of a contest and count source: the contest's <paramref name="plan"/>, the source's
    /// position and the station's place among the contest's (<see cref="ContestPlan.OffsetOf"/>). False when the contest or source is
    /// not the election's, the area not one of its stations, or the station does not vote on the contest.
    /// </summary>
    public bool TryCountedPlace(
        AreaId station, ContestId contest, SourceId source, [NotNullWhen(true)] out ContestPlan? plan, out int sourceIndex, out int offset)
    {
        offset = -1;
        sourceIndex = -1;
        plan = Contest(contest);
        if (plan is null || !TrySourceIndex(source, out sourceIndex) || !TryAreaIndex(station, out var areaIndex)
            || !TryStationOrdinal(areaIndex, out var ordinal))
        {
            plan = null;
            return false;
        }
        offset = plan.OffsetOf(ordinal);
        if (offset < 0)
        {
            plan = null;
            return false;
        }
        return true;
    }

    /// <summary>The area with this id, or null.</summary>
    public Area? Area(AreaId id) => _areaIndex.TryGetValue(id, out var i) ? Areas[i] : null;

    /// <summary>
    /// Checks a definition's structure and references and indexes it; every problem is
    /// reported with its JSON path.
    /// </summary>
    public static DefinitionResult Create(ElectionDefinition definition) => Create(definition, []);

    internal static DefinitionResult Create(ElectionDefinition definition, IEnumerable<JsonProblem> earlier)
    {
        var problems = new List<JsonProblem>(earlier);
        DefinitionChecks.CheckUniqueIds(definition, problems);
        DefinitionChecks.CheckChoices(definition, problems);
        DefinitionChecks.CheckPartyCopies(definition, problems);
        var layout = ElectionLayout.Build(definition, problems);
        var contests = DefinitionChecks.PlanContests(definition, layout, problems);
        if (problems.Count > 0 || layout is null)
        {
            return new DefinitionResult.Invalid([.. problems]);
        }
        return new DefinitionResult.Loaded(new Election(definition, layout, contests));
    }
}
