using System.Text;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// Real elections imported end to end by their mapping files (samples/*/map.json), against their official figures and against
/// direct computations from the files.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-import-").FullName;

    private const string Bulgaria = "bg_elections_opendata_2021-07-11/";

    private static string Mapping(string sample) => Path.Combine(SharedData.RepositoryRoot, "samples", sample, "map.json");

    [RealDataFact("expected_seats.json", "ru_dkobak_elections/2021.csv.xz")]
    public void The_Russian_2021_Duma_election_loads_end_to_end_and_its_national_totals_and_seats_are_the_official_ones()
    {
        var (code, output) = CliRun.Sanoo(
            "import", "table", SharedData.PathOf("ru_dkobak_elections", "2021.csv.xz"), "--map", Mapping("ru-duma-2021"), "--out", _folder);
        Assert.True(code == 0, output);
        Assert.Contains("cec.jsonl (96,325 protocols)", output, StringComparison.Ordinal);
        var db = "sqlite:" + Path.Combine(_folder, "sanoo.db");
        var (ingested, log) = CliRun.Sanoo(
            "ingest", "--definition", Path.Combine(_folder, "election.json"), "--db", db, Path.Combine(_folder, "cec.jsonl"));
        Assert.True(ingested == 0, log);

        var (tallied, json) = CliRun.Sanoo("tally", "--db", db, "--json");
        Assert.True(tallied == 0, json);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(96_325, report.GetProperty("reporting").GetProperty("stations").GetInt32());
        Assert.Equal(56_329_690, report.GetProperty("participation").GetInt64());
        Assert.Equal(55_158_109, report.GetProperty("validVotes").GetInt64());
        var expected = RealData.ExpectedSeats("ru_duma_2021_federal_list");
        var seats = report.GetProperty("choices")
            .EnumerateArray()
            .Where(c => c.GetProperty("seats").GetInt32() > 0)
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("seats").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["p05"] = 126, ["p01"] = 48, ["p03"] = 19, ["p06"] = 19, ["p04"] = 13 }, seats);
        Assert.Equal(expected.GetProperty("official_seats").EnumerateObject().Select(p => p.Value.GetInt32()).Order(), seats.Values.Order());
        var votes = report.GetProperty("choices")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("votes").GetInt64());
        Assert.Equal(
            (28_064_200L, 10_660_669L, 4_252_252L, 4_201_744L, 2_997_744L), (votes["p05"], votes["p01"], votes["p03"], votes["p06"], votes["p04"]));

        // The 225 single-member districts are a grouping of the same stations beside the territorial commissions: together they hold
        // every station once, and each one's tally is its own stations'.
        var election = Assert.IsType<DefinitionResult.Loaded>(
            DefinitionReader.Read(File.ReadAllBytes(Path.Combine(_folder, "election.json")))).Election;
        var districts = election.Areas.Select((a, i) => (Area: a, Index: i)).Where(a => election.LevelOf(a.Area).Id == "smd").ToList();
        Assert.Equal(225, districts.Count);
        Assert.Equal(96_325, districts.Sum(d => election.StationCountOf(d.Index)));
        var (district, smd) = CliRun.Sanoo("tally", "--db", db, "--json", "--area", "smd-198");
        Assert.True(district == 0, smd);
        Assert.Equal(
            election.StationCountOf(election.AreaIndex(new AreaId("smd-198"))),
            JsonDocument.Parse(smd).RootElement.GetProperty("reporting").GetProperty("stations").GetInt32());
    }

    [RealDataFact(
        Bulgaria + "41_protocols.csv.xz",
        Bulgaria + "20_parties.csv",
        Bulgaria + "31_sections.csv.xz",
        Bulgaria + "riks.csv",
        Bulgaria + "50_votes_paper.csv.xz",
        Bulgaria + "50_votes_machine.csv.xz",
        Bulgaria + "50_votes_machine_from_machine_data.csv.xz")]
    public void The_Bulgarian_machine_count_is_reconciled_with_the_machines_own_export_as_a_direct_computation_says()
    {
        var (code, output) = CliRun.Sanoo(
            "import",
            "table",
            SharedData.PathOf("bg_elections_opendata_2021-07-11", "41_protocols.csv.xz"),
            "--map",
            Mapping("bg-2021"),
            "--out",
            _folder);
        Assert.True(code == 0, output);
        var election = Assert.IsType<DefinitionResult.Loaded>(
            DefinitionReader.Read(File.ReadAllBytes(Path.Combine(_folder, "election.json")))).Election;
        var engine = new TallyEngine(election);
        foreach (var source in new[] { "protocol", "machine", "machine-export" })
        {
            foreach (var line in File.ReadLines(Path.Combine(_folder, source + ".jsonl")))
            {
                engine.Apply(Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(election, Encoding.UTF8.GetBytes(line))).Protocol);
            }
        }
        var snapshot = engine.Freeze();
        Assert.True(snapshot.IsPublishable, string.Join("; ", snapshot.InvariantViolations.Take(3)));
        var ledger = Ledger.Of(snapshot, election.Reconciliation!);

        // The same comparison straight from the CEC's files: machine votes on the protocol against the machines' export;
        // a side whose votes do not add up to the machine total its protocol states is not counted.
        var stated = RealData.Lines("bg_elections_opendata_2021-07-11", "41_protocols.csv.xz").Skip(1).Select(l => l.Split(';'))
            .ToDictionary(
                f => f[0],
                f => long.Parse(f[13], System.Globalization.CultureInfo.InvariantCulture)
                    + long.Parse(f[14], System.Globalization.CultureInfo.InvariantCulture));
        Dictionary<string, long[]> Votes(string file)
        {
            var votes = new Dictionary<string, long[]>();
            foreach (var f in RealData.Lines("bg_elections_opendata_2021-07-11", file).Skip(1).Select(l => l.Split(';')))
            {
                var party = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
                if (party is >= 1 and <= 24 or 99)
                {
                    (votes.TryGetValue(f[0], out var v) ? v : votes[f[0]] = new long[25])[party == 99 ? 24 : party - 1]
                        += long.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            return votes;
        }
        var machine = Votes("50_votes_machine.csv.xz");
        var export = Votes("50_votes_machine_from_machine_data.csv.xz");
        var machineCounted = machine.Where(m => m.Value.Sum() == stated[m.Key]).Select(m => m.Key).ToHashSet();
        var both = machineCounted.Intersect(export.Keys).ToList();
        var differ = both.Where(s => !machine[s].SequenceEqual(export[s])).ToHashSet();
        var oneSide = machineCounted.Union(export.Keys).Count() - both.Count;

        var nation = ledger.Area(new AreaId("bg"), new ContestId("national"))!;
        Assert.Equal(both.Count, nation.Compared);
        Assert.Equal(differ, ledger.Stations.Where(s => s.Class == ReconciliationClass.Discrepancy).Select(s => s.Station.Value[1..]).ToHashSet());
        Assert.Equal(oneSide, nation.OneSideMissing);
        Assert.Equal(differ.Sum(s => machine[s].Zip(export[s], (a, b) => Math.Abs(a - b)).Sum()), nation.VotesApart);
        Assert.Equal(13_005, election.StationCount);
        Assert.Equal(5, differ.Count); // recorded in docs/real-elections.md

        var seats = Core.Seats.ContestSeats.PartyList(election.Contest(new ContestId("national"))!, snapshot, new SourceId("protocol"));
        Assert.Equal([65, 63, 36, 34, 29, 13], seats.Parties.Where(p => p.Seats > 0).Select(p => p.Seats).OrderDescending());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
