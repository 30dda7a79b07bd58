using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Maps;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

public sealed class GeometryAndAddressTests
{
    private static JsonObject AreaOf(JsonObject root, string id) =>
        root["areas"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["id"]!.GetValue<string>() == id);

    private static JsonNode Square(double x, double y, double side) => JsonNode.Parse(
        $"[[[{x},{y}],[{x + side},{y}],[{x + side},{y + side}],[{x},{y + side}],[{x},{y}]]]")!;

    private static IReadOnlyList<string> Problems(byte[] json) =>
        DefinitionJson.Load(json) is DefinitionResult.Invalid invalid ? [.. invalid.Problems.Select(p => p.ToString())] : [];

    [Fact]
    public void An_area_keeps_its_polygon_and_a_station_its_address_in_every_language()
    {
        var election = ((DefinitionResult.Loaded)DefinitionJson.Load(DefinitionJson.With(root =>
        {
            AreaOf(root, "east")["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = Square(74, 42, 1) };
            AreaOf(root, "s1")["address"] = new JsonObject { ["en"] = "12 Manas Ave", ["ru"] = "пр. Манаса, 12" };
            root["mapCredit"] = new JsonObject { ["en"] = "Boundaries: somebody, CC BY" };
        }))).Election;
        var east = election.Area(new AreaId("east"))!;
        Assert.Equal(5, east.Shape!.PointCount);
        Assert.Equal((74.0, 42.0, 75.0, 43.0), east.Shape.Bounds());
        Assert.Null(election.Area(new AreaId("abroad"))!.Shape);
        Assert.Equal("пр. Манаса, 12", election.Area(new AreaId("s1"))!.Address!.In("ru"));
        Assert.Equal("Boundaries: somebody, CC BY", election.Definition.MapCredit!.In("en"));
    }

    [Fact]
    public void A_multipolygon_keeps_every_ring()
    {
        var election = ((DefinitionResult.Loaded)DefinitionJson.Load(DefinitionJson.With(root =>
            AreaOf(root, "east")["geometry"] = new JsonObject
            {
                ["type"] = "MultiPolygon",
                ["coordinates"] = new JsonArray(Square(74, 42, 1), Square(76, 42, 0.5)),
            }))).Election;
        Assert.Equal(2, election.Area(new AreaId("east"))!.Shape!.Rings.Length);
    }

    [Theory]
    [InlineData("""{"type": "Point", "coordinates": [74, 42]}""", "$.areas[1].geometry.type")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[74, 42], [75, 42], [75, 43], [74, 42.5]]]}""", "$.areas[1].geometry.coordinates[0]")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[74, 42], [75, 42], [275, 43], [74, 42]]]}""", "$.areas[1].geometry.coordinates[0][2]")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[74, 42], [75, 42], [74, 42]]]}""", "$.areas[1].geometry.coordinates[0]")]
    [InlineData("""{"type": "Polygon", "coordinates": [], "extra": 1}""", "$.areas[1].geometry.extra")]
    public void A_geometry_that_is_no_polygon_is_refused_at_its_path(string geometry, string path)
    {
        var problems = Problems(DefinitionJson.With(root => AreaOf(root, "east")["geometry"] = JsonNode.Parse(geometry)));
        Assert.Contains(problems, p => p.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_a_station_has_an_address()
    {
        var problems = Problems(DefinitionJson.With(root => AreaOf(root, "east")["address"] = new JsonObject { ["en"] = "Main St" }));
        Assert.Contains(problems, p => p.StartsWith("$.areas[1].address", StringComparison.Ordinal));
    }

    [Fact]
    public void Simplifying_a_ring_keeps_its_corners_and_drops_what_lies_on_a_line()
    {
        // A square with ten points on each side: at any tolerance below its size only the corners are needed.
        var points = new List<GeoPoint>();
        foreach (var (x0, y0, dx, dy) in new[] { (0.0, 0.0, 1.0, 0.0), (10.0, 0.0, 0.0, 1.0), (10.0, 10.0, -1.0, 0.0), (0.0, 10.0, 0.0, -1.0) })
        {
            for (var i = 0; i < 10; i++)
            {
                points.Add(new GeoPoint(x0 + (i * dx), y0 + (i * dy) + (i % 2 * 0.01)));
            }
        }
        points.Add(points[0]);
        var simple = LineSimplifier.Simplify([.. points], 0.1);
        Assert.Equal(5, simple.Length);
        Assert.Equal(simple[0], simple[^1]);
        Assert.Contains(new GeoPoint(10, 10), simple);
        Assert.True(LineSimplifier.Simplify([.. points], 0.001).Length > 5, "the small wiggles of two sides are kept at a finer tolerance");
    }
}
