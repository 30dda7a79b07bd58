using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Cli.Input;

namespace Sanoo.Cli.TableImport;

/// <summary>What reading a mapping file gives: the mapping, or every problem with its JSON path.</summary>
public abstract record TableMapResult
{
    private TableMapResult()
    {
    }

    /// <summary>The mapping, checked.</summary>
    public sealed record Read(TableMap Map) : TableMapResult;

    /// <summary>Every problem found, each starting with its JSON path (<c>$.levels[2].id: missing (required)</c>).</summary>
    public sealed record Refused(ImmutableArray<string> Problems) : TableMapResult;
}

/// <summary>Reads a mapping file (<see cref="TableMap"/>) strictly: unknown fields, wrong types and missing fields are all reported.</summary>
public static class TableMapReader
{
    /// <summary>The definition parts a mapping copies into the definition as they are.</summary>
    public static readonly ImmutableArray<string> ElectionParts =
        ["id", "name", "date", "languages", "sources", "forms", "choices", "contests", "reconciliation"];

    /// <summary>Reads the UTF-8 JSON <paramref name="json"/>.</summary>
    public static TableMapResult Read(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new TableMapResult.Refused([$"$: not JSON: {e.Message}"]);
        }
        using (document)
        {
            var problems = new List<string>();
            var map = Map(document.RootElement, problems);
            return problems.Count == 0 && map is not null ? new TableMapResult.Read(map) : new TableMapResult.Refused([.. problems]);
        }
    }

    private static TableMap? Map(JsonElement root, List<string> problems)
    {
        var fields = MapFields.Of(root, "$", problems);
        if (fields is null)
        {
            return null;
        }
        var format = fields.Text("format");
        if (format is not null && format != TableMap.Format)
        {
            fields.Problem("format", $"this sanoo reads \"{TableMap.Format}\", not \"{format}\"");
        }
        var election = Election(fields, problems);
        var table = fields.Object("table");
        var main = table is null ? null : Format(table);
        var stationKey = table?.Text("stationKey", required: false);
        table?.NoOtherFields();
        var joins = fields.Array("joinedTables").Select(p => Join(p.Item, p.Path, problems)).OfType<JoinedTable>().ToImmutableArray();
        var extracted = fields.Array("extractedColumns").Select(p => Extracted(p.Item, p.Path, problems)).OfType<ExtractedColumn>()
            .ToImmutableArray();
        var skips = fields.Array("skipRows").Select(p => Skip(p.Item, p.Path, problems)).OfType<SkipRule>().ToImmutableArray();
        var levelItems = fields.Array("levels", required: true).ToList();
        var levels = levelItems.Select((p, i) => Level(p.Item, p.Path, problems, station: i == levelItems.Count - 1))
            .OfType<LevelMap>().ToImmutableArray();
        var groupings = fields.Array("groupings", required: false).Select(p => Grouping(p.Item, p.Path, problems))
            .OfType<GroupingMap>().ToImmutableArray();
        if (AreaLevels.Problem([.. levels.Select(l => l.Level), .. groupings.Select(g => g.Grouping)], levelItems.Count) is { } levelProblem)
        {
            fields.Problem("levels", levelProblem);
        }
        CheckPlaceholders(levels, problems);
        CheckPlaceholders(levels, groupings, problems);
        var counts = fields.Array("counts", required: true).Select(p => Count(p.Item, p.Path, problems)).OfType<CountMap>().ToImmutableArray();
        if (counts.Any(c => c.Votes is VotesMap.Long) && stationKey is null)
        {
            fields.Problem("table", "stationKey is required: a count reads its votes from long tables, which name stations by it");
        }
        var notes = fields.Texts("notes");
        var choiceNames = fields.Object("choiceNames", required: false) is { } c ? ChoiceNames(c, problems) : null;
        fields.NoOtherFields();
        return election is null || main is null
            ? null
            : new TableMap(election, main, stationKey, joins, extracted, skips, levels, counts, notes, choiceNames) { Groupings = groupings };
    }

    /// <summary>{area:LEVEL} names a level above; {n} numbers areas above the station; {id} is the area's own id, so only in a name.</summary>
    private static void CheckPlaceholders(ImmutableArray<LevelMap> levels, List<string> problems)
    {
        for (var l = 0; l < levels.Length; l++)
        {
            var level = levels[l];
            CheckTemplates(
                level.Id,
                level.Name.Concat(level.NameIfEmpty).Select(n => n.Text),
                [.. levels.Take(l).Select(a => a.Level)],
                "this one",
                numbered: l < levels.Length - 1,
                problems);
        }
    }

    /// <summary>A grouping's templates: {area:LEVEL} names a level above the stations; {n} numbers its areas; {id} only in a
    /// name.</summary>
    private static void CheckPlaceholders(ImmutableArray<LevelMap> levels, ImmutableArray<GroupingMap> groupings, List<string> problems)
    {
        List<string> above = [.. levels.SkipLast(1).Select(a => a.Level)];
        foreach (var grouping in groupings)
        {
            CheckTemplates(
                grouping.Id, grouping.Name.Concat(grouping.NameIfEmpty).Select(n => n.Text), above, "the stations", numbered: true, problems);
        }
    }

    /// <summary>The placeholders of an area's id and name templates, held to the levels <paramref name="above"/> it.</summary>
    private static void CheckTemplates(
        Template id, IEnumerable<Template> names, List<string> above, string aboveWhat, bool numbered, List<string> problems)
    {
        foreach (var template in names.Prepend(id))
        {
            foreach (var part in template.Parts)
            {
                var problem = part switch
                {
                    TemplatePart.AreaAt a when !above.Contains(a.Level) =>
                        $"{{area:{a.Level}}} names no level above {aboveWhat} (above: {string.Join(", ", above)})",
                    TemplatePart.Number when !numbered => "{n} numbers areas above the station; a station has its own id",
                    TemplatePart.OwnId when ReferenceEquals(template, id) => "{id} is the area's id: it may be used in a name, not in the id itself",
                    _ => null,
                };
                if (problem is not null)
                {
                    problems.Add($"{template.Path}: {problem}");
                }
            }
        }
    }

    private static GroupingMap? Grouping(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var grouping = fields.Text("grouping");
        var heading = fields.TextsByKey("heading", required: false).Select(n => (n.Key, n.Text)).ToImmutableArray();
        var per = fields.Texts("oneAreaPer", required: true);
        var id = fields.Text("id");
        var name = fields.TextsByKey("name", required: false).Select(n => (n.Key, Template.Parse(n.Text, n.Path, problems))).ToImmutableArray();
        var ifEmpty = fields.TextsByKey("nameIfEmpty", required: false)
            .Select(n => (n.Key, Template.Parse(n.Text, n.Path, problems))).ToImmutableArray();
        if (per.IsEmpty && item.TryGetProperty("oneAreaPer", out _))
        {
            fields.Problem("oneAreaPer", "name at least one column telling the grouping's areas apart");
        }
        fields.NoOtherFields();
        return grouping is null || id is null
            ? null
            : new GroupingMap(grouping, heading, per, Template.Parse(id, fields.At("id"), problems), name, ifEmpty, path);
    }

    private static JsonObject? Election(MapFields fields, List<string> problems)
    {
        var parts = fields.Object("election");
        if (parts is null)
        {
            return null;
        }
        var election = new JsonObject();
        foreach (var name in ElectionParts)
        {
            if (parts.Value(name, required: name is not ("choices" or "reconciliation")) is { } value)
            {
                election[name] = JsonNode.Parse(value.GetRawText());
            }
        }
        foreach (var made in new[] { "format", "areas" })
        {
            if (parts.Value(made, required: false) is not null)
            {
                parts.Problem(made, made == "areas" ? "the areas are made from the table by levels: leave them out here" : "leave it out here");
            }
        }
        parts.NoOtherFields();
        return problems.Count == 0 ? election : null;
    }

    private static TableFormat? Format(MapFields fields)
    {
        var separatorText = fields.Text("separator", required: false) ?? ",";
        char? separator = separatorText switch
        {
            "," or "comma" => ',',
            ";" or "semicolon" => ';',
            "\t" or "tab" => '\t',
            _ => null,
        };
        if (separator is null)
        {
            fields.Problem("separator", $"expected \",\", \";\" or \"tab\", not \"{separatorText}\"");
        }
        var encodingName = fields.Text("encoding", required: false) ?? "utf-8";
        var encoding = TextFiles.EncodingNamed(encodingName);
        if (encoding is null)
        {
            fields.Problem("encoding", $"unknown encoding \"{encodingName}\" (for example: {string.Join(", ", TextFiles.CommonEncodings)})");
        }
        var entry = fields.Text("zipEntry", required: false);
        return separator is { } s && encoding is not null ? new TableFormat(s, encoding, entry) : null;
    }

    private static JoinedTable? Join(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var (name, file, key, match) = (fields.Text("name"), fields.Text("file"), fields.Text("key"), fields.Text("matchColumn", required: false));
        var format = Format(fields);
        fields.NoOtherFields();
        return name is null || file is null || key is null || format is null ? null : new JoinedTable(name, file, format, key, match ?? key, path);
    }

    private static ExtractedColumn? Extracted(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var (name, from, pattern, otherwise) = (fields.Text("name"), fields.Text("from"), Pattern(fields, "pattern", true), fields.Text("otherwise"));
        fields.NoOtherFields();
        return name is null || from is null || pattern is null || otherwise is null
            ? null
            : new ExtractedColumn(name, from, pattern, Template.Parse(otherwise, fields.At("otherwise"), problems), path);
    }

    private static Regex? Pattern(MapFields fields, string name, bool required)
    {
        var text = fields.Text(name, required);
        if (text is null)
        {
            return null;
        }
        try
        {
            // A mapping file's pattern is the user's: the timeout stops one that backtracks without end. It is wall time, so it is
            // generous: at 1 s a match on a short cell timed out in a test run on a loaded 2-core machine.
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException e)
        {
            fields.Problem(name, $"not a regular expression: {e.Message}");
            return null;
        }
    }

    private static SkipRule? Skip(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var (column, equals, because) = (fields.Text("column"), fields.Text("equals"), fields.Text("because"));
        fields.NoOtherFields();
        return column is null || equals is null || because is null ? null : new SkipRule(column, equals, because, path);
    }

    private static LevelMap? Level(JsonElement item, string path, List<string> problems, bool station)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var level = fields.Text("level");
        var per = fields.Texts("oneAreaPer");
        var id = fields.Text("id");
        var name = fields.TextsByKey("name", required: false).Select(n => (n.Key, Template.Parse(n.Text, n.Path, problems))).ToImmutableArray();
        var ifEmpty = fields.TextsByKey("nameIfEmpty", required: false)
            .Select(n => (n.Key, Template.Parse(n.Text, n.Path, problems))).ToImmutableArray();
        var order = fields.Text("order", required: false) ?? "as in the table";
        if (order is not ("as in the table" or "by id"))
        {
            fields.Problem("order", $"expected \"as in the table\" or \"by id\", not \"{order}\"");
        }
        var heading = fields.TextsByKey("heading", required: false).Select(n => (n.Key, n.Text)).ToImmutableArray();
        var registered = fields.Text("registered", required: station);
        var repeated = fields.Text("repeatedIds", required: false) ?? "refuse";
        if (repeated is not ("refuse" or "add -2, -3"))
        {
            fields.Problem("repeatedIds", $"expected \"refuse\" or \"add -2, -3\", not \"{repeated}\"");
        }
        if (!station && (registered is not null || repeated != "refuse"))
        {
            fields.Problem(registered is not null ? "registered" : "repeatedIds", "only the station level has it");
        }
        if (station && per.Length > 0)
        {
            fields.Problem("oneAreaPer", "the station level has one station per row of the main table: leave it out");
        }
        fields.NoOtherFields();
        return level is null || id is null
            ? null
            : new LevelMap(level, per, Template.Parse(id, fields.At("id"), problems), name, ifEmpty, order == "by id", registered,
                repeated != "refuse", path) { Heading = heading };
    }

    private static CountMap? Count(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var (source, contest) = (fields.Text("source"), fields.Text("contest"));
        var lines = fields.TextsByKey("lines").Select(l => (l.Key, LineExpression.Parse(l.Text, l.Path))).ToImmutableArray();
        var votes = fields.Object("votes") is { } v ? Votes(v, problems) : null;
        var only = fields.Flag("onlyStationsWithVotes");
        fields.NoOtherFields();
        return source is null || contest is null || votes is null ? null : new CountMap(source, contest, lines, votes, only, path);
    }

    private static VotesMap? Votes(MapFields fields, List<string> problems)
    {
        var columns = fields.TextsByKey("columns", required: false);
        var run = fields.Object("columnRun", required: false);
        var tables = fields.Array("longTables").ToList();
        fields.NoOtherFields();
        if ((columns.Length > 0 ? 1 : 0) + (run is null ? 0 : 1) + (tables.Count > 0 ? 1 : 0) != 1)
        {
            problems.Add($"{fields.Path}: give exactly one of columns (one column per choice), columnRun (a run of columns) "
                + "or longTables (one row per station and choice)");
            return null;
        }
        if (columns.Length > 0)
        {
            return new VotesMap.Wide([.. columns.Select(c => (c.Key, c.Text))]);
        }
        if (run is not null)
        {
            var (first, last, id) = (run.Text("first"), run.Text("last"), run.Text("choiceId"));
            var kind = run.Text("kind", required: false) ?? "party";
            var remove = Pattern(run, "removeFromName", false);
            var languages = run.Texts("nameLanguages", required: true);
            run.NoOtherFields();
            return first is null || last is null || id is null
                ? null
                : new VotesMap.WideRun(first, last, Template.Parse(id, run.At("choiceId"), problems), kind, remove, languages);
        }
        var longTables = tables.Select(t => LongTable(t.Item, t.Path, problems)).ToList();
        return longTables.Any(t => t is null) ? null : new VotesMap.Long([.. longTables.OfType<LongTable>()]);
    }

    private static ChoiceNames? ChoiceNames(MapFields fields, List<string> problems)
    {
        var (file, format, number) = (fields.Text("file"), Format(fields), fields.Text("ballotNumberColumn"));
        var name = fields.TextsByKey("name").Select(n => (n.Key, Template.Parse(n.Text, n.Path, problems))).ToImmutableArray();
        fields.NoOtherFields();
        return file is null || format is null || number is null ? null : new ChoiceNames(file, format, number, name, fields.Path);
    }

    private static LongTable? LongTable(JsonElement item, string path, List<string> problems)
    {
        var fields = MapFields.Of(item, path, problems);
        if (fields is null)
        {
            return null;
        }
        var file = fields.Text("file");
        var format = Format(fields);
        var (station, code, votes) = (fields.Text("stationColumn"), fields.Text("choiceCodeColumn"), fields.Text("votesColumn"));
        var choices = fields.TextsByKey("choiceCodes").ToImmutableDictionary(c => c.Key, c => c.Text, StringComparer.Ordinal);
        var others = fields.Text("otherCodes", required: false) ?? "refuse";
        if (others is not ("refuse" or "ignore"))
        {
            fields.Problem("otherCodes", $"expected \"refuse\" or \"ignore\", not \"{others}\"");
        }
        fields.NoOtherFields();
        return file is null || format is null || station is null || code is null || votes is null
            ? null
            : new LongTable(file, format, station, code, votes, choices, others == "ignore", path);
    }
}
