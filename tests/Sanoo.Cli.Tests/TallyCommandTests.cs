using System.Text.Json;

namespace Sanoo.Cli.Tests;

public class TallyCommandTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    private JsonElement Json(params string[] args)
    {
        var (code, output) = CliRun.Sanoo(["tally", files.Definition, .. args, "--json"]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static long Votes(JsonElement report, string choice) =>
        report.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("id").GetString() == choice).GetProperty("votes").GetInt64();

    private static int Seats(JsonElement report, string choice) =>
        report.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("id").GetString() == choice).GetProperty("seats").GetInt32();

    [Fact]
    public void The_hand_count_prints_exactly_the_official_national_figures()
    {
        var (code, output) = CliRun.Sanoo("tally", files.Definition, files.Machine, files.Hand);
        Assert.Equal(0, code);
        Assert.Contains("Hand count (official)", output, StringComparison.Ordinal);
        Assert.Contains("Voters who took part: 1,293,946", output, StringComparison.Ordinal);
        Assert.Contains("Stations reporting: 2,494 of 2,494 (100.0%)", output, StringComparison.Ordinal);
        Assert.Matches(@"Valid ballots\s+1,173,710", output);
        Assert.Matches(@"Invalid ballots\s+120,236", output);
        Assert.Matches(@"21\s+Ata-Jurt Kyrgyzstan\s+223,892\s+17\.30%\s+15", output);
        Assert.Matches(@"9\s+Ishenim\s+176,382\s+13\.63%\s+12", output);
        Assert.Matches(@"8\s+Yntymak\s+142,267\s+10\.99%\s+9", output);
        Assert.Matches(@"3\s+Alliance\s+107,859\s+8\.34%\s+7", output);
        Assert.Matches(@"2\s+Butun Kyrgyzstan\s+91,111\s+7\.04%\s+6", output);
        Assert.Matches(@"5\s+Yiman Nuru\s+79,557\s+6\.15%\s+5", output);
        Assert.Contains("Remainder seats (3) to the largest remainders", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_carries_the_same_figures_and_seats()
    {
        var report = Json(files.Hand);
        Assert.Equal(1_293_946, report.GetProperty("participation").GetInt64());
        Assert.Equal(1_173_710, report.GetProperty("lines").GetProperty("valid").GetInt64());
        Assert.Equal(120_236, report.GetProperty("lines").GetProperty("invalid").GetInt64());
        Assert.Equal(223_892, Votes(report, "p21"));
        int[] seats =
        [
            Seats(report, "p21"), Seats(report, "p09"), Seats(report, "p08"),
            Seats(report, "p03"), Seats(report, "p02"), Seats(report, "p05"),
        ];
        Assert.Equal([15, 12, 9, 7, 6, 5], seats);
        Assert.Equal(2494, report.GetProperty("reporting").GetProperty("stations").GetInt32());
    }

    [Fact]
    public void The_machine_count_differs_plausibly_from_the_hand_count()
    {
        var machine = Json(files.Machine, "--source", "machine");
        var hand = Json(files.Hand);
        var reporting = machine.GetProperty("reporting").GetProperty("stations").GetInt32();
        Assert.InRange(reporting, 2370, 2493);
        var handVotes = Votes(hand, "p21");
        var machineVotes = Votes(machine, "p21");
        Assert.NotEqual(handVotes, machineVotes);
        Assert.InRange(machineVotes, handVotes * 0.9, handVotes);
    }

    [Fact]
    public void A_protocol_whose_votes_exceed_its_valid_ballots_is_rejected_named_and_never_counted()
    {
        var first = File.ReadLines(files.Hand).First();
        var node = System.Text.Json.Nodes.JsonNode.Parse(first)!;
        node["votes"]!["p21"] = node["votes"]!["p21"]!.GetValue<int>() + 500;
        node["station"] = "s0002";
        var extra = Path.Combine(files.Folder, "inflated.jsonl");
        File.WriteAllText(extra, node.ToJsonString() + "\n");
        var valid = node["lines"]!["valid"]!.GetValue<int>();
        var baseline = Json(files.Hand);
        var report = Json(extra, files.Hand);
        var rejected = report.GetProperty("input").GetProperty("notCounted").EnumerateArray().Single();
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Equal("s0002", rejected.GetProperty("station").GetString());
        Assert.Equal(1, rejected.GetProperty("line").GetInt32());
        var violation = rejected.GetProperty("violations").EnumerateArray().Single();
        Assert.Equal("valid_equals_votes", violation.GetProperty("relation").GetString());
        Assert.Equal(valid, violation.GetProperty("left").GetInt64());
        Assert.Equal(valid + 500, violation.GetProperty("right").GetInt64());
        Assert.Equal(Votes(baseline, "p21"), Votes(report, "p21"));
        var (_, text) = CliRun.Sanoo("tally", files.Definition, extra, files.Hand);
        Assert.Contains($"inflated.jsonl:1 rejected station s0002, list, hand, version 1", text, StringComparison.Ordinal);
        Assert.Contains($"error valid_equals_votes (valid = votes(*)): valid is {valid}, votes(*) is {valid + 500}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Retries_and_corrections_are_counted_once_and_unreadable_lines_are_reported()
    {
        var lines = File.ReadLines(files.Hand).Take(2).ToList();
        var correction = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!;
        correction["version"] = 2;
        correction["correction"] = System.Text.Json.Nodes.JsonNode.Parse("""{"reason": "recount", "author": "DEC 1"}""");
        var extra = Path.Combine(files.Folder, "night.jsonl");
        File.WriteAllLines(extra, [lines[0], lines[0], correction.ToJsonString(), lines[1], "{\"station\": ", ""]);
        var report = Json(extra).GetProperty("input");
        Assert.Equal(5, report.GetProperty("lines").GetInt32());
        Assert.Equal(3, report.GetProperty("counted").GetInt32());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt32());
        var unreadable = report.GetProperty("notCounted").EnumerateArray().Single();
        Assert.Equal("unreadable", unreadable.GetProperty("outcome").GetString());
        Assert.Equal(5, unreadable.GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_region_and_a_single_member_district_can_be_shown()
    {
        var bishkek = Json(files.Hand, "--area", "bishkek");
        Assert.Equal("bishkek", bishkek.GetProperty("area").GetString());
        Assert.True(bishkek.GetProperty("reporting").GetProperty("stations").GetInt32() > 100);
        Assert.False(bishkek.TryGetProperty("seats", out _));
        var district = Json(files.Hand, "--contest", "smd-27");
        Assert.Equal(JsonValueKind.Null, district.GetProperty("outcome").GetProperty("elected").ValueKind);
        Assert.Contains("against all", district.GetProperty("outcome").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var (code, text) = CliRun.Sanoo("tally", files.Definition, files.Hand, "--contest", "smd-01", "--language", "ru");
        Assert.Equal(0, code);
        Assert.Contains("Elected: Чынгыз Ажибаев", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_choices_of_source_contest_or_area_are_refused_with_the_known_ones()
    {
        var (code, output) = CliRun.Sanoo("tally", files.Definition, files.Hand, "--source", "fax");
        Assert.Equal(1, code);
        Assert.Contains("Unknown count source 'fax'. Sources: machine, hand", output, StringComparison.Ordinal);
        (code, output) = CliRun.Sanoo("tally", files.Definition, files.Hand, "--area", "s0001");
        Assert.Equal(1, code);
        Assert.Contains("it is a polling station", output, StringComparison.Ordinal);
        (code, output) = CliRun.Sanoo("tally", files.Definition, files.Hand, "--contest", "smd-01", "--area", "bishkek");
        Assert.Equal(1, code);
        Assert.Contains("the contest is held in 'd01'", output, StringComparison.Ordinal);
        (code, output) = CliRun.Sanoo("tally", files.Definition, Path.Combine(files.Folder, "missing.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }
}
