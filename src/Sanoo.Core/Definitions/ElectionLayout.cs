using System.Collections.Immutable;
using Sanoo.Core.Json;

namespace Sanoo.Core.Definitions;

/// <summary>
/// The area tree checked and laid out depth-first: parents, station ranges and voter totals by
/// area position. Built once per election; the <see cref="Election"/> keeps its arrays.
/// </summary>
internal sealed class ElectionLayout
{
    private ElectionLayout(
        ImmutableArray<Area> areas,
        Dictionary<AreaId, int> areaIndex,
        int[] parent,
        int[] stationStart,
        int[] stationEnd,
        int[] stationArea,
        long[] registered)
    {
        Areas = areas;
        AreaIndex = areaIndex;
        Parent = parent;
        StationStart = stationStart;
        StationEnd = stationEnd;
        StationArea = stationArea;
        Registered = registered;
    }

    public ImmutableArray<Area> Areas { get; }

    public Dictionary<AreaId, int> AreaIndex { get; }

    public int[] Parent { get; }

    public int[] StationStart { get; }

    public int[] StationEnd { get; }

    public int[] StationArea { get; }

    public long[] Registered { get; }

    /// <summary>Checks the tree: one nation, known parents of a higher level, stations as leaves, no empty areas.</summary>
    public static ElectionLayout? Build(ElectionDefinition definition, List<JsonProblem> problems)
    {
        var areas = definition.Areas;
        var before = problems.Count;
        if (areas.IsEmpty)
        {
            problems.Add(new JsonProblem("$.areas", "must list at least the nation and one polling station"));
            return null;
        }
        var firstAt = new Dictionary<AreaId, int>(areas.Length);
        for (var i = 0; i < areas.Length; i++)
        {
            if (!firstAt.TryAdd(areas[i].Id, i))
            {
                var first = areas[firstAt[areas[i].Id]];
                problems.Add(new JsonProblem(
                    $"$.areas[{i}].id",
                    first.Kind == AreaKind.Station && areas[i].Kind == AreaKind.Station && first.Parent != areas[i].Parent
                        ? $"station '{areas[i].Id}' is listed twice, under '{first.Parent}' and under '{areas[i].Parent}'; " +
                            "a station belongs to exactly one district"
                        : $"duplicate area id '{areas[i].Id}' (first at $.areas[{firstAt[areas[i].Id]}])"));
            }
        }
        var nations = Enumerable.Range(0, areas.Length).Where(i => areas[i].Kind == AreaKind.Nation).ToList();
        if (nations.Count != 1)
        {
            problems.Add(new JsonProblem(
                "$.areas",
                nations.Count == 0
                    ? "has no area of kind \"nation\"; the tree needs exactly one root"
                    : $"has {nations.Count} areas of kind \"nation\" ({string.Join(", ", nations.Select(i => areas[i].Id))}); " +
                        "the tree needs exactly one root"));
        }
        var children = new List<int>?[areas.Length];
        for (var i = 0; i < areas.Length; i++)
        {
            var area = areas[i];
            if (area.Kind == AreaKind.Nation)
            {
                if (area.Parent is not null)
                {
                    problems.Add(new JsonProblem($"$.areas[{i}].parent", "the nation is the root and has no parent"));
                }
                continue;
            }
            if (area.Parent is not { } parentId)
            {
                problems.Add(new JsonProblem($"$.areas[{i}].parent", $"is missing: every {Word(area.Kind)} must belong to an area above it"));
                continue;
            }
            if (!firstAt.TryGetValue(parentId, out var p))
            {
                problems.Add(new JsonProblem($"$.areas[{i}].parent", $"'{parentId}' is not an area of this election, so '{area.Id}' is an orphan"));
                continue;
            }
            if (areas[p].Kind >= area.Kind)
            {
                problems.Add(new JsonProblem(
                    $"$.areas[{i}].parent",
                    $"a {Word(area.Kind)} cannot belong to '{parentId}', which is a {Word(areas[p].Kind)}"));
                continue;
            }
            if (firstAt[area.Id] == i)
            {
                (children[p] ??= []).Add(i);
            }
        }
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Kind != AreaKind.Station && children[i] is null && firstAt[areas[i].Id] == i)
            {
                problems.Add(new JsonProblem($"$.areas[{i}]", $"{Word(areas[i].Kind)} '{areas[i].Id}' has no polling stations under it"));
            }
        }
        if (problems.Count > before || nations.Count != 1)
        {
            return null;
        }
        return Lay(areas, nations[0], children, firstAt);
    }

    private static ElectionLayout Lay(ImmutableArray<Area> areas, int nation, List<int>?[] children, Dictionary<AreaId, int> firstAt)
    {
        var order = new List<int>(areas.Length);
        var stack = new Stack<int>();
        stack.Push(nation);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            order.Add(i);
            if (children[i] is { } kids)
            {
                for (var k = kids.Count - 1; k >= 0; k--)
                {
                    stack.Push(kids[k]);
                }
            }
        }
        var position = new int[areas.Length];
        for (var k = 0; k < order.Count; k++)
        {
            position[order[k]] = k;
        }
        var n = order.Count;
        var laid = ImmutableArray.CreateBuilder<Area>(n);
        var index = new Dictionary<AreaId, int>(n);
        var parent = new int[n];
        var stationStart = new int[n];
        var stationEnd = new int[n];
        var registered = new long[n];
        var stationArea = new List<int>();
        for (var k = 0; k < n; k++)
        {
            var area = areas[order[k]];
            laid.Add(area);
            index[area.Id] = k;
        }
        for (var k = 0; k < n; k++)
        {
            parent[k] = laid[k].Parent is { } p ? position[firstAt[p]] : -1;
        }
        for (var k = 0; k < n; k++)
        {
            stationStart[k] = stationArea.Count;
            if (laid[k].Kind == AreaKind.Station)
            {
                stationArea.Add(k);
            }
        }
        for (var k = n - 1; k >= 0; k--)
        {
            if (laid[k].Roll is { } roll)
            {
                stationEnd[k] = stationStart[k] + 1;
                registered[k] += roll.Total;
            }
            else if (stationEnd[k] == 0)
            {
                stationEnd[k] = stationStart[k];
            }
            if (parent[k] >= 0)
            {
                stationEnd[parent[k]] = Math.Max(stationEnd[parent[k]], stationEnd[k]);
                registered[parent[k]] += registered[k];
            }
        }
        return new ElectionLayout(laid.MoveToImmutable(), index, parent, stationStart, stationEnd, [.. stationArea], registered);
    }

    private static string Word(AreaKind kind) => kind switch
    {
        AreaKind.Nation => "nation",
        AreaKind.Region => "region",
        AreaKind.District => "district",
        AreaKind.Station => "station",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
