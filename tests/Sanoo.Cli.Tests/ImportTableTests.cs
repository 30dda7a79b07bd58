using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sanoo.Cli.Input;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo import table</c> on small tables written by each test into a temporary folder: encodings, compression, separators,
/// quoting, wide and long votes, derived lines, skipped rows, and how bad data and bad mappings are reported.
/// </summary>
public sealed partial class ImportTableTests : IDisposable
{
    private const string Header = "region,district,station,registered,valid,invalid,red,blue";

    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-table-").FullName;

    private string Out => Path.Combine(_folder, "out");

    /// <summary>A mapping of a one-contest election (red, blue) over a table with the columns of <see cref="Header"/>.</summary>
    private static string Map(
        string table = """{"separator": ","}""",
        string lines = """{"registered": "registered", "valid": "valid", "invalid": "invalid"}""",
        string votes = """{"columns": {"red": "red", "blue": "blue"}}""",
        string extra = "",
        string stationLevel = "",
        string levels = "") => $$$"""
        {
          "format": "sanoo-table-map/1",
          "election": {
            "id": "t-2025", "name": {"en": "Test election"}, "date": "2025-03-02", "languages": ["en"],
            "sources": [{"id": "cec", "name": {"en": "Commission"}, "official": true}],
            "forms": [{"id": "main", "participation": "valid + invalid",
              "lines": [{"id": "registered", "name": {"en": "Registered"}}, {"id": "valid", "name": {"en": "Valid"}},
                        {"id": "invalid", "name": {"en": "Invalid"}}],
              "relations": [{"id": "votes", "rule": "valid = votes(*)", "severity": "error"}]}],
            "choices": [{"id": "red", "kind": "party", "ballotNumber": 1, "name": {"en": "Red"}},
                        {"id": "blue", "kind": "party", "ballotNumber": 2, "name": {"en": "Blue"}}],
            "contests": [{"id": "list", "kind": "party-list", "name": {"en": "List"}, "area": "land", "form": "main",
                          "choices": ["red", "blue"], "seats": 10, "seatRules": {"method": "hare"}}]
          },
          "table": {{{table}}},
          {{{extra}}}
          "levels": [
            {"level": "nation", "id": "land", "name": {"en": "Land"}},
            {"level": "region", "oneAreaPer": ["region"], "id": "r{n}", "name": {"en": "{region}"}},
            {"level": "district", "oneAreaPer": ["district"], "id": "{area:region}-d{n:00}", "name": {"en": "{district}"}},
            {"level": "station", "id": "s{station}", "name": {"en": "{station}"}, "registered": "registered" {{{stationLevel}}}}
            {{{levels}}}
          ],
          "counts": [{"source": "cec", "contest": "list", "lines": {{{lines}}}, "votes": {{{votes}}}}]
        }
        """;

    private (int Code, string Output) Import(string tableName, byte[] table, string map)
    {
        var file = Path.Combine(_folder, tableName);
        File.WriteAllBytes(file, table);
        File.WriteAllText(Path.Combine(_folder, "map.json"), map);
        var (code, output) = CliRun.Sanoo("import", "table", file, "--map", Path.Combine(_folder, "map.json"), "--out", Out);
        return (code, Flat().Replace(output, " "));
    }

    private (int Code, string Output) Import(string csv, string map) => Import("data.csv", Encoding.UTF8.GetBytes(csv), map);

