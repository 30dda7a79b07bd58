using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// The levels and groupings of a mapping's map as the definition states them: a top-level <c>levels</c> array (written only when
/// the mapping's levels are not the default nation, region, district, station, or are named), <c>groupings</c>, and each area's
/// <c>level</c>.
/// </summary>
public static class AreaLevels
{
    /// <summary>The levels of a definition that names none, root first.</summary>
    public static readonly ImmutableArray<string> Default = ["nation", "region", "district", "station"];

    /// <summary>Why <paramref name="ids"/> (the levels, then the groupings) cannot be a map, or null if they can.</summary>
    public static string? Problem(IReadOnlyList<string> ids, int levels) =>
        levels < 2 ? "name at least two levels: the root (e.g. the nation) and the polling station, last"
        : ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? $"the level or grouping id \"{twice.Key}\" is used twice"
            : null;

    /// <summary>Writes <c>levels</c> and <c>groupings</c> into the definition where the mapping has other levels, headings or
    /// groupings.</summary>
    public static void WriteLevels(JsonObject definition, ImmutableArray<LevelMap> levels, ImmutableArray<GroupingMap> groupings)
    {
        if (levels.Select(l => l.Level).SequenceEqual(Default, StringComparer.Ordinal) && levels.All(l => l.Heading.IsEmpty) && groupings.IsEmpty)
        {
            return;
        }
        definition["levels"] = new JsonArray([.. levels.Select(l => Level(l.Level, l.Heading))]);
        if (!groupings.IsEmpty)
        {
            definition["groupings"] = new JsonArray([.. groupings.Select(g => Level(g.Grouping, g.Heading))]);
        }
    }

    /// <summary>An area of the definition, placed at its level (or grouping, with its member stations).</summary>
    public static JsonObject Write(
        string id,
        string level,
        string? parent,
        IEnumerable<(string Language, string Text)> names,
        int? registered,
        IReadOnlyList<string>? members = null)
    {
        var area = new JsonObject { ["id"] = id, ["level"] = level };
        if (parent is not null)
        {
            area["parent"] = parent;
        }
        if (Names(names) is { Count: > 0 } name)
        {
            area["name"] = name;
        }
        if (registered is { } r)
        {
            area["registered"] = r;
        }
        if (members is not null)
        {
            area["members"] = new JsonArray([.. members.Select(m => (JsonNode)m)]);
        }
        return area;
    }

    private static JsonNode Level(string id, ImmutableArray<(string Language, string Text)> heading)
    {
        var level = new JsonObject { ["id"] = id };
        if (!heading.IsEmpty)
        {
            level["name"] = Names(heading);
        }
        return level;
    }

    private static JsonObject Names(IEnumerable<(string Language, string Text)> names)
    {
        var name = new JsonObject();
        foreach (var (language, text) in names)
        {
            name[language] = text;
        }
        return name;
    }
}
