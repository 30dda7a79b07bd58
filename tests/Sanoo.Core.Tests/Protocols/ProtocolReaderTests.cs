using System.Text;
using System.Text.Json.Nodes;
using Sanoo.Core.Json;
using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Protocols;

public class ProtocolReaderTests
{
    /// <summary>A protocol of the small election with nothing wrong in it.</summary>
    internal const string Good = """
        {"election": "tiny-2025", "station": "s1", "contest": "list", "source": "hand", "version": 1,
         "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
         "votes": {"red": 250, "blue": 130, "against-all": 20}}
        """;

    internal static readonly Sanoo.Core.Definitions.Election Election = DefinitionJson.LoadSmall();

    private static ProtocolReadResult Read(string json) => ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(json));

    private static List<JsonProblem> ProblemsOf(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Good)!.AsObject();
        change(node);
        return [.. Assert.IsType<ProtocolReadResult.Invalid>(Read(node.ToJsonString())).Problems];
    }

    private static void AssertProblem(Action<JsonObject> change, string path, string message)
    {
        var problems = ProblemsOf(change);
        Assert.True(problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {path}: {message}; got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Reads_lines_in_form_order_and_votes_in_ballot_order()
    {
        var protocol = Assert.IsType<ProtocolReadResult.Ok>(Read(Good)).Protocol;
        Assert.Equal<int>([1000, 0, 420, 418, 400, 18], protocol.Lines);
        Assert.Equal<int>([250, 130, 20], protocol.Votes);
        Assert.Equal(1, protocol.Version);
    }

    [Fact]
    public void The_canonical_bytes_read_back_to_the_same_protocol_and_do_not_depend_on_field_order()
    {
        var protocol = Assert.IsType<ProtocolReadResult.Ok>(Read(Good)).Protocol;
        var canonical = ProtocolWriter.Canonical(Election, protocol);
        Assert.Equal(protocol, Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(Election, canonical)).Protocol);
        var shuffled = JsonNode.Parse(Good)!.AsObject();
        var votes = shuffled["votes"]!.DeepClone();
        shuffled.Remove("votes");
        shuffled.Insert(0, "votes", votes);
        var again = Assert.IsType<ProtocolReadResult.Ok>(Read(shuffled.ToJsonString())).Protocol;
        Assert.Equal(canonical, ProtocolWriter.Canonical(Election, again));
    }

    [Fact]
    public void A_checked_protocol_carries_the_writers_canonical_bytes_and_their_sha256()
    {
        var read = Assert.IsType<ProtocolReadResult.Ok>(Read(Good)).Checked;
        var made = Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Check(Election, read.Protocol with { })).Checked;
        var canonical = ProtocolWriter.Canonical(Election, read.Protocol);
        foreach (var checkedProtocol in new[] { read, made })
        {
            Assert.Equal(canonical, checkedProtocol.Canonical.ToArray());
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(canonical), checkedProtocol.ContentHash.ToArray());
        }
    }

    [Fact]
    public void A_negative_figure_is_refused() =>
        AssertProblem(p => p["votes"]!["red"] = -5, "$.votes.red", "must not be negative, found -5");

    [Fact]
    public void An_overflowing_figure_is_refused() =>
        AssertProblem(p => p["lines"]!["valid"] = 3_000_000_000, "$.lines.valid", "too large");

    [Fact]
    public void A_fractional_figure_is_refused() =>
        AssertProblem(p => p["lines"]!["valid"] = 400.5, "$.lines.valid", "expected a whole number, found 400.5");

    [Fact]
    public void An_unknown_line_is_refused() =>
        AssertProblem(p => p["lines"]!["spoiled"] = 1, "$.lines.spoiled", "'spoiled' is not a line of the form");

    [Fact]
    public void A_missing_choice_is_refused() =>
        AssertProblem(p => p["votes"]!.AsObject().Remove("blue"), "$.votes", "has no figure for blue (write 0 for none)");

    [Fact]
    public void A_repeated_figure_is_refused()
    {
        var json = Good.Replace("\"red\": 250,", "\"red\": 250, \"red\": 250,", StringComparison.Ordinal);
        var problems = Assert.IsType<ProtocolReadResult.Invalid>(Read(json)).Problems;
        Assert.Contains(problems, p => p.Path == "$.votes.red" && p.Message == "appears twice");
    }

    [Fact]
    public void An_unknown_field_is_refused() =>
        AssertProblem(p => p["signature"] = "abc", "$.signature", "unknown field 'signature'");

    [Fact]
    public void An_unknown_station_is_refused() =>
        AssertProblem(p => p["station"] = "s99", "$.station", "'s99' is not a polling station of this election");

    [Fact]
    public void A_district_is_not_a_station() =>
        AssertProblem(p => p["station"] = "east-1", "$.station", "'east-1' is a district, not a polling station");

    [Fact]
    public void A_station_outside_the_contest_area_is_refused()
    {
        var problems = ProblemsOf(p =>
        {
            p["station"] = "s3";
            p["contest"] = "east-seat";
            p["votes"] = JsonNode.Parse("""{"ann": 1, "bob": 2, "against-all": 3}""");
        });
        Assert.Contains(problems, p => p.Path == "$.station" && p.Message.Contains("does not vote in contest 'east-seat'", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_election_is_refused() =>
        AssertProblem(p => p["election"] = "kg-2021", "$.election", "is 'kg-2021', but this is election 'tiny-2025'");

    [Fact]
    public void A_correction_must_say_why_and_who() =>
        AssertProblem(p => p["version"] = 2, "$.correction", "version 2 is a correction and must state its reason and author");

    [Fact]
    public void A_correction_reason_longer_than_1000_characters_is_refused_naming_the_field()
    {
        AssertProblem(
            p => { p["version"] = 2; p["correction"] = new JsonObject { ["reason"] = new string('x', 3_500_000), ["author"] = "dec-26" }; },
            "$.correction.reason",
            "is 3,500,000 characters long; at most 1,000 are allowed");
        AssertProblem(
            p => { p["version"] = 2; p["correction"] = new JsonObject { ["reason"] = "recount", ["author"] = new string('a', 1001) }; },
            "$.correction.author",
            "at most 1,000 are allowed");
    }

    [Fact]
    public void A_correction_reason_may_break_lines_but_an_author_holds_no_control_character()
    {
        var node = JsonNode.Parse(Good)!.AsObject();
        node["version"] = 2;
        node["correction"] = new JsonObject { ["reason"] = "recount ordered\nby DEC 26", ["author"] = "dec-26" };
        Assert.IsType<ProtocolReadResult.Ok>(Read(node.ToJsonString()));
        AssertProblem(
            p => { p["version"] = 2; p["correction"] = new JsonObject { ["reason"] = "recount\u0007", ["author"] = "dec-26" }; },
            "$.correction.reason",
            "control character U+0007");
        AssertProblem(
            p => { p["version"] = 2; p["correction"] = new JsonObject { ["reason"] = "recount", ["author"] = "dec\n26" }; },
            "$.correction.author",
            "control character U+000A");
    }

    [Fact]
    public void Malformed_json_is_refused() =>
        Assert.Contains(
            "not valid JSON",
            Assert.Single(Assert.IsType<ProtocolReadResult.Invalid>(Read("{\"election\": ")).Problems).Message,
            StringComparison.Ordinal);
}
