using System.Collections.Immutable;
using System.Globalization;

namespace Sanoo.Cli.TableImport;

/// <summary>An area as made from the rows: its level, parent, names by language (empty ones left out), and a station's voters.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Level">Its level's id.</param>
/// <param name="Parent">The area above it; null for the root.</param>
/// <param name="Names">Its name by language.</param>
/// <param name="Registered">A station's voters on the list; null above the station.</param>
internal sealed record AreaRow(string Id, string Level, string? Parent, ImmutableArray<(string Language, string Text)> Names, int? Registered);

/// <summary>An area of a grouping: its stations as the rows name them.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Grouping">Its grouping's id.</param>
/// <param name="Names">Its name by language.</param>
/// <param name="Members">The ids of its stations, in row order.</param>
internal sealed record GroupingArea(string Id, string Grouping, ImmutableArray<(string Language, string Text)> Names, List<string> Members);

/// <summary>One level's areas, in the order they are written.</summary>
/// <param name="Level">The level's id.</param>
/// <param name="Areas">Its areas.</param>
internal sealed record LevelAreas(string Level, IReadOnlyList<AreaRow> Areas);

/// <summary>
/// Builds the map a row at a time: above the station, the row's area at each level is found by its parent and the values of its
/// <c>oneAreaPer</c> columns, or made (numbered among its parent's in the order first met); then the row's station, and the station
/// joins the area of each grouping its row names (made as needed, numbered in the order first met).
/// </summary>
internal sealed class AreaBuilder
{
    private readonly ImmutableArray<LevelPlan> _levels;
    private readonly ColumnRef _registered;
    private readonly string _file;
    private readonly List<AreaRow>[] _areas;
    private readonly Dictionary<string, AreaRow> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);
    private readonly HashSet<string> _areaIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stationIds = new(StringComparer.Ordinal);
    private readonly ImmutableArray<GroupingPlan> _groupings;
    private readonly Dictionary<string, GroupingArea> _grouped = new(StringComparer.Ordinal);
    private readonly List<GroupingArea> _groupingAreas = [];

    public AreaBuilder(ImmutableArray<LevelMap> levels, ImmutableArray<GroupingMap> groupings, Columns columns, string file)
    {
        _levels = [.. levels.Select(l => new LevelPlan(l, columns))];
        _groupings = [.. groupings.Select(g => new GroupingPlan(g, columns))];
        var station = levels[^1];
        _registered = columns.Find(station.Registered!, station.Path + ".registered");
        _file = file;
        _areas = [.. levels.Select(_ => new List<AreaRow>())];
    }

    /// <summary>The station of the row (its areas above made as needed).</summary>
    public AreaRow Station(string[][] tables, int row)
    {
        var path = new Dictionary<string, string>(StringComparer.Ordinal);
        string? parent = null;
        for (var l = 0; l < _levels.Length - 1; l++)
        {
            var level = _levels[l];
            var identity = $"{parent}\u0001{string.Join('\u0001', level.Per.Select(c => c.Text(tables)))}";
            if (!_known.TryGetValue(identity, out var area))
            {
                var number = _children[parent ?? ""] = _children.GetValueOrDefault(parent ?? "") + 1;
                var id = level.Map.Id.Fill(p => Fill(p, tables, row, path, number));
                if (!_areaIds.Add(id))
                {
                    throw new FormatException($"{_file}, row {row}: {level.Map.Path}.id gives \"{id}\" to two different areas");
                }
                area = new AreaRow(id, level.Map.Level, parent, level.Names(id, p => Fill(p, tables, row, path, number)), null);
                _known[identity] = area;
                _areas[l].Add(area);
            }
            path[level.Map.Level] = area.Id;
            parent = area.Id;
        }
        var stationLevel = _levels[^1];
        var stationId = stationLevel.Map.Id.Fill(p => Fill(p, tables, row, path));
        if (!_stationIds.Add(stationId))
        {
            if (!stationLevel.Map.NumberRepeatedIds)
            {
                throw new FormatException($"{_file}, row {row}: station id \"{stationId}\" is given twice; "
                    + $"set {stationLevel.Map.Path}.repeatedIds to \"add -2, -3\" to number repeats");
            }
            var first = stationId;
            for (var n = 2; !_stationIds.Add(stationId); n++)
            {
                stationId = $"{first}-{n.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        var voters = TableImporter.Figure(_registered.Text(tables), _file, row, _registered.Column);
        var station = new AreaRow(stationId, stationLevel.Map.Level, parent, stationLevel.Names(stationId, p => Fill(p, tables, row, path)), voters);
        _areas[^1].Add(station);
        foreach (var grouping in _groupings)
        {
            Group(grouping, station, tables, row, path);
        }
        return station;
    }

    /// <summary>The areas of every grouping, grouping by grouping, each in the order first met.</summary>
    public IReadOnlyList<GroupingArea> GroupingAreas => _groupingAreas;

    private void Group(GroupingPlan grouping, AreaRow station, string[][] tables, int row, Dictionary<string, string> path)
    {
        var values = grouping.Per.Select(c => c.Text(tables).Trim()).ToList();
        if (values.All(v => v.Length == 0))
        {
            return; // the row names no area of this grouping
        }
        var identity = $"{grouping.Map.Grouping}\u0001{string.Join('\u0001', values)}";
        if (!_grouped.TryGetValue(identity, out var area))
        {
            var number = _groupingAreas.Count(a => a.Grouping == grouping.Map.Grouping) + 1;
            var id = grouping.Map.Id.Fill(p => Fill(p, tables, row, path, number));
            if (!_areaIds.Add(id) || _stationIds.Contains(id))
            {
                throw new FormatException($"{_file}, row {row}: {grouping.Map.Path}.id gives \"{id}\" to an area that already has it");
            }
            area = new GroupingArea(id, grouping.Map.Grouping, grouping.Names(id, p => Fill(p, tables, row, path, number)), []);
            _grouped[identity] = area;
            _groupingAreas.Add(area);
        }
        area.Members.Add(station.Id);
    }

    /// <summary>Every level's areas, root first, each in the order its level asks for.</summary>
    public ImmutableArray<LevelAreas> Ordered() =>
    [
        .. _levels.Select((level, l) => new LevelAreas(
            level.Map.Level,
            level.Map.OrderById ? [.. _areas[l].OrderBy(a => a.Id, StringComparer.Ordinal)] : _areas[l])),
    ];

    /// <summary>A placeholder's value for the row: its row number, the area's number, the id of an area above, a column's text.</summary>
    public static string Fill(TemplatePart part, string[][] tables, int row, Dictionary<string, string>? path = null, int number = 0) =>
        part switch
        {
            TemplatePart.Row => row.ToString(CultureInfo.InvariantCulture),
            TemplatePart.Number n => Template.Padded(number, n.Width),
            TemplatePart.AreaAt a => path?.GetValueOrDefault(a.Level) ?? "",
            TemplatePart.BoundColumn b => tables[b.Table][b.Index],
            _ => throw new InvalidOperationException($"{part} is not bound"),
        };

    /// <summary>A grouping with its templates bound to columns.</summary>
    private sealed class GroupingPlan(GroupingMap map, Columns columns)
    {
        public GroupingMap Map { get; } = map with
        {
            Id = columns.Bind(map.Id),
            Name = [.. map.Name.Select(n => (n.Language, columns.Bind(n.Text)))],
            NameIfEmpty = [.. map.NameIfEmpty.Select(n => (n.Language, columns.Bind(n.Text)))],
        };

        public ImmutableArray<ColumnRef> Per { get; } = [.. map.OneAreaPer.Select((c, i) => columns.Find(c, $"{map.Path}.oneAreaPer[{i}]"))];

        /// <summary>The area's names, as a level's are made.</summary>
        public ImmutableArray<(string Language, string Text)> Names(string id, Func<TemplatePart, string> fill) =>
            LevelPlan.NamesOf(Map.Name, Map.NameIfEmpty, id, fill);
    }

    /// <summary>A level with its templates bound to columns.</summary>
    private sealed class LevelPlan
    {
        public LevelPlan(LevelMap map, Columns columns)
        {
            Map = map with
            {
                Id = columns.Bind(map.Id),
                Name = [.. map.Name.Select(n => (n.Language, columns.Bind(n.Text)))],
                NameIfEmpty = [.. map.NameIfEmpty.Select(n => (n.Language, columns.Bind(n.Text)))],
            };
            Per = [.. map.OneAreaPer.Select((c, i) => columns.Find(c, $"{map.Path}.oneAreaPer[{i}]"))];
        }

        public LevelMap Map { get; }

        public ImmutableArray<ColumnRef> Per { get; }

        /// <summary>The area's names; a text that comes out empty takes <c>nameIfEmpty</c>'s for its language, else is left out.</summary>
        public ImmutableArray<(string Language, string Text)> Names(string id, Func<TemplatePart, string> fill) =>
            NamesOf(Map.Name, Map.NameIfEmpty, id, fill);

        /// <summary>Names from templates; a text that comes out empty takes <paramref name="ifEmpty"/>'s for its language, else is
        /// left out.</summary>
        public static ImmutableArray<(string Language, string Text)> NamesOf(
            ImmutableArray<(string Language, Template Text)> name,
            ImmutableArray<(string Language, Template Text)> ifEmpty,
            string id,
            Func<TemplatePart, string> fill)
        {
            string Value(TemplatePart p) => p is TemplatePart.OwnId ? id : fill(p);
            return
            [
                .. name.Select(n => (n.Language, Text: n.Text.Fill(Value)))
                    .Select(n => n.Text.Length > 0 ? n
                        : (n.Language, ifEmpty.FirstOrDefault(e => e.Language == n.Language).Text?.Fill(Value).Trim() ?? ""))
                    .Where(n => n.Item2.Length > 0),
            ];
        }
    }
}
