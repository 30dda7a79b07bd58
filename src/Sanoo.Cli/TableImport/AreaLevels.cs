using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// The levels a mapping's map may have. Today's definition format knows four kinds of area, so a mapping names exactly these four
/// levels, root first, and each area's <c>kind</c> is its level id. When the definition takes a list of levels (a top-level
/// <c>levels</c> array and <c>"level"</c> on each area), <see cref="Problem"/> and <see cref="Write"/>, both here, are the only
/// places to change.
/// </summary>
public static class AreaLevels
{
    /// <summary>The level of polling stations: one per row of the main table.</summary>
    public const string Station = "station";

    /// <summary>The level ids today's definition format accepts, root first.</summary>
    public static readonly ImmutableArray<string> Supported = ["nation", "region", "district", Station];

    /// <summary>Why <paramref name="levels"/> cannot be written as today's area kinds, or null if they can.</summary>
    public static string? Problem(IReadOnlyList<string> levels) =>
        levels.SequenceEqual(Supported, StringComparer.Ordinal)
            ? null
            : $"the levels must be exactly {string.Join(", ", Supported)} (root first) for now, not {string.Join(", ", levels)}: "
                + "the definition format does not yet take other levels";

    /// <summary>An area of the definition, placed at its level by today's <c>"kind"</c>.</summary>
    public static JsonObject Write(string id, string level, string? parent, IEnumerable<(string Language, string Text)> names, int? registered)
    {
        var area = new JsonObject { ["id"] = id, ["kind"] = level };
        if (parent is not null)
        {
            area["parent"] = parent;
        }
        var name = new JsonObject();
        foreach (var (language, text) in names)
        {
            name[language] = text;
        }
        if (name.Count > 0)
        {
            area["name"] = name;
        }
        if (registered is { } r)
        {
            area["registered"] = r;
        }
        return area;
    }
}
