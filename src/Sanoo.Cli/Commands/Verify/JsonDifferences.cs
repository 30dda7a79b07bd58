using System.Text.Json.Nodes;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Where a published JSON document differs from the one the verifier builds with the site's own builders, value by value: each
/// difference named by its path, an object of a list by its <c>id</c> (or <c>contest</c>) where it has one
/// (<c>results › rows[p05] › votes[0]</c>).
/// </summary>
internal static class JsonDifferences
{
    /// <summary>The first <paramref name="most"/> differences of <paramref name="published"/> from <paramref name="expected"/>.</summary>
    public static List<(string Path, string? Published, string? Expected)> Of(JsonNode? published, JsonNode? expected, int most = 5)
    {
        var found = new List<(string, string?, string?)>();
        if (!JsonNode.DeepEquals(published, expected))
        {
            Walk(published, expected, "", found, most);
        }
        return found;
    }

    private static void Walk(JsonNode? published, JsonNode? expected, string path, List<(string, string?, string?)> found, int most)
    {
        if (found.Count >= most || JsonNode.DeepEquals(published, expected))
        {
            return;
        }
        switch (published, expected)
        {
            case (JsonObject p, JsonObject e):
                foreach (var name in e.Select(x => x.Key).Union(p.Select(x => x.Key)))
                {
                    Walk(p[name], e[name], Join(path, name), found, most);
                }
                break;
            case (JsonArray p, JsonArray e) when p.Count == e.Count || !e.Any(x => Id(x) is not null):
                for (var i = 0; i < Math.Max(p.Count, e.Count); i++)
                {
                    var (one, other) = (i < p.Count ? p[i] : null, i < e.Count ? e[i] : null);
                    var label = Id(other) ?? Id(one) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Walk(one, other, $"{path}[{label}]", found, most);
                }
                break;
            case (JsonArray p, JsonArray e):
                found.Add(($"{path} (ids)", string.Join(' ', p.Select(Id)), string.Join(' ', e.Select(Id))));
                break;
            default:
                found.Add((path, Text(published), Text(expected)));
                break;
        }
    }

    private static string? Id(JsonNode? node) => node is JsonObject o && (o["id"] ?? o["contest"]) is JsonValue v ? v.ToString() : null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path} › {name}";

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };
}