    private JsonElement Definition() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "election.json"))).RootElement;

    private List<JsonElement> Protocols(string source = "cec") =>
        [.. File.ReadLines(Path.Combine(Out, source + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];

    private string AreaName(string id) =>
        Definition().GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id)
            .GetProperty("name").GetProperty("en").GetString()!;

    private static string Csv(char separator, params string[] rows) =>
        string.Join('\n', new[] { Header }.Concat(rows).Select(r => r.Replace(',', separator))) + "\n";

    [Fact]
    public void A_plain_csv_makes_the_map_level_by_level_and_one_protocol_per_station()
    {
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,2,80,40,0,10,30", "South,Bay,3,90,60,1,60,0"), Map());
        Assert.True(code == 0, output);
        Assert.False(Definition().TryGetProperty("levels", out _)); // the default levels, unnamed: the definition names none
        Assert.Contains("cec.jsonl (3 protocols)", output, StringComparison.Ordinal);
        Assert.Contains("3 stations; 1 nation, 2 regions, 2 districts.", output, StringComparison.Ordinal);
        Assert.Contains("Next: sanoo ingest --definition out/election.json", output, StringComparison.Ordinal);
        var areas = Definition().GetProperty("areas").EnumerateArray()
            .Select(a => $"{a.GetProperty("id").GetString()}:{a.GetProperty("level").GetString()}").ToList();
        Assert.Equal(
            ["land:nation", "r1:region", "r2:region", "r1-d01:district", "r2-d01:district", "s1:station", "s2:station", "s3:station"], areas);
        var first = Protocols()[0];
        Assert.Equal(30, first.GetProperty("votes").GetProperty("red").GetInt32());
        Assert.Equal(100, first.GetProperty("lines").GetProperty("registered").GetInt32());
    }

    [Fact]
    public void A_windows_1251_table_is_read_in_the_encoding_the_mapping_names()
    {
        var csv = Csv(',', "Москва,Тверской,1,100,50,2,30,20");
        var bytes = TextFiles.EncodingNamed("windows-1251")!.GetBytes(csv);
        var (code, output) = Import("data.csv", bytes, Map(table: """{"separator": ",", "encoding": "windows-1251"}"""));
        Assert.True(code == 0, output);
        Assert.Equal("Москва", AreaName("r1"));
        Assert.Equal("Тверской", AreaName("r1-d01"));
    }

    [Fact]
    public void A_windows_1251_table_read_as_utf8_is_refused_with_a_hint_to_name_its_encoding()
    {
        var bytes = TextFiles.EncodingNamed("windows-1251")!.GetBytes(Csv(',', "Москва,Тверской,1,100,50,2,30,20"));
        var (code, output) = Import("data.csv", bytes, Map());
        Assert.NotEqual(0, code);
        Assert.Contains("not written in the encoding the mapping names", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_table_is_decompressed_as_it_is_read()
    {
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,2,80,40,0,10,30")));
        }
        var (code, output) = Import("data.csv.gz", gz.ToArray(), Map());
        Assert.True(code == 0, output);
        Assert.Equal(2, Protocols().Count);
    }

    [Fact]
    public void A_zip_gives_its_only_file_or_the_one_the_mapping_names()
    {
        byte[] Zip(params (string Name, string Text)[] files)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, text) in files)
                {
                    using var entry = zip.CreateEntry(name).Open();
                    entry.Write(Encoding.UTF8.GetBytes(text));
                }
            }
            return buffer.ToArray();
        }
        var (code, output) = Import("data.zip", Zip(("results.csv", Csv(',', "North,Hill,1,100,50,2,30,20"))), Map());
        Assert.True(code == 0, output);
        Assert.Single(Protocols());

        var two = Zip(("readme.txt", "not a table"), ("results.csv", Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,2,80,40,0,10,30")));
        (code, output) = Import("data.zip", two, Map());
        Assert.NotEqual(0, code);
        Assert.Contains("holds 2 files (readme.txt, results.csv): say which one to read", output, StringComparison.Ordinal);
        (code, output) = Import("data.zip", two, Map(table: """{"separator": ",", "zipEntry": "results.csv"}"""));
        Assert.True(code == 0, output);
        Assert.Equal(2, Protocols().Count);
    }

    [Theory]
    [InlineData(';', "semicolon")]
    [InlineData(';', ";")]
    [InlineData('\t', "tab")]
    public void Semicolon_and_tab_separated_tables_are_read_by_the_separator_the_mapping_names(char separator, string name)
    {
        var (code, output) = Import(
            Csv(separator, "North,Hill,1,100,50,2,30,20", "South,Bay,2,80,40,0,10,30"), Map(table: $$"""{"separator": "{{name}}"}"""));
        Assert.True(code == 0, output);
        Assert.Equal(["s1", "s2"], Protocols().Select(p => p.GetProperty("station").GetString()));
        Assert.Equal(30, Protocols()[1].GetProperty("votes").GetProperty("blue").GetInt32());
    }

    [Fact]
    public void A_quoted_field_may_hold_the_separator_and_doubled_quotes()
    {
        var (code, output) = Import(Csv(',', "North,\"School \"\"No. 1\"\", east wing\",1,100,50,2,30,20"), Map());
        Assert.True(code == 0, output);
        Assert.Equal("School \"No. 1\", east wing", AreaName("r1-d01"));
        Assert.Equal(20, Protocols()[0].GetProperty("votes").GetProperty("blue").GetInt32());
    }

    [Fact]
    public void Long_vote_tables_are_added_together_by_choice_code_and_other_codes_can_be_ignored()
    {
        File.WriteAllText(Path.Combine(_folder, "paper.csv"), "station;code;votes\n1;1;25\n1;2;15\n1;101;999\n2;2;30\n");
        File.WriteAllText(Path.Combine(_folder, "machine.csv"), "station;code;votes\n1;1;5\n1;2;5\n");
        static string Long(string file) =>
            $$"""{"file": "{{file}}", "separator": ";", "stationColumn": "station", "choiceCodeColumn": "code", "votesColumn": "votes", """
                + """ "choiceCodes": {"1": "red", "2": "blue"}, "otherCodes": "ignore"}""";
        var map = Map(
            table: """{"separator": ",", "stationKey": "station"}""",
            votes: $$"""{"longTables": [{{Long("paper.csv")}}, {{Long("machine.csv")}}]}""");
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,,", "North,Hill,2,80,30,0,,", "North,Hill,3,80,0,0,,"), map);
        Assert.True(code == 0, output);
        var votes = Protocols().Select(p => p.GetProperty("votes")).Select(v => (v.GetProperty("red").GetInt32(), v.GetProperty("blue").GetInt32()));
        Assert.Equal([(30, 20), (0, 30), (0, 0)], votes);
        Assert.Contains("cec: votes (valid = votes(*)) error 0", output, StringComparison.Ordinal);

        var refusing = map.Replace("\"otherCodes\": \"ignore\"", "\"otherCodes\": \"refuse\"", StringComparison.Ordinal);
        (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,,"), refusing);
        Assert.NotEqual(0, code);
        Assert.Contains(
            "paper.csv, row 4: the choice code \"101\" is not in $.counts[0].votes.longTables[0].choiceCodes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_left_unnamed_take_their_names_from_a_table_by_ballot_number()
    {
        File.WriteAllText(Path.Combine(_folder, "parties.csv"), "number;title\n2;\"Blue; the party\"\n1;Red Party\n");
        var map = Map(extra: """
                "choiceNames": {"file": "parties.csv", "separator": ";", "ballotNumberColumn": "number", "name": {"en": "{title}"}},
                """)
            .Replace(", \"name\": {\"en\": \"Red\"}", "", StringComparison.Ordinal)
            .Replace(", \"name\": {\"en\": \"Blue\"}", "", StringComparison.Ordinal);
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20"), map);
        Assert.True(code == 0, output);
        var names = Definition().GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(["Red Party", "Blue; the party"], names);
    }

    [Fact]
    public void A_derived_line_adds_and_takes_away_columns_and_numbers()
    {
        var map = Map(lines: """{"registered": "registered", "valid": "red + blue", "invalid": "invalid + 3 - 1"}""");
        var (code, output) = Import(Csv(',', "North,Hill,1,100,0,2,30,20"), map);
        Assert.True(code == 0, output);
        var lines = Protocols()[0].GetProperty("lines");
        Assert.Equal((50, 4), (lines.GetProperty("valid").GetInt32(), lines.GetProperty("invalid").GetInt32()));
    }

    [Fact]
    public void Skipped_rows_are_left_out_and_reported_with_their_count_and_reason()
    {
        var map = Map(extra: "\"skipRows\": [{\"column\": \"station\", \"equals\": \"total\", \"because\": \"a district's total, not a station\"}],");
        var (code, output) = Import(
            Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,total,100,50,2,30,20", "South,Bay,total,1,1,0,1,0", "South,Bay,2,9,1,0,1,0"), map);
        Assert.True(code == 0, output);
        Assert.Contains("Skipped 2 rows where station is \"total\": a district's total, not a station", output, StringComparison.Ordinal);
        Assert.Equal(2, Protocols().Count);
    }

    [Fact]
    public void A_cell_that_is_not_a_count_is_reported_with_its_file_row_and_column()
    {
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,2,80,40,0,1O,30"), Map());
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains("data.csv, row 3, column \"red\": \"1O\" is not a count", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Out, "election.json")));
    }

    [Fact]
    public void A_column_the_mapping_names_that_the_table_lacks_is_reported_with_the_mapping_field_and_the_columns_there_are()
    {
        var (code, output) = Import(
            Csv(',', "North,Hill,1,100,50,2,30,20"), Map(lines: """{"registered": "registered", "valid": "valid_ballots", "invalid": "invalid"}"""));
        Assert.NotEqual(0, code);
        Assert.Contains(
            "$.counts[0].lines.valid: no column \"valid_ballots\" (data.csv has \"region\", \"district\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mapping_error_is_reported_at_once_with_its_JSON_path()
    {
        var map = Map(table: """{"separator": "|"}""", stationLevel: """, "registred": "registered" """)
            .Replace("\"id\": \"r{n}\", ", "", StringComparison.Ordinal);
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20"), map);
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains("map.json $.table.separator: expected \",\", \";\" or \"tab\", not \"|\"", output, StringComparison.Ordinal);
        Assert.Contains("map.json $.levels[1].id: missing (required)", output, StringComparison.Ordinal);
        Assert.Contains("map.json $.levels[3].registred: unknown field", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_naming_a_level_that_is_not_above_is_a_mapping_error()
    {
        var map = Map().Replace("\"id\": \"s{station}\"", "\"id\": \"{area:ward}-{station}\"", StringComparison.Ordinal);
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20"), map);
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains(
            "map.json $.levels[3].id: {area:ward} names no level above this one (above: nation, region, district)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_names_its_own_levels_with_headings_and_groups_the_stations_again_by_a_column()
    {
        var map = Map(extra: """
            "groupings": [{"grouping": "zone", "heading": {"en": "Zones"}, "oneAreaPer": ["district"], "id": "zone-{n}",
                           "name": {"en": "Zone {district}"}}],
            """)
            .Replace("\"level\": \"station\"", "\"level\": \"booth\", \"heading\": {\"en\": \"Booths\"}", StringComparison.Ordinal);
        var csv = Csv(',', "North,Hill,1,100,50,2,30,20", "South,Hill,2,80,40,0,10,30", "South,Bay,3,90,60,1,60,0");
        var (code, output) = Import(csv, map);
        Assert.True(code == 0, output);
        Assert.Contains("Grouping zone: 2 areas.", output, StringComparison.Ordinal);
        var definition = Definition();
        Assert.Equal(
            ["nation", "region", "district", "booth:Booths"],
            definition.GetProperty("levels").EnumerateArray().Select(l =>
                l.GetProperty("id").GetString() + (l.TryGetProperty("name", out var n) ? ":" + n.GetProperty("en").GetString() : "")));
        Assert.Equal("zone", definition.GetProperty("groupings")[0].GetProperty("id").GetString());
        var zones = definition.GetProperty("areas").EnumerateArray().Where(a => a.GetProperty("level").GetString() == "zone")
            .ToDictionary(a => AreaName(a.GetProperty("id").GetString()!), a => a.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        // "Hill" is a district in both regions: its zone spans them.
        Assert.Equal(["s1", "s2"], zones["Zone Hill"]);
        Assert.Equal(["s3"], zones["Zone Bay"]);
        Assert.Equal("booth", definition.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "s3")
            .GetProperty("level").GetString());
    }

    [Fact]
    public void A_mapping_with_one_level_or_an_id_used_twice_is_refused()
    {
        var (code, output) = Import(Csv(',', "North,Hill,1,100,50,2,30,20"), Map(extra: """
            "groupings": [{"grouping": "region", "oneAreaPer": ["district"], "id": "z{n}"}],
            """));
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains("$.levels: the level or grouping id \"region\" is used twice", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_station_id_is_refused_unless_the_mapping_numbers_repeats()
    {
        var csv = Csv(',', "North,Hill,1,100,50,2,30,20", "North,Hill,1,80,40,0,10,30", "North,Hill,1,80,40,0,10,30");
        var (code, output) = Import(csv, Map());
        Assert.NotEqual(0, code);
        Assert.Contains("data.csv, row 3: station id \"s1\" is given twice", output, StringComparison.Ordinal);
        (code, output) = Import(csv, Map(stationLevel: """, "repeatedIds": "add -2, -3" """));
        Assert.True(code == 0, output);
        Assert.Equal(["s1", "s1-2", "s1-3"], Protocols().Select(p => p.GetProperty("station").GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Flat();
}
