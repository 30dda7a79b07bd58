using System.Collections.Immutable;
using Sanoo.Core.Json;

namespace Sanoo.Core.Definitions;

/// <summary>
/// The map checked and laid out: the tree depth-first (so every area's stations are one range of station ordinals), then the
/// areas of the groupings in file order, each with its stations as a sorted list. Parents, station lists and voter totals by
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
        int[] stationList,
        int[] stationArea,
        long[] registered,
        int[] groupStart,
        int[] groups)
    {
        GroupStart = groupStart;
        Groups = groups;
        Areas = areas;
        AreaIndex = areaIndex;
        Parent = parent;
        StationStart = stationStart;
        StationEnd = stationEnd;
        StationList = stationList;
        StationArea = stationArea;
        Registered = registered;
    }

    public ImmutableArray<Area> Areas { get; }

    public Dictionary<AreaId, int> AreaIndex { get; }

    /// <summary>The parent's position; −1 for the root and for the areas of groupings.</summary>
    public int[] Parent { get; }

    /// <summary>Where each area's stations start in <see cref="StationList"/>.</summary>
    public int[] StationStart { get; }

    /// <summary>Where each area's stations end in <see cref="StationList"/>.</summary>
    public int[] StationEnd { get; }

    /// <summary>Station ordinals: 0 … N − 1 (the tree's ranges index it as themselves), then each grouping area's stations, sorted.</summary>
    public int[] StationList { get; }

    public int[] StationArea { get; }

    public long[] Registered { get; }

    /// <summary>Where each station's grouping areas start in <see cref="Groups"/>, by station ordinal (one more entry at the end).</summary>
    public int[] GroupStart { get; }

    /// <summary>The positions of the grouping areas each station belongs to.</summary>
    public int[] Groups { get; }

    /// <summary>Checks the map: one root, known parents of a higher level, stations as leaves, no empty areas, groupings of known
    /// areas that do not overlap.</summary>
    public static ElectionLayout? Build(ElectionDefinition definition, List<JsonProblem> problems)
    {
        var areas = definition.Areas;
        var levels = definition.Levels;
        var depth = definition.TreeDepth;
        var before = problems.Count;
        if (depth < 2)
        {
            if (!problems.Any(p => p.Path == "$.levels"))
            {
                problems.Add(new JsonProblem("$.levels", "must name at least two levels: the root (e.g. the nation) and the polling station"));
            }
            return null;
        }
        if (areas.IsEmpty)
        {
            problems.Add(new JsonProblem("$.areas", $"must list at least the {levels[0].Id} and one {levels[depth - 1].Id}"));
            return null;
        }
        var firstAt = new Dictionary<AreaId, int>(areas.Length);
        var isFirst = new bool[areas.Length];
        for (var i = 0; i < areas.Length; i++)
        {
            if (firstAt.TryAdd(areas[i].Id, i))
            {
                isFirst[i] = true;
            }
            else
            {
                var first = areas[firstAt[areas[i].Id]];
                problems.Add(new JsonProblem(
                    $"$.areas[{i}].id",
                    first.IsStation && areas[i].IsStation && first.Parent != areas[i].Parent
                        ? $"station '{areas[i].Id}' is listed twice, under '{first.Parent}' and under '{areas[i].Parent}'; " +
                            "a station belongs to exactly one area of the level above it"
                        : $"duplicate area id '{areas[i].Id}' (first at $.areas[{firstAt[areas[i].Id]}])"));
            }
        }
        var roots = Enumerable.Range(0, areas.Length).Where(i => areas[i].Level == 0).ToList();
        if (roots.Count != 1)
        {
            problems.Add(new JsonProblem(
                "$.areas",
                roots.Count == 0
                    ? $"has no area of level \"{levels[0].Id}\"; the tree needs exactly one root"
                    : $"has {roots.Count} areas of level \"{levels[0].Id}\" ({string.Join(", ", roots.Select(i => areas[i].Id))}); " +
                        "the tree needs exactly one root"));
        }
        var children = new List<int>?[areas.Length];
        var parentAt = new int[areas.Length];
        for (var i = 0; i < areas.Length; i++)
        {
            var area = areas[i];
            if (area.Level == 0 || area.Level >= depth)
            {
                if (area.Level == 0 && area.Parent is not null)
                {
                    problems.Add(new JsonProblem($"$.areas[{i}].parent", $"the {levels[0].Id} is the root and has no parent"));
                }
                continue;
            }
            if (area.Parent is not { } parentId)
            {
                problems.Add(new JsonProblem(
                    $"$.areas[{i}].parent", $"is missing: every {levels[area.Level].Id} must belong to an area above it"));
                continue;
            }
            if (!firstAt.TryGetValue(parentId, out var p))
            {
                problems.Add(new JsonProblem($"$.areas[{i}].parent", $"'{parentId}' is not an area of this election, so '{area.Id}' is an orphan"));
                continue;
            }
            if (areas[p].Level >= area.Level)
            {
                problems.Add(new JsonProblem(
                    $"$.areas[{i}].parent",
                    $"a {levels[area.Level].Id} cannot belong to '{parentId}', which is a {levels[areas[p].Level].Id}"));
                continue;
            }
            parentAt[i] = p;
            if (isFirst[i])
            {
                (children[p] ??= []).Add(i);
            }
        }
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Level < depth && !areas[i].IsStation && children[i] is null && isFirst[i])
            {
                problems.Add(new JsonProblem($"$.areas[{i}]", $"{levels[areas[i].Level].Id} '{areas[i].Id}' has no polling stations under it"));
            }
        }
        if (problems.Count > before || roots.Count != 1)
        {
            return null;
        }
        return Lay(areas, roots[0], children, parentAt, levels, problems);
    }

    private static ElectionLayout? Lay(
        ImmutableArray<Area> areas,
        int root,
        List<int>?[] children,
        int[] parentAt,
        ImmutableArray<AreaLevel> levels,
        List<JsonProblem> problems)
    {
        var before = problems.Count;
        var order = new List<int>(areas.Length);
        var stack = new Stack<int>();
        stack.Push(root);
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
        var treeSize = order.Count;
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Level > 0 && areas[i].Parent is null)
            {
                order.Add(i);
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
            parent[k] = k < treeSize && area.Parent is not null ? position[parentAt[order[k]]] : -1;
        }
        for (var k = 0; k < treeSize; k++)
        {
            stationStart[k] = stationArea.Count;
            if (laid[k].IsStation)
            {
                stationArea.Add(k);
            }
        }
        for (var k = treeSize - 1; k >= 0; k--)
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
        var stationList = new List<int>(Enumerable.Range(0, stationArea.Count));
        var owner = new Dictionary<int, int[]>();
        for (var k = treeSize; k < n; k++)
        {
            var area = laid[k];
            var path = $"$.areas[{order[k]}]";
            var grouping = levels[area.Level];
            var owners = owner.TryGetValue(area.Level, out var known) ? known : owner[area.Level] = new int[stationArea.Count];
            var stations = new SortedSet<int>();
            for (var j = 0; j < area.Members.Length; j++)
            {
                if (!index.TryGetValue(area.Members[j], out var m) || m >= treeSize)
                {
                    problems.Add(new JsonProblem($"{path}.members[{j}]", $"'{area.Members[j]}' is not an area of the map"));
                    continue;
                }
                for (var ordinal = stationStart[m]; ordinal < stationEnd[m]; ordinal++)
                {
                    if (owners[ordinal] != 0 && owners[ordinal] != k + 1)
                    {
                        problems.Add(new JsonProblem(
                            $"{path}.members[{j}]",
                            $"station '{laid[stationArea[ordinal]].Id}' is already in '{laid[owners[ordinal] - 1].Id}' of the grouping " +
                                $"'{grouping.Id}'; a station belongs to at most one area of each grouping"));
                        break;
                    }
                    owners[ordinal] = k + 1;
                    stations.Add(ordinal);
                }
            }
            if (area.Members.IsEmpty)
            {
                problems.Add(new JsonProblem($"{path}.members", "must list the stations or areas the grouping's area is made of"));
            }
            stationStart[k] = stationList.Count;
            stationList.AddRange(stations);
            stationEnd[k] = stationList.Count;
            foreach (var ordinal in stations)
            {
                registered[k] += registered[stationArea[ordinal]];
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        var stationCount = stationArea.Count;
        var groupStart = new int[stationCount + 1];
        for (var k = treeSize; k < n; k++)
        {
            for (var i = stationStart[k]; i < stationEnd[k]; i++)
            {
                groupStart[stationList[i] + 1]++;
            }
        }
        for (var ordinal = 0; ordinal < stationCount; ordinal++)
        {
            groupStart[ordinal + 1] += groupStart[ordinal];
        }
        var groups = new int[groupStart[stationCount]];
        var filled = groupStart[..stationCount];
        for (var k = treeSize; k < n; k++)
        {
            for (var i = stationStart[k]; i < stationEnd[k]; i++)
            {
                groups[filled[stationList[i]]++] = k;
            }
        }
        return new ElectionLayout(
            laid.MoveToImmutable(), index, parent, stationStart, stationEnd, [.. stationList], [.. stationArea], registered, groupStart, groups);
    }
}
