using System.Text.Json.Nodes;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// The map of an ERR report as a Sanoo definition's levels, groupings and areas. The tree is what the election's scope
/// (<c>ElectionScopeId</c>) is composed of, unit by unit (<c>ComposingGpUnitIds</c>); a unit composed of nothing is a polling
/// station. A unit's level is its <c>ReportingUnitType</c> (its <c>OtherType</c> for <c>other</c>), levels ordered by depth. A unit
/// outside the tree whose composing units are all in it is an area of a grouping.
/// </summary>
public sealed class ErrAreas
{
    private ErrAreas()
    {
    }

    /// <summary>The levels, root first, the stations' last.</summary>
    public List<string> Levels { get; } = [];

    /// <summary>The groupings' levels.</summary>
    public List<string> Groupings { get; } = [];

    /// <summary>The areas as definition JSON, in tree order, then the groupings' areas.</summary>
    public List<JsonObject> Areas { get; } = [];

    /// <summary>The Sanoo id of each GpUnit kept, by its <c>@id</c>.</summary>
    public ErrLocalIds Ids { get; } = new(Core.Err.ErrIds.Area);

    /// <summary>The <c>@id</c>s of the stations.</summary>
    public HashSet<string> Stations { get; } = new(StringComparer.Ordinal);

    /// <summary>The GpUnits left out: neither in the tree nor a grouping of it.</summary>
    public int LeftOut { get; private set; }

    /// <summary>Stations without <c>VotersRegistered</c> (given 0 registered voters).</summary>
    public int WithoutRegistered { get; private set; }

    /// <summary>Reads the map of <paramref name="report"/> under the scope <paramref name="scope"/>.</summary>
    public static ErrAreas Read(ErrNode report, string scope, Func<ErrNode, JsonObject?> names)
    {
        var map = new ErrAreas();
        var units = new Dictionary<string, ErrNode>(StringComparer.Ordinal);
        foreach (var unit in report.Objects("GpUnit").Where(u => u.Type is null or "ReportingUnit" && u.Id is not null))
        {
            units.TryAdd(unit.Id!, unit);
        }
        if (!units.ContainsKey(scope))
        {
            throw new FormatException($"the election's scope {scope} is no ReportingUnit of the report");
        }
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal) { [scope] = null };
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [scope] = 0 };
        var order = new List<string>();
        var stack = new Stack<string>([scope]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            order.Add(id);
            var children = units[id].Refs("ComposingGpUnitIds").Where(c => units.ContainsKey(c) && !parent.ContainsKey(c)).ToList();
            foreach (var child in children)
            {
                parent[child] = id;
                depth[child] = depth[id] + 1;
            }
            foreach (var child in Enumerable.Reverse(children))
            {
                stack.Push(child);
            }
            if (children.Count == 0 && id != scope)
            {
                map.Stations.Add(id);
            }
        }
        var levelOf = order.Where(id => !map.Stations.Contains(id)).ToDictionary(id => id, id => LevelKey(units[id]), StringComparer.Ordinal);
        var levels = new ErrLocalIds("");
        map.Levels.AddRange(levelOf.GroupBy(p => p.Value).OrderBy(g => g.Min(p => depth[p.Key])).Select(g => levels.Of(g.Key)));
        var stationKeys = map.Stations.Select(s => LevelKey(units[s])).Distinct().ToList();
        var stationLevel = levels.Of(stationKeys.Count == 1 && !levelOf.ContainsValue(stationKeys[0]) ? stationKeys[0] : "station");
        map.Levels.Add(stationLevel);
        foreach (var id in order)
        {
            var unit = units[id];
            var area = new JsonObject
            {
                ["id"] = map.Ids.Of(id),
                ["level"] = map.Stations.Contains(id) ? stationLevel : levels.Of(levelOf[id]),
            };
            if (parent[id] is { } up)
            {
                area["parent"] = map.Ids.Of(up);
            }
            if (names(unit) is { } name)
            {
                area["name"] = name;
            }
            else if (!map.Stations.Contains(id))
            {
                area["name"] = new JsonObject { ["en"] = id };
            }
            if (map.Stations.Contains(id))
            {
                var registered = unit.Number("VotersRegistered");
                map.WithoutRegistered += registered is null ? 1 : 0;
                area["registered"] = Math.Clamp(registered ?? 0, 0, int.MaxValue);
            }
            map.Areas.Add(area);
        }
        map.ReadGroupings(units, parent, names, levels);
        return map;
    }

    private void ReadGroupings(
        Dictionary<string, ErrNode> units, Dictionary<string, string?> tree, Func<ErrNode, JsonObject?> names, ErrLocalIds levels)
    {
        foreach (var (id, unit) in units.Where(u => !tree.ContainsKey(u.Key)))
        {
            var members = unit.Refs("ComposingGpUnitIds");
            if (members.Count == 0 || !members.All(tree.ContainsKey))
            {
                LeftOut++;
                continue;
            }
            var key = LevelKey(unit);
            var level = levels.Of(Levels.Contains(levels.Of(key)) ? key + "-grouping" : key);
            if (!Groupings.Contains(level))
            {
                Groupings.Add(level);
            }
            Areas.Add(new JsonObject
            {
                ["id"] = Ids.Of(id),
                ["level"] = level,
                ["name"] = names(unit) ?? new JsonObject { ["en"] = id },
                ["members"] = new JsonArray([.. members.Select(m => (JsonNode)Ids.Of(m))]),
            });
        }
    }

    private static string LevelKey(ErrNode unit) => unit.Text("Type") is "other" or null ? unit.Text("OtherType") ?? "other" : unit.Text("Type")!;
}
