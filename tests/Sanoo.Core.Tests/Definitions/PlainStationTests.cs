using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

/// <summary>Stations in the common shape are read without the general reader's bookkeeping, with the same result.</summary>
public class PlainStationTests
{
    /// <summary>The small definition with every area's level under its current name, "level" (it spells the old "kind").</summary>
    private static byte[] WithLevels(Action<JsonObject>? change = null) => DefinitionJson.With(d =>
    {
        foreach (var area in d["areas"]!.AsArray())
        {
            var level = area!["kind"]!.GetValue<string>();
            area.AsObject().Remove("kind");
            area["level"] = level;
        }
        change?.Invoke(d);
    });

    private static List<JsonProblem> ProblemsOf(Action<JsonObject> change) =>
        Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(WithLevels(change))).Problems.ToList();

    private static (AreaId, int, AreaId?, VoterRoll?, string?, int, bool, bool) Shape(Area a) =>
        (a.Id, a.Level, a.Parent, a.Roll, a.Name?.In("en"), a.Members.Length, a.Shape is null, a.Address is null);

    [Fact]
    public void Stations_in_the_common_shape_read_as_the_general_reader_reads_them()
    {
        var fieldByField = DefinitionJson.LoadSmall();
        var plain = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(WithLevels())).Election;
        Assert.Equal(fieldByField.Areas.Select(Shape), plain.Areas.Select(Shape));
        Assert.Equal(new VoterRoll(800, 12), plain.Area(new AreaId("s2"))!.Roll);
        Assert.Equal(2112, plain.RegisteredVoters(plain.AreaIndex(new AreaId("land"))));
    }

    [Fact]
    public void Stations_of_one_area_share_its_id()
    {
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(WithLevels())).Election;
        Assert.Same(election.Area(new AreaId("s1"))!.Parent!.Value.Value, election.Area(new AreaId("s2"))!.Parent!.Value.Value);
    }

    [Theory]
    [InlineData("registered", "-4", "$.areas[3].registered", "must not be negative, found -4")]
    [InlineData("registered", "\"many\"", "$.areas[3].registered", "expected a whole number, found the string \"many\"")]
    [InlineData("registered", "99999999999", "$.areas[3].registered", "too large")]
    [InlineData("registered", "null", "$.areas[3].registered", "is missing (expected a whole number)")]
    [InlineData("additional", "1.5", "$.areas[4].additional", "expected a whole number, found 1.5")]
    [InlineData("parent", "\"east 1\"", "$.areas[3].parent", "\"east 1\" is not a valid id")]
    [InlineData("parent", "\"east-9\"", "$.areas[3].parent", "'east-9' is not an area of this election, so 's1' is an orphan")]
    [InlineData("id", "\"s 1\"", "$.areas[3].id", "\"s 1\" is not a valid id")]
    [InlineData("id", "\"s2\"", "$.areas[4].id", "duplicate area id 's2' (first at $.areas[3])")]
    [InlineData("level", "\"booth\"", "$.areas[3].level", "'booth' is not a level of this election")]
    [InlineData("level", "\"district\"", "$.areas[3].registered", "only stations have voter lists")]
    [InlineData("registred", "5", "$.areas[3].registred", "unknown field 'registred'")]
    public void A_fault_in_a_station_of_the_common_shape_is_reported_as_the_general_reader_reports_it(
        string field, string value, string path, string message)
    {
        var station = field == "additional" ? 4 : 3;
        var problems = ProblemsOf(d => d["areas"]![station]![field] = JsonNode.Parse(value));
        Assert.True(
            problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected a problem at {path} containing \"{message}\", got:\n{string.Join("\n", problems)}");
    }
}
