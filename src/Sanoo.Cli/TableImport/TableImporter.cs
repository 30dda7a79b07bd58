using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.RealElections;

namespace Sanoo.Cli.TableImport;

/// <summary>How many rows one skip rule left out.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Rows">Rows it left out.</param>
public sealed record SkippedRows(SkipRule Rule, int Rows);

/// <summary>
/// Imports a commission's table by its mapping (<see cref="TableMap"/>): reads the main table a row at a time (one row per
/// station), joins the further tables, builds the map level by level and each count's protocols, and writes the definition.
/// A problem in the data (a cell that is not a count, a row with no match) or in the mapping (a column no table has) stops the
/// import with a <see cref="FormatException"/> naming the file, row and column, or the mapping's field.
/// </summary>
public static class TableImporter
{
    /// <summary>Imports <paramref name="file"/> (the main table) by <paramref name="map"/>; other tables are found beside it.</summary>
    public static (ImportedElection Election, ImmutableArray<SkippedRows> Skipped) Import(string file, TableMap map)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var joined = map.Joins.Select(j => Lookup(Path.Combine(folder, j.File), j)).ToList();
        using var main = TableFile.Open(file, Path.GetFileName(file), map.Table);
        var columns = new Columns(main, map, joined);
        var joinMatches = map.Joins.Select((j, i) => columns.Find(j.Match, j.Path + ".matchColumn", i + 1)).ToList();
        var extracted = map.Extracted.Select(e => columns.Find(e.From, e.Path + ".from", map.Joins.Length + 1)).ToList();
        var otherwise = map.Extracted.Select(e => columns.Bind(e.Otherwise)).ToList();
        var skips = map.Skips.Select(s => columns.Find(s.Column, s.Path + ".column (a column of the main table)", 1)).ToList();
        var skipped = new int[map.Skips.Length];
        var choices = new List<JsonObject>();
        var counts = map.Counts.Select(c => CountPlan.Of(c, map, main, columns, folder, choices)).ToList();
        var areas = new AreaBuilder(map.Levels, map.Groupings, columns, main.Name);
        var stations = new List<StationRow>();
        var tables = new string[map.Joins.Length + 2][];

        foreach (var (row, cells) in main.Rows())
        {
            tables[0] = cells;
            var skip = Enumerable.Range(0, skips.Count).FirstOrDefault(s => skips[s].Text(tables) == map.Skips[s].EqualsText, -1);
            if (skip >= 0)
            {
                skipped[skip]++;
                continue;
            }
            for (var j = 0; j < joined.Count; j++)
            {
                var key = joinMatches[j].Text(tables);
                tables[j + 1] = joined[j].Rows.TryGetValue(key, out var match)
                    ? match
                    : throw new FormatException($"{main.Name}, row {row}: \"{key}\" has no row in {joined[j].Name} (by {map.Joins[j].Key})");
            }
            tables[^1] = [.. map.Extracted.Select((e, k) => e.Pattern.Match(extracted[k].Text(tables)) is { Success: true } m
                ? m.Groups[1].Value
                : otherwise[k].Fill(p => AreaBuilder.Fill(p, tables, row)))];
            var station = areas.Station(tables, row);
            stations.Add(new StationRow(station, [.. counts.Select(c => c.Figures(tables, row, main.Name))]));
        }

