using System.Globalization;
using System.Text.Json;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo forensics</c> on the Russian 2021 Duma election (../shared/data, imported by its mapping file): the integer-percentage
/// figures it reports are the ones docs/forensics.md sets beside the published analyses, and they are an alarm.
/// </summary>
public sealed class ForensicsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-forensics-").FullName;

    /// <summary>A test's line of the table in docs/forensics.md, formatted as the document writes it.</summary>
    private static string Row(string name, JsonElement t)
    {
        var culture = CultureInfo.InvariantCulture;
        return string.Create(culture,
            $"| {name} | {t.GetProperty("stations").GetInt32():N0} | {t.GetProperty("observed").GetInt32():N0} | "
            + $"{t.GetProperty("expected").GetDouble():N1} | {t.GetProperty("excess").GetDouble():+#,0.0;-#,0.0} | "
            + $"{t.GetProperty("pValue").GetDouble():0.0000} | {t.GetProperty("zScore").GetDouble():0.0} |");
    }

    [RealDataFact("ru_dkobak_elections/2021.csv.xz")]
    public void The_Russian_2021_figures_are_those_in_docs_forensics_md_and_raise_the_integer_alarm()
    {
        var (imported, log) = CliRun.Sanoo(
            "import", "table", SharedData.PathOf("ru_dkobak_elections", "2021.csv.xz"),
            "--map", Path.Combine(SharedData.RepositoryRoot, "samples", "ru-duma-2021", "map.json"), "--out", _folder);
        Assert.True(imported == 0, log);
        var (code, json) = CliRun.Sanoo(
            "forensics", Path.Combine(_folder, "election.json"), Path.Combine(_folder, "cec.jsonl"),
            "--json", "--out", Path.Combine(_folder, "plots"));
        Assert.True(code == 0, json);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(96_325, report.GetProperty("stations").GetInt32());
        Assert.Equal("p05", report.GetProperty("leader").GetString());
        var integer = report.GetProperty("integerPercentages");
        Assert.True(integer.GetProperty("alarm").GetBoolean());
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "forensics.md"));
        Assert.Contains(Row("turnout", integer.GetProperty("turnout")), docs, StringComparison.Ordinal);
        Assert.Contains(Row("United Russia's share", integer.GetProperty("leaderShare")), docs, StringComparison.Ordinal);
        var communists = integer.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("choice").GetString() == "p01");
        Assert.Contains(Row("CPRF's share", communists.GetProperty("test")), docs, StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(_folder, "plots", "comet.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_kg_2021_sample_from_files_raises_no_alarm_and_names_the_stations_whose_counts_differ()
    {
        var (generated, log) = CliRun.Sanoo("generate", "kg-2021", "--out", _folder);
        Assert.True(generated == 0, log);
        var files = new[] { "election.json", "machine.jsonl", "hand.jsonl" }.Select(f => Path.Combine(_folder, f)).ToArray();
        var (code, output) = CliRun.Sanoo(["forensics", .. files]);
        Assert.True(code == 0, output);
        Assert.Contains("Based on 2,494 of 2,494 stations", output, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo error included): no.", output, StringComparison.Ordinal);
        Assert.Contains("counts-differ:", output, StringComparison.Ordinal);
        Assert.Contains("not proof of fraud", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_does_not_exist_is_refused_and_not_created()
    {
        var db = Path.Combine(_folder, "none.db");
        var (code, output) = CliRun.Sanoo("forensics", "--db", "sqlite:" + db);
        Assert.Equal(1, code);
        Assert.Contains("There is no store", output, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
