using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo tally</c> lists every protocol counted with warnings, with the relations it breaks, from files and from a store;
/// it exits 1 when no protocol could be read; and neither it nor <c>sanoo ingest</c> leaves a database file behind that it
/// should not have created.
/// </summary>
public sealed class FlaggedAndMissingStoreTests(Kg2021Files files) : IClassFixture<Kg2021Files>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-flagged-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Station s0001's hand count with more ballots in the mobile boxes than were issued outside: counted, flagged.</summary>
    private string FlaggedFile()
    {
        var node = JsonNode.Parse(File.ReadLines(files.Hand).First())!;
        var lines = node["lines"]!;
        int Line(string id) => lines[id]!.GetValue<int>();
        var moved = Line("issued_outside") + Line("issued_early") - Line("in_mobile") + 1;
        lines["in_mobile"] = Line("in_mobile") + moved;
        lines["in_stationary"] = Line("in_stationary") - moved;
        var path = Path.Combine(_folder, "flagged.jsonl");
        File.WriteAllText(path, node.ToJsonString() + "\n");
        return path;
    }

    [Fact]
    public void A_protocol_counted_with_a_warning_is_listed_with_the_relation_it_breaks()
    {
        var flagged = FlaggedFile();
        var (code, output) = CliRun.Sanoo("tally", files.Definition, flagged, files.Hand, "--json");
        Assert.True(code == 0, output);
        var input = JsonDocument.Parse(output).RootElement.GetProperty("input");
        Assert.Equal(1, input.GetProperty("flagged").GetInt32());
        var item = input.GetProperty("flaggedProtocols").EnumerateArray().Single();
        Assert.Equal("flagged.jsonl", Path.GetFileName(item.GetProperty("file").GetString()));
        Assert.Equal(1, item.GetProperty("line").GetInt32());
        Assert.Equal("s0001", item.GetProperty("station").GetString());
        var violation = item.GetProperty("violations").EnumerateArray().Single();
        Assert.Equal("mobile_within_outside", violation.GetProperty("relation").GetString());
        Assert.Equal("warning", violation.GetProperty("severity").GetString());
        var (_, text) = CliRun.Sanoo("tally", files.Definition, flagged, files.Hand);
        Assert.Contains("Counted with warnings, flagged for review (1):", text, StringComparison.Ordinal);
        Assert.Contains("flagged.jsonl:1 flagged station s0001, list, hand, version 1", text, StringComparison.Ordinal);
        Assert.Contains("warning mobile_within_outside (in_mobile <= issued_outside + issued_early)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_lists_its_flagged_protocols_by_log_position()
    {
        var db = "sqlite:" + Path.Combine(_folder, "store.db");
        var (stored, output) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, FlaggedFile());
        Assert.True(stored == 0, output);
        var (code, json) = CliRun.Sanoo("tally", "--db", db, "--json");
        Assert.True(code == 0, json);
        var item = JsonDocument.Parse(json).RootElement.GetProperty("input").GetProperty("flaggedProtocols").EnumerateArray().Single();
        Assert.Equal("log", item.GetProperty("file").GetString());
        Assert.Equal(1, item.GetProperty("line").GetInt64());
        Assert.Equal("mobile_within_outside", item.GetProperty("violations")[0].GetProperty("relation").GetString());
        var (_, text) = CliRun.Sanoo("tally", "--db", db);
        Assert.Contains("log:1 flagged station s0001, list, hand, version 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tally_exits_1_when_no_protocol_could_be_read()
    {
        var garbage = Path.Combine(_folder, "garbage.jsonl");
        File.WriteAllLines(garbage, ["{\"station\": ", "not json"]);
        var (code, output) = CliRun.Sanoo("tally", files.Definition, garbage);
        Assert.Equal(1, code);
        Assert.Contains("No protocol could be read from garbage.jsonl: nothing was counted", output, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Sanoo("tally", files.Definition, garbage, "--json").ExitCode);
    }

    [Fact]
    public void Tally_of_a_store_that_does_not_exist_creates_no_file()
    {
        var typo = Path.Combine(_folder, "TYPO.db");
        var (code, output) = CliRun.Sanoo("tally", "--db", "sqlite:" + typo);
        Assert.Equal(1, code);
        Assert.Contains("names a file that does not exist", output, StringComparison.Ordinal);
        Assert.False(File.Exists(typo));
    }

    [Fact]
    public void Ingest_into_a_new_store_without_a_definition_or_with_a_bad_one_creates_no_file()
    {
        var db = Path.Combine(_folder, "new.db");
        var (code, output) = CliRun.Sanoo("ingest", "--db", "sqlite:" + db, files.Hand);
        Assert.Equal(1, code);
        Assert.Contains("a new store needs the election definition (--definition FILE)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
        var bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, "{}");
        (code, output) = CliRun.Sanoo("ingest", "--definition", bad, "--db", "sqlite:" + db, files.Hand);
        Assert.Equal(1, code);
        Assert.Empty(Directory.GetFiles(_folder, "new.db*"));
    }
}
