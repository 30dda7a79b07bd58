using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

/// <summary>
/// Maps of any depth (an Indonesian-shaped five-level tree) and groupings of the same stations beside the tree (electoral
/// districts that cut across it): loading, the checks, the tally at every level and grouping, contests held in an area of a
/// grouping, and the snapshot's invariants.
/// </summary>
public sealed class LevelsAndGroupingsTests
{
    /// <summary>
    /// country → 2 provinces → 3 regencies → 4 villages → 8 polling stations (tps); a grouping "dapil" of two electoral districts
    /// (one made of a whole regency and one station from elsewhere, one of the rest), and a second grouping "zone" that covers some
    /// stations only. A national list, a contest held in dapil-1 and one held in a village.
    /// </summary>
    private const string Map = """
    {
      "format": "sanoo-election/1",
      "id": "deep-2029",
      "name": {"en": "Deep election"},
      "date": "2029-02-14",
      "languages": ["en", "id"],
      "levels": [
        {"id": "country", "name": {"en": "Country", "id": "Negara"}},
        {"id": "province", "name": {"en": "Provinces", "id": "Provinsi"}},
        {"id": "regency", "name": {"en": "Regencies", "id": "Kabupaten/Kota"}},
        {"id": "village", "name": {"en": "Villages", "id": "Desa/Kelurahan"}},
        {"id": "tps", "name": {"en": "Polling stations", "id": "TPS"}}
      ],
      "groupings": [
        {"id": "dapil", "name": {"en": "Electoral districts", "id": "Daerah pemilihan"}},
        {"id": "zone", "name": {"en": "Zones"}}
      ],
      "sources": [{"id": "hand", "name": {"en": "Hand count"}, "official": true}],
      "forms": [{
        "id": "main",
        "lines": [
          {"id": "registered", "name": {"en": "Voters on the list"}},
          {"id": "valid", "name": {"en": "Valid ballots"}},
          {"id": "invalid", "name": {"en": "Invalid ballots"}}
        ],
        "relations": [
          {"id": "votes", "rule": "valid = votes(*)", "severity": "error"},
          {"id": "cast", "rule": "valid + invalid <= registered", "severity": "error"}
        ],
        "participation": "valid + invalid"
      }],
      "choices": [
        {"id": "red", "kind": "party", "ballotNumber": 1, "name": {"en": "Red"}},
        {"id": "blue", "kind": "party", "ballotNumber": 2, "name": {"en": "Blue"}},
        {"id": "ann", "kind": "candidate", "name": {"en": "Ann"}},
        {"id": "bob", "kind": "candidate", "name": {"en": "Bob"}}
      ],
      "contests": [
        {"id": "list", "kind": "party-list", "name": {"en": "National list"}, "area": "country", "form": "main",
         "choices": ["red", "blue"], "seats": 10, "seatRules": {"method": "sainte-lague", "apportionTo": "dapil"}},
        {"id": "seat-1", "kind": "single-member", "name": {"en": "Seat of dapil 1"}, "area": "dapil-1", "form": "main",
         "choices": ["ann", "bob"]},
        {"id": "mayor", "kind": "single-member", "name": {"en": "Village head"}, "area": "v1", "form": "main", "choices": ["ann", "bob"]}
      ],
      "areas": [
        {"id": "country", "level": "country", "name": {"en": "Country"}},
        {"id": "p1", "level": "province", "parent": "country", "name": {"en": "Province 1"}},
        {"id": "r1", "level": "regency", "parent": "p1", "name": {"en": "Regency 1"}},
        {"id": "v1", "level": "village", "parent": "r1", "name": {"en": "Village 1"}},
        {"id": "t1", "level": "tps", "parent": "v1", "registered": 100},
        {"id": "t2", "level": "tps", "parent": "v1", "registered": 200},
        {"id": "v2", "level": "village", "parent": "r1", "name": {"en": "Village 2"}},
        {"id": "t3", "level": "tps", "parent": "v2", "registered": 300},
        {"id": "r2", "level": "regency", "parent": "p1", "name": {"en": "Regency 2"}},
        {"id": "v3", "level": "village", "parent": "r2", "name": {"en": "Village 3"}},
        {"id": "t4", "level": "tps", "parent": "v3", "registered": 400},
        {"id": "t5", "level": "tps", "parent": "v3", "registered": 500},
        {"id": "p2", "level": "province", "parent": "country", "name": {"en": "Province 2"}},
        {"id": "r3", "level": "regency", "parent": "p2", "name": {"en": "Regency 3"}},
        {"id": "v4", "level": "village", "parent": "r3", "name": {"en": "Village 4"}},
        {"id": "t6", "level": "tps", "parent": "v4", "registered": 600},
        {"id": "t7", "level": "tps", "parent": "v4", "registered": 700},
        {"id": "t8", "level": "tps", "parent": "v4", "registered": 800},
        {"id": "dapil-1", "level": "dapil", "name": {"en": "Dapil 1"}, "members": ["r1", "t7"]},
        {"id": "dapil-2", "level": "dapil", "name": {"en": "Dapil 2"}, "members": ["r2", "t6", "t8"]},
        {"id": "zone-a", "level": "zone", "name": {"en": "Zone A"}, "members": ["t2", "t5"]}
      ]
    }
    """;

