using System.Collections.Immutable;
using System.Text.Json;
using Sanoo.Core.Json;

namespace Sanoo.Core.Maps;

/// <summary>
/// Reads an area's <c>geometry</c>: a GeoJSON (RFC 7946) Polygon or MultiPolygon object in WGS84 longitude and latitude.
/// Every problem is reported at its path; a shape with any problem is dropped (the definition is refused anyway).
/// </summary>
public static class ShapeReader
{
    /// <summary>The shape, or null with problems added.</summary>
    public static AreaShape? Read(JsonElement element, string path, ICollection<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "type", "coordinates", "bbox");
        if (f is null)
        {
            return null;
        }
        var type = f.String("type");
        var before = problems.Count;
        var rings = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>();
        switch (type)
        {
            case "Polygon":
                foreach (var (ring, ringPath) in f.Array("coordinates"))
                {
                    rings.AddRange(Rings(ring, ringPath, problems, polygon: false));
                }
                break;
            case "MultiPolygon":
                foreach (var (polygon, polygonPath) in f.Array("coordinates"))
                {
                    rings.AddRange(Rings(polygon, polygonPath, problems, polygon: true));
                }
                break;
            default:
                f.Problem("type", $"expected \"Polygon\" or \"MultiPolygon\", found \"{type}\"");
                break;
        }
        if (rings.Count == 0 && problems.Count == before)
        {
            f.Problem("coordinates", "needs at least one ring");
        }
        return problems.Count == before ? new AreaShape(rings.ToImmutable()) : null;
    }

    private static IEnumerable<ImmutableArray<GeoPoint>> Rings(JsonElement value, string path, ICollection<JsonProblem> problems, bool polygon)
    {
        if (!polygon)
        {
            return Ring(value, path, problems) is { } one ? [one] : [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new JsonProblem(path, $"expected a polygon (an array of rings), found {JsonFields.Describe(value)}"));
            return [];
        }
        return value.EnumerateArray().Select((ring, i) => Ring(ring, $"{path}[{i}]", problems)).OfType<ImmutableArray<GeoPoint>>().ToList();
    }

    private static ImmutableArray<GeoPoint>? Ring(JsonElement value, string path, ICollection<JsonProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 4)
        {
            problems.Add(new JsonProblem(path, "expected a linear ring: an array of at least four [longitude, latitude] positions"));
            return null;
        }
        var points = ImmutableArray.CreateBuilder<GeoPoint>(value.GetArrayLength());
        var i = 0;
        foreach (var position in value.EnumerateArray())
        {
            if (Point(position) is { } point)
            {
                points.Add(point);
            }
            else
            {
                problems.Add(new JsonProblem($"{path}[{i}]", "expected [longitude, latitude] in degrees (−180 … 180, −90 … 90)"));
                return null;
            }
            i++;
        }
        if (points[0] != points[^1])
        {
            problems.Add(new JsonProblem(path, "a ring ends where it starts (RFC 7946 §3.1.6)"));
            return null;
        }
        return points.MoveToImmutable();
    }

    private static GeoPoint? Point(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
        return lon is >= -180 and <= 180 && lat is >= -90 and <= 90 ? new GeoPoint(lon, lat) : null;
    }
}
