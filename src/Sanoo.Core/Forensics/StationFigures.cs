using System.Runtime.CompilerServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Forensics;

/// <summary>
/// The figures the forensic methods read, one row a station with a counted protocol under an area: its registered voters (main and
/// additional lists, from the definition), the voters who took part (the form's participation expression) and the votes per choice
/// (ballot order, <see cref="Choices"/> to a row). Columns, for speed at a million stations. Those of a contest's whole map are read
/// once a snapshot and kept with it: the station flags, each test's book of null draws and the contest's own report all read them.
/// Nothing here is ever written after it is made.
/// </summary>
internal sealed class StationFigures
{
    /// <summary>
    /// Each snapshot's figures of a whole contest by a count source, made on first use; the dictionary is filled when made and only
    /// read after, so it needs no lock (the core takes no threading assembly).
    /// </summary>
    private static readonly ConditionalWeakTable<Snapshot, Dictionary<(string Contest, string Source), Lazy<StationFigures>>> Whole = new();

    private StationFigures(int count, int choices)
    {
        AreaIndex = new int[count];
        Ordinal = new int[count];
        Registered = new long[count];
        TookPart = new long[count];
        Votes = new int[count * choices];
        Choices = choices;
    }

    public int Count => AreaIndex.Length;

    public int Choices { get; }

    /// <summary>Each station's position in <see cref="Election.Areas"/>.</summary>
    public int[] AreaIndex { get; }

    /// <summary>Each station's ordinal in the election (its random stream in the integer test).</summary>
    public int[] Ordinal { get; }

    public long[] Registered { get; }

    public long[] TookPart { get; }

    public int[] Votes { get; }

    /// <summary>How many of the area's stations vote on the contest (whether counted yet or not).</summary>
    public int Expected { get; private init; }

    /// <summary>Every choice's votes of station <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> VotesOf(int i) => Votes.AsSpan(i * Choices, Choices);

    /// <summary>Choice <paramref name="c"/>'s votes at every station.</summary>
    public long[] Column(int c)
    {
        var column = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            column[i] = Votes[(i * Choices) + c];
        }
        return column;
    }

    /// <summary>The figures of <paramref name="plan"/>'s count by <paramref name="source"/> at the stations under an area.</summary>
    public static StationFigures Of(Snapshot snapshot, ContestPlan plan, SourceId source, int areaIndex)
    {
        if (areaIndex != snapshot.Election.AreaIndex(plan.Contest.Area))
        {
            return Read(snapshot, plan, source, areaIndex);
        }
        var kept = Whole.GetValue(snapshot, Lazies);
        return kept.TryGetValue((plan.Contest.Id.Value, source.Value), out var figures)
            ? figures.Value
            : Read(snapshot, plan, source, areaIndex);
    }

    private static Dictionary<(string Contest, string Source), Lazy<StationFigures>> Lazies(Snapshot snapshot)
    {
        var election = snapshot.Election;
        var lazies = new Dictionary<(string Contest, string Source), Lazy<StationFigures>>();
        foreach (var plan in election.Contests)
        {
            var area = election.AreaIndex(plan.Contest.Area);
            foreach (var source in election.Sources)
            {
                lazies[(plan.Contest.Id.Value, source.Id.Value)] = new(() => Read(snapshot, plan, source.Id, area));
            }
        }
        return lazies;
    }

    private static StationFigures Read(Snapshot snapshot, ContestPlan plan, SourceId source, int areaIndex)
    {
        var election = snapshot.Election;
        var counted = new List<(int Area, int Ordinal, CountedRef Protocol)>();
        var expected = 0;
        var known = election.TrySourceIndex(source, out var sourceIndex);
        foreach (var ordinal in election.StationsOf(areaIndex))
        {
            var offset = plan.OffsetOf(ordinal);
            if (offset < 0)
            {
                continue;
            }
            expected++;
            if (known && snapshot.Counted(plan, sourceIndex, offset) is { } protocol)
            {
                counted.Add((election.StationAreaIndex(ordinal), ordinal, protocol));
            }
        }
        var figures = new StationFigures(counted.Count, plan.Choices.Length) { Expected = expected };
        for (var i = 0; i < counted.Count; i++)
        {
            var (area, ordinal, protocol) = counted[i];
            figures.AreaIndex[i] = area;
            figures.Ordinal[i] = ordinal;
            figures.Registered[i] = election.RegisteredVoters(area);
            figures.TookPart[i] = plan.Rules.Participation.Evaluate<int>(protocol.Lines, protocol.Votes);
            for (var c = 0; c < plan.Choices.Length; c++)
            {
                figures.Votes[(i * plan.Choices.Length) + c] = protocol.Votes[c];
            }
        }
        return figures;
    }
}