    private static readonly Election Deep = Load(Encoding.UTF8.GetBytes(Map));

    private static Election Load(byte[] json) => DefinitionReader.Read(json) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new InvalidOperationException(string.Join("\n", invalid.Problems)),
        _ => throw new InvalidOperationException(),
    };

    private static ImmutableArray<Core.Json.JsonProblem> ProblemsWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Map)!.AsObject();
        change(root);
        return DefinitionReader.Read(Encoding.UTF8.GetBytes(root.ToJsonString())) is DefinitionResult.Invalid invalid
            ? invalid.Problems
            : [];
    }

    private static void AssertProblem(Action<JsonObject> change, string path, string message)
    {
        var problems = ProblemsWith(change);
        Assert.True(
            problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected a problem at {path} containing \"{message}\", got:\n{string.Join("\n", problems)}");
    }

    /// <summary>A sound protocol: the station's voters, then valid votes split as given and some invalid ballots.</summary>
    private static Protocol Counted(string station, string contest, int first, int second, int invalid = 3) =>
        new(
            Deep.Id,
            new AreaId(station),
            new ContestId(contest),
            new SourceId("hand"),
            1,
            [Deep.Area(new AreaId(station))!.Roll!.Registered, first + second, invalid],
            [first, second],
            null);

    private static AreaTally Tally(Snapshot snapshot, string contest, string area) =>
        snapshot.Tally(new ContestId(contest), new SourceId("hand"), new AreaId(area))!;

    private static int Index(string area) => Deep.AreaIndex(new AreaId(area));

    [Fact]
    public void A_five_level_map_loads_with_its_own_levels_and_the_stations_as_leaves()
    {
        Assert.Equal(["country", "province", "regency", "village", "tps", "dapil", "zone"], Deep.Levels.Select(l => l.Id));
        Assert.Equal(5, Deep.Definition.TreeDepth);
        Assert.Equal(8, Deep.StationCount);
        Assert.True(Deep.Area(new AreaId("t1"))!.IsStation);
        Assert.False(Deep.Area(new AreaId("v1"))!.IsStation);
        Assert.Equal(
            ["country", "p1", "r1", "v1", "t1", "t2", "v2", "t3", "r2", "v3", "t4", "t5", "p2", "r3", "v4", "t6", "t7", "t8",
                "dapil-1", "dapil-2", "zone-a"],
            Deep.Areas.Select(a => a.Id.Value));
        Assert.Equal(100 + 200 + 300, Deep.RegisteredVoters(Index("r1")));
        Assert.Equal(3600, Deep.RegisteredVoters(Index("country")));
        Assert.Equal("Desa/Kelurahan", Deep.Levels[3].HeadingIn("id"));
    }

    [Fact]
    public void A_grouping_area_holds_the_stations_of_its_members_in_station_order_and_their_voters()
    {
        Assert.Equal([0, 1, 2, 6], Deep.StationsOf(Index("dapil-1")).ToArray()); // r1's t1, t2, t3 and t7
        Assert.Equal([3, 4, 5, 7], Deep.StationsOf(Index("dapil-2")).ToArray());
        Assert.Equal(100 + 200 + 300 + 700, Deep.RegisteredVoters(Index("dapil-1")));
        Assert.Equal([Index("dapil-1"), Index("zone-a")], Deep.GroupingAreasOf(1).ToArray());
        Assert.Equal([Index("v1"), Index("r1"), Index("p1"), Index("country"), Index("dapil-1"), Index("zone-a")], Deep.AreasAbove(1));
        Assert.Equal(-1, Deep.ParentIndex(Index("dapil-1")));
    }

    [Fact]
    public void Every_level_and_every_grouping_area_adds_up_and_the_snapshot_passes_its_checks()
    {
        var engine = new TallyEngine(Deep);
        var votes = new Dictionary<string, (int Red, int Blue)>
        {
            ["t1"] = (50, 20), ["t2"] = (40, 60), ["t3"] = (100, 90), ["t4"] = (200, 100),
            ["t5"] = (10, 300), ["t6"] = (250, 250), ["t7"] = (300, 200), ["t8"] = (400, 100),
        };
        foreach (var (station, (red, blue)) in votes)
        {
            Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(Counted(station, "list", red, blue)));
        }
        var snapshot = engine.Freeze();
        Assert.True(snapshot.IsPublishable, string.Join("\n", snapshot.InvariantViolations));
        long Red(params string[] stations) => stations.Sum(s => votes[s].Red);
        Assert.Equal(Red("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"), Tally(snapshot, "list", "country").Votes[0]);
        Assert.Equal(Red("t1", "t2", "t3", "t4", "t5"), Tally(snapshot, "list", "p1").Votes[0]);
        Assert.Equal(Red("t4", "t5"), Tally(snapshot, "list", "v3").Votes[0]);
        Assert.Equal(Red("t1", "t2", "t3", "t7"), Tally(snapshot, "list", "dapil-1").Votes[0]);
        Assert.Equal(Red("t4", "t5", "t6", "t8"), Tally(snapshot, "list", "dapil-2").Votes[0]);
        var zone = Tally(snapshot, "list", "zone-a");
        Assert.Equal((Red("t2", "t5"), 2, 2, 700L), (zone.Votes[0], zone.StationsReporting, zone.StationsExpected, zone.RegisteredTotal));
        var dapil = Tally(snapshot, "list", "dapil-1");
        Assert.Equal((4, 4, 4 * 3L), (dapil.StationsReporting, dapil.StationsExpected, dapil.Lines[2]));
    }

    [Fact]
    public void A_contest_held_in_a_grouping_area_counts_its_stations_only_and_refuses_the_others()
    {
        var seat = Deep.Contest(new ContestId("seat-1"))!;
        Assert.Equal(4, seat.StationCount);
        Assert.Equal([Index("dapil-1")], seat.TallyAreas.ToArray());
        Assert.Equal([0, 1, 2, 6], Enumerable.Range(0, seat.StationCount).Select(seat.OrdinalAt));
        Assert.Equal(-1, seat.OffsetOf(3));
        var outside = ProtocolShape.Check(Deep, Counted("t4", "seat-1", 1, 2));
        Assert.Contains(outside, p => p.Path == "$.station" && p.Message.Contains("does not vote in contest 'seat-1'", StringComparison.Ordinal));
        Assert.Empty(ProtocolShape.Check(Deep, Counted("t7", "seat-1", 1, 2)));

        var engine = new TallyEngine(Deep);
        engine.Apply(Counted("t1", "seat-1", 30, 10));
        engine.Apply(Counted("t7", "seat-1", 5, 70));
        engine.Apply(Counted("t1", "list", 9, 9));
        var snapshot = engine.Freeze();
        Assert.True(snapshot.IsPublishable, string.Join("\n", snapshot.InvariantViolations));
        var tally = Tally(snapshot, "seat-1", "dapil-1");
        Assert.Equal<long>([35, 80], tally.Votes);
        Assert.Equal((2, 4), (tally.StationsReporting, tally.StationsExpected));
        Assert.Null(snapshot.Tally(new ContestId("seat-1"), new SourceId("hand"), new AreaId("r1")));
        Assert.Equal(70, snapshot.Counted(new AreaId("t7"), new ContestId("seat-1"), new SourceId("hand"))!.Votes[1]);
        Assert.Null(snapshot.Counted(new AreaId("t4"), new ContestId("seat-1"), new SourceId("hand")));
        var mayor = Deep.Contest(new ContestId("mayor"))!;
        Assert.Equal([Index("v1")], mayor.TallyAreas.ToArray());
        Assert.Equal(2, mayor.StationCount);
    }

    [Fact]
    public void Seats_are_apportioned_to_the_areas_of_a_grouping_when_the_law_says_so()
    {
        var engine = new TallyEngine(Deep);
        foreach (var station in new[] { "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8" })
        {
            engine.Apply(Counted(station, "list", station is "t1" or "t2" or "t3" or "t7" ? 300 : 100, 100));
        }
        var seats = Core.Seats.ContestSeats.PartyList(Deep.Contest(new ContestId("list"))!, engine.Freeze(), new SourceId("hand"), "en");
        Assert.Equal(10, seats.Parties.Sum(p => p.Seats));
        Assert.Equal(["Dapil 1", "Dapil 2"], seats.Regions.Select(r => r.Region));
    }

    [Fact]
    public void A_contest_of_the_tree_is_tallied_in_the_grouping_areas_that_lie_inside_its_area()
    {
        var list = Deep.Contest(new ContestId("list"))!;
        Assert.Equal(
            ["country", "p1", "r1", "v1", "v2", "r2", "v3", "p2", "r3", "v4", "dapil-1", "dapil-2", "zone-a"],
            list.TallyAreas.Select(a => Deep.Areas[a].Id.Value));
        var mayor = Deep.Contest(new ContestId("mayor"))!;
        Assert.DoesNotContain(Index("zone-a"), mayor.TallyAreas); // zone-a reaches beyond village 1
    }

    [Fact]
    public void The_old_kind_field_still_reads_as_the_level_of_a_four_level_map()
    {
        var election = DefinitionJson.LoadSmall();
        Assert.Equal(["nation", "region", "district", "station"], election.Levels.Select(l => l.Id));
        Assert.Equal(2, election.Area(new AreaId("east-1"))!.Level);
        var both = DefinitionReader.Read(DefinitionJson.With(d => d["areas"]![0]!["level"] = "nation"));
        Assert.Contains(
            Assert.IsType<DefinitionResult.Invalid>(both).Problems,
            p => p.Path == "$.areas[0].kind" && p.Message.Contains("old name of \"level\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_map_that_does_not_hold_together_is_refused_with_the_path_of_each_fault()
    {
        AssertProblem(d => d["areas"]![1]!["level"] = "kabupaten", "$.areas[1].level", "'kabupaten' is not a level of this election");
        AssertProblem(d => d["areas"]![2]!["parent"] = "v1", "$.areas[2].parent", "a regency cannot belong to 'v1', which is a village");
        AssertProblem(d => d["levels"] = new JsonArray(new JsonObject { ["id"] = "tps" }), "$.levels", "at least two levels");
        AssertProblem(d => d["levels"] = new JsonArray(), "$.levels", "at least two levels");
        AssertProblem(
            d => d["groupings"]!.AsArray().Add(new JsonObject { ["id"] = "village" }), "$.levels", "'village' is used twice");
        AssertProblem(
            d => d["areas"]![19]!["members"]!.AsArray().Add("t1"),
            "$.areas[19].members[3]",
            "station 't1' is already in 'dapil-1' of the grouping 'dapil'");
        AssertProblem(d => d["areas"]![18]!["members"]!.AsArray().Add("nowhere"), "$.areas[18].members[2]", "'nowhere' is not an area of the map");
        AssertProblem(d => d["areas"]![20]!["members"] = new JsonArray(), "$.areas[20].members", "must list the stations or areas");
        var garbled = ProblemsWith(d => d["areas"]![20]!["members"] = new JsonArray(1, null, "t2"));
        Assert.Contains(garbled, p => p.Path == "$.areas[20].members[0]" && p.Message.StartsWith("expected the id", StringComparison.Ordinal));
        Assert.Contains(garbled, p => p.Path == "$.areas[20].members[1]");
        Assert.DoesNotContain(garbled, p => p.Message.Contains("is not an area of the map", StringComparison.Ordinal));
        AssertProblem(d => d["areas"]![20]!["parent"] = "country", "$.areas[20].parent", "lists its \"members\" and has no parent");
        AssertProblem(d => d["areas"]![3]!["members"] = new JsonArray("t1"), "$.areas[3].members", "only an area of a grouping lists members");
        AssertProblem(d => d["areas"]![3]!["registered"] = 5, "$.areas[3].registered", "only stations have voter lists");
        AssertProblem(d => d["areas"]![4]!.AsObject().Remove("registered"), "$.areas[4].registered", "is missing");
        AssertProblem(
            d => d["contests"]![0]!["seatRules"]!["apportionTo"] = "tps",
            "$.contests[0].seatRules.apportionTo",
            "'tps' is not a level above the stations or a grouping");
        AssertProblem(d => d["contests"]![1]!["area"] = "t1", "$.contests[1].area", "'t1' is a polling station");
        // Seats apportioned to a grouping that misses stations would drop their votes: zone-a holds 2 of the country's 8.
        AssertProblem(
            d => d["contests"]![0]!["seatRules"]!["apportionTo"] = "zone",
            "$.contests[0].seatRules.apportionTo",
            "the areas of 'zone' that lie inside 'country' hold 2 of its 8 stations");
    }
}
