using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's own running sums: for each contest, result source and area the contest is tallied in (its
/// <see cref="ContestPlan.TallyAreas"/>), the stations counted and the votes per choice, kept as each counted version arrives (a
/// correction takes the version it replaces out). Plain sums over the definition's map, not the tally engine's: what every
/// published total is held to. Memory: one long per choice and area, and each station's list of tally areas (about one int per
/// level per station), built for a contest when its first protocol arrives.
/// </summary>
internal sealed class AreaSums
{
    private readonly Election _election;
    private readonly Dictionary<SourceId, int> _resultSources = [];
    private readonly Book?[] _books;
    private readonly Paths?[] _paths;

    /// <summary>Empty sums for <paramref name="election"/>.</summary>
    public AreaSums(Election election)
    {
        _election = election;
        for (var i = 0; i < election.ResultSources.Length; i++)
        {
            _resultSources[election.ResultSources[i].Id] = i;
        }
        _books = new Book?[election.Contests.Length * election.ResultSources.Length];
        _paths = new Paths?[election.Contests.Length];
    }

    /// <summary>Counts <paramref name="counted"/>, taking out <paramref name="superseded"/> (the same slot's earlier counted version).</summary>
    public void Count(Protocol counted, Protocol? superseded)
    {
        if (!_resultSources.TryGetValue(counted.Source, out var source) || _election.Contest(counted.Contest) is not { } plan)
        {
            return; // a party's copy: compared with the commission's counts elsewhere, not added up here
        }
        var book = _books[(plan.Index * _resultSources.Count) + source] ??= new Book(plan);
        var paths = _paths[plan.Index] ??= Paths.Of(_election, plan);
        var ordinal = _election.StationOrdinal(_election.AreaIndex(counted.Station));
        var votes = counted.Votes.AsSpan();
        var before = superseded is null ? default : superseded.Votes.AsSpan();
        var width = plan.Choices.Length;
        foreach (var slot in paths.Of(ordinal))
        {
            var sums = book.Votes.AsSpan(slot * width, width);
            for (var i = 0; i < width; i++)
            {
                sums[i] += (i < votes.Length ? votes[i] : 0) - (i < before.Length ? before[i] : 0);
            }
            if (superseded is null)
            {
                book.Stations[slot]++;
            }
        }
    }

    /// <summary>
    /// The stations counted and the votes per choice (in the contest's choice order) of <paramref name="plan"/> by the result source
    /// at <paramref name="source"/> (its place in <see cref="Election.ResultSources"/>), in its tally area at
    /// <paramref name="slot"/> (the area's place in <see cref="ContestPlan.TallyAreas"/>).
    /// </summary>
    public (int Stations, ReadOnlyMemory<long> Votes) Of(ContestPlan plan, int source, int slot)
    {
        var width = plan.Choices.Length;
        return _books[(plan.Index * _resultSources.Count) + source] is { } book
            ? (book.Stations[slot], book.Votes.AsMemory(slot * width, width))
            : (0, new long[width]);
    }

    /// <summary>
    /// The sums as they stand, kept apart from these (which go on counting): what a whole-election export of this size is held to.
    /// Costs what the sums cost (one long per choice and tally area); the stations' paths are shared, never changed once built.
    /// </summary>
    public AreaSums Copy()
    {
        var copy = new AreaSums(_election);
        for (var i = 0; i < _books.Length; i++)
        {
            copy._books[i] = _books[i] is { } book ? new Book(book) : null;
        }
        _paths.CopyTo(copy._paths, 0);
        return copy;
    }

    private sealed class Book
    {
        public Book(ContestPlan plan)
        {
            Votes = new long[plan.TallyAreas.Length * plan.Choices.Length];
            Stations = new int[plan.TallyAreas.Length];
        }

        public Book(Book other)
        {
            Votes = (long[])other.Votes.Clone();
            Stations = (int[])other.Stations.Clone();
        }

        public long[] Votes { get; }

        public int[] Stations { get; }
    }

    /// <summary>For each station ordinal, the places in the contest's tally areas of the areas that hold it (CSR arrays).</summary>
    private sealed class Paths(int[] start, int[] slots)
    {
        public ReadOnlySpan<int> Of(int ordinal) => slots.AsSpan(start[ordinal], start[ordinal + 1] - start[ordinal]);

        public static Paths Of(Election election, ContestPlan plan)
        {
            var start = new int[election.StationCount + 1];
            foreach (var area in plan.TallyAreas)
            {
                foreach (var ordinal in election.StationsOf(area))
                {
                    start[ordinal + 1]++;
                }
            }
            for (var i = 0; i < election.StationCount; i++)
            {
                start[i + 1] += start[i];
            }
            var slots = new int[start[^1]];
            var filled = new int[election.StationCount];
            for (var slot = 0; slot < plan.TallyAreas.Length; slot++)
            {
                foreach (var ordinal in election.StationsOf(plan.TallyAreas[slot]))
                {
                    slots[start[ordinal] + filled[ordinal]++] = slot;
                }
            }
            return new Paths(start, slots);
        }
    }
}