        var ordered = areas.Ordered();
        if (map.Levels[^1].OrderById)
        {
            stations = [.. stations.OrderBy(s => s.Station.Id, StringComparer.Ordinal)];
        }
        var choiceNames = map.ChoiceNames is { } names ? ChoiceNamesByNumber(folder, names) : null;
        var json = Definition(map, choices, ordered.SelectMany(a => a.Areas), areas.GroupingAreas, choiceNames);
        var election = Load(json);
        var protocols = ImmutableArray.CreateBuilder<KeyValuePair<string, ImmutableArray<Protocol>>>();
        for (var c = 0; c < counts.Count; c++)
        {
            var count = map.Counts[c];
            protocols.Add(new(count.Source, [
                .. stations.Where(s => s.Figures[c] is not null).Select(s => new Protocol(
                    election.Id, new AreaId(s.Station.Id), new ContestId(count.Contest), new SourceId(count.Source), 1,
                    [.. s.Figures[c]!.Value.Lines], [.. s.Figures[c]!.Value.Votes], null)),
            ]));
        }
        var invariant = CultureInfo.InvariantCulture;
        var summary = string.Create(invariant, $"{stations.Count:N0} stations; ") + string.Join(", ", ordered.SkipLast(1).Select(l =>
            string.Create(invariant, $"{l.Areas.Count:N0} {l.Level}{(l.Areas.Count == 1 ? "" : "s")}"))) + "."
            + string.Concat(map.Groupings.Select(g => string.Create(
                invariant, $" Grouping {g.Grouping}: {areas.GroupingAreas.Count(a => a.Grouping == g.Grouping):N0} areas.")));
        var skippedRows = map.Skips.Select((s, i) => new SkippedRows(s, skipped[i])).ToImmutableArray();
        var notes = map.Notes.Prepend(summary).Concat(skippedRows.Select(s => string.Create(
            invariant, $"Skipped {s.Rows:N0} row{(s.Rows == 1 ? "" : "s")} where {s.Rule.Column} is \"{s.Rule.EqualsText}\": {s.Rule.Because}")));
        return (new ImportedElection(json, election, protocols.ToImmutable(), [.. notes]), skippedRows);
    }

    /// <summary>Loads the definition made; its problems are the mapping's (its election parts or its templates).</summary>
    private static Election Load(byte[] json) => DefinitionReader.Read(json) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new FormatException("the definition made by the mapping is not sound (paths in the definition; "
            + "$.areas come from levels, the rest from the mapping's election): "
            + string.Join("; ", invalid.Problems.Take(10).Select(p => $"{p.Path}: {p.Message}"))),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A count as a protocol states it: a whole number, 0 or more, nothing else.</summary>
    internal static int Figure(string text, string file, int row, string column) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{file}, row {row}, column \"{column}\": \"{text}\" is not a count (a whole number, 0 or more)");

    private static JoinedRows Lookup(string path, JoinedTable join)
    {
        using var table = TableFile.Open(path, join.File, join.Format);
        var key = table.Column(join.Key, join.Path + ".key");
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (row, cells) in table.Rows())
        {
            if (!rows.TryAdd(cells[key], cells))
            {
                throw new FormatException($"{join.File}, row {row}: {join.Key} \"{cells[key]}\" appears twice; a joined table has each key once");
            }
        }
        return new JoinedRows(join.File, table.Header, rows);
    }

    /// <summary>Each ballot number's name by language, from the choice-names table.</summary>
    private static Dictionary<string, JsonObject> ChoiceNamesByNumber(string folder, ChoiceNames names)
    {
        using var table = TableFile.Open(Path.Combine(folder, names.File), names.File, names.Format);
        var number = table.Column(names.BallotNumberColumn, names.Path + ".ballotNumberColumn");
        var name = names.Name.Select(n => (n.Language, Text: n.Text with
        {
            Parts = [.. n.Text.Parts.Select(p => p is TemplatePart.Column c ? Bound(table, c, n.Text.Path) : p)],
        })).ToList();
        var byNumber = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, cells) in table.Rows())
        {
            var text = new JsonObject();
            foreach (var (language, template) in name)
            {
                text[language] = template.Fill(p => p is TemplatePart.BoundColumn b ? cells[b.Index] : "");
            }
            byNumber.TryAdd(cells[number], text);
        }
        return byNumber;
    }

    private static TemplatePart.BoundColumn Bound(TableFile table, TemplatePart.Column column, string path) =>
        new(0, table.Column(column.Name, path));

    private static byte[] Definition(
        TableMap map,
        List<JsonObject> choices,
        IEnumerable<AreaRow> areas,
        IReadOnlyList<GroupingArea> grouped,
        Dictionary<string, JsonObject>? names)
    {
        var root = new JsonObject { ["format"] = DefinitionReader.Format };
        foreach (var (name, value) in map.Election)
        {
            root[name] = value?.DeepClone();
        }
        AreaLevels.WriteLevels(root, map.Levels, map.Groupings);
        var given = root["choices"] as JsonArray ?? [];
        for (var i = 0; names is not null && i < given.Count; i++)
        {
            if (given[i] is JsonObject { } choice && choice["name"] is null && choice["ballotNumber"] is { } ballot)
            {
                choice["name"] = names.TryGetValue(ballot.ToJsonString(), out var found)
                    ? found.DeepClone()
                    : throw new FormatException(
                        $"$.election.choices[{i}] has no name, and {map.ChoiceNames!.File} has no row for ballot number {ballot}");
            }
        }
        if (choices.Count > 0)
        {
            var all = root["choices"] as JsonArray ?? [];
            foreach (var choice in choices)
            {
                all.Add(choice);
            }
            root["choices"] = all.DeepClone();
        }
        var list = new JsonArray();
        foreach (var area in areas)
        {
            list.Add(AreaLevels.Write(area.Id, area.Level, area.Parent, area.Names, area.Registered));
        }
        foreach (var area in grouped)
        {
            list.Add(AreaLevels.Write(area.Id, area.Grouping, null, area.Names, null, area.Members));
        }
        root["areas"] = list;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>A joined table's rows by key.</summary>
    internal sealed record JoinedRows(string Name, string[] Header, Dictionary<string, string[]> Rows);

    /// <summary>A station and, per count, its protocol's figures (null: no protocol of that count).</summary>
    private sealed record StationRow(AreaRow Station, ImmutableArray<(int[] Lines, int[] Votes)?> Figures);
}
