using System.Text;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

public class DefinitionReaderTests
{
    private static List<JsonProblem> ProblemsOf(Action<JsonObject> change) =>
        Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(DefinitionJson.With(change))).Problems.ToList();

    private static void AssertProblem(Action<JsonObject> change, string path, string message)
    {
        var problems = ProblemsOf(change);
        Assert.True(
            problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected a problem at {path} containing \"{message}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void The_small_definition_loads_with_its_tree_in_depth_first_order()
    {
        var election = DefinitionJson.LoadSmall();
        Assert.Equal("tiny-2025", election.Id.Value);
        Assert.Equal(["land", "east", "east-1", "s1", "s2", "abroad", "s3"], election.Areas.Select(a => a.Id.Value));
        Assert.Equal(3, election.StationCount);
        Assert.Equal(1000 + 812 + 300, election.RegisteredVoters(election.AreaIndex(new AreaId("land"))));
        Assert.Equal([0, 1], election.StationsOf(election.AreaIndex(new AreaId("east"))).ToArray());
        var seat = election.Contest(new ContestId("east-seat"))!;
        Assert.Equal(2, seat.StationCount);
        Assert.Equal(["east-1"], seat.TallyAreas.Select(a => election.Areas[a].Id.Value));
        Assert.Equal("Embassy", election.Area(new AreaId("s3"))!.DisplayName("ky"));
        Assert.Equal("s1", election.Area(new AreaId("s1"))!.DisplayName("en"));
    }

    [Fact]
    public void The_time_zone_is_optional_and_read_as_an_iana_id()
    {
        Assert.Null(DefinitionJson.LoadSmall().Definition.TimeZone);
        var loaded = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(d => d["timeZone"] = "Asia/Bishkek")));
        Assert.Equal("Asia/Bishkek", loaded.Election.Definition.TimeZone);
    }

    [Fact]
    public void A_time_zone_that_is_no_iana_id_is_reported() =>
        AssertProblem(d => d["timeZone"] = "Bishkek time", "$.timeZone", "expected an IANA time zone id");

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        var result = Assert.IsType<DefinitionResult.Invalid>(DefinitionReader.Read(Encoding.UTF8.GetBytes("{\n \"id\": ,\n}")));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_path() =>
        AssertProblem(d => d["areas"]![3]!["registred"] = 5, "$.areas[3].registred", "unknown field 'registred'");

    [Fact]
    public void A_duplicate_area_id_is_reported() =>
        AssertProblem(d => d["areas"]![2]!["id"] = "east", "$.areas[2].id", "duplicate area id 'east' (first at $.areas[1])");

    [Fact]
    public void A_station_under_two_districts_is_reported()
    {
        AssertProblem(
            d =>
            {
                d["areas"]!.AsArray().Add(JsonNode.Parse("""{"id": "east-2", "kind": "district", "parent": "east", "name": {"en": "East 2"}}"""));
                d["areas"]!.AsArray().Add(JsonNode.Parse("""{"id": "s1", "kind": "station", "parent": "east-2", "registered": 10}"""));
            },
            "$.areas[8].id",
            "station 's1' is listed twice, under 'east-1' and under 'east-2'");
    }

    [Fact]
    public void An_orphan_area_is_reported() =>
        AssertProblem(
            d => d["areas"]![4]!["parent"] = "west-9",
            "$.areas[4].parent",
            "'west-9' is not an area of this election, so 's2' is an orphan");

    [Fact]
    public void A_station_cannot_contain_areas() =>
        AssertProblem(d => d["areas"]![4]!["parent"] = "s1", "$.areas[4].parent", "a station cannot belong to 's1', which is a station");

    [Fact]
    public void The_tree_needs_exactly_one_nation() =>
        AssertProblem(d => d["areas"]![1]!["kind"] = "nation", "$.areas", "has 2 areas of level \"nation\"");

    [Fact]
    public void An_area_without_stations_is_reported() =>
        AssertProblem(
            d => d["areas"]!.AsArray().Add(JsonNode.Parse("""{"id": "west", "kind": "region", "parent": "land", "name": {"en": "West"}}""")),
            "$.areas[7]",
            "region 'west' has no polling stations under it");

    [Fact]
    public void A_negative_figure_is_reported() =>
        AssertProblem(d => d["areas"]![3]!["registered"] = -4, "$.areas[3].registered", "must not be negative, found -4");

    [Fact]
    public void A_figure_too_large_for_a_station_is_reported() =>
        AssertProblem(d => d["areas"]![3]!["registered"] = 99999999999, "$.areas[3].registered", "too large");

    [Fact]
    public void A_contest_naming_an_unknown_area_is_reported() =>
        AssertProblem(d => d["contests"]![1]!["area"] = "east-7", "$.contests[1].area", "'east-7' is not an area of this election");

    [Fact]
    public void A_contest_naming_an_unknown_choice_is_reported() =>
        AssertProblem(d => d["contests"]![0]!["choices"]![1] = "green", "$.contests[0].choices[1]", "'green' is not a choice of this election");

    [Fact]
    public void A_party_list_contest_cannot_list_candidates() =>
        AssertProblem(
            d => d["contests"]![0]!["choices"]![1] = "bob",
            "$.contests[0].choices[1]",
            "'bob' is a candidate, which a party-list contest cannot have");

    [Fact]
    public void A_relation_naming_an_unknown_line_is_reported() =>
        AssertProblem(
            d => d["forms"]![0]!["relations"]![0]!["rule"] = "in_boxes = valid + spoiled",
            "$.forms[0].relations[0].rule",
            "names the line 'spoiled', which is not on the form");

    [Fact]
    public void A_malformed_relation_is_reported_with_the_position() =>
        AssertProblem(
            d => d["forms"]![0]!["relations"]![1]!["rule"] = "valid = votes(*",
            "$.forms[0].relations[1].rule",
            "relation 'votes' is malformed at character 16");

    [Fact]
    public void An_unknown_seat_method_is_reported() =>
        AssertProblem(d => d["contests"]![0]!["seatRules"]!["method"] = "hair", "$.contests[0].seatRules.method", "unknown method 'hair'");

    [Fact]
    public void A_wrong_type_is_reported_with_what_was_found() =>
        AssertProblem(d => d["contests"]![0]!["seats"] = "five", "$.contests[0].seats", "expected a whole number, found the string \"five\"");

    [Fact]
    public void A_bad_id_is_reported() =>
        AssertProblem(d => d["areas"]![3]!["id"] = "s 1", "$.areas[3].id", "\"s 1\" is not a valid id");

    [Fact]
    public void Every_problem_is_reported_in_one_pass()
    {
        var problems = ProblemsOf(d =>
        {
            d["areas"]![3]!["registered"] = -1;
            d["contests"]![1]!["area"] = "nowhere";
            d["choices"]![0]!["kind"] = "movement";
        });
        Assert.Contains(problems, p => p.Path == "$.areas[3].registered");
        Assert.Contains(problems, p => p.Path == "$.contests[1].area");
        Assert.Contains(problems, p => p.Path == "$.choices[0].kind"
            && p.Message.Contains("expected one of \"party\", \"candidate\", \"against-all\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_newer_format_is_refused_clearly() =>
        AssertProblem(d => d["format"] = "sanoo-election/2", "$.format", "this version of Sanoo reads 'sanoo-election/1'");
}
