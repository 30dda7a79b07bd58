using System.CommandLine;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Synthetic;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo generate kg-2021 --out DIR</c>: writes a sample election's definition and protocol
/// files (election.json, machine.jsonl, hand.jsonl); for kg-2021 the machine counts are signed by their stations'
/// sample devices, whose public keys it writes to devices.jsonl for <c>sanoo keys enrol --keys</c>.
/// </summary>
public static class GenerateCommand
{
    /// <summary>The samples that can be generated.</summary>
    public static readonly string[] Samples = ["kg-2021", "synthetic"];

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var sample = new Argument<string>("sample")
        {
            Description = "The sample election: kg-2021 (Kyrgyzstan, Jogorku Kenesh, 28 Nov 2021), or synthetic (any number of stations, for " +
                "rehearsals and benchmarks).",
        };
        sample.AcceptOnlyFromAmong(Samples);
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write into (created if missing).", Required = true };
        var seed = new Option<ulong>("--seed")
        {
            Description = "The generator's seed; the default gives the published sample.",
            DefaultValueFactory = _ => Kg2021Generator.DefaultSeed,
        };
        var stations = new Option<int>("--stations")
        {
            Description = "For synthetic: the number of polling stations.",
            DefaultValueFactory = _ => 100_000,
        };
        stations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000)
            {
                r.AddError("--stations must be between 1 and 10,000,000.");
            }
        });
        var levels = new Option<int>("--levels")
        {
            Description = "For synthetic: the levels of the map, the nation and the stations included (2–12; 4: nation, regions, districts, " +
                "stations).",
            DefaultValueFactory = _ => 4,
        };
        levels.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 2 or > 12)
            {
                r.AddError("--levels must be between 2 (the nation and its stations) and 12.");
            }
        });
        var groupings = new Option<int>("--groupings")
        {
            Description = "For synthetic: further groupings of the same stations beside the map (electoral districts), 0–5.",
            DefaultValueFactory = _ => 0,
        };
        groupings.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 5)
            {
                r.AddError("--groupings must be between 0 and 5.");
            }
        });
        var signed = new Option<bool>("--signed-machine")
        {
            Description = "For synthetic: the machine count is a signed source, each protocol signed by its station's sample device key " +
                "(derived from the seed); their public keys go to devices.jsonl for sanoo keys enrol --keys.",
        };
        var command = new Command(
            "generate", "Write a sample election: its definition (election.json) and its machine and hand counts (machine.jsonl, hand.jsonl).")
        {
            sample, output, seed, stations, levels, groupings, signed,
        };
        command.SetAction(result => result.GetValue(sample) == "synthetic"
            ? RunSynthetic(
                console,
                result.GetValue(output)!,
                result.GetValue(seed),
                (result.GetValue(stations), result.GetValue(levels), result.GetValue(groupings)),
                result.GetValue(signed))
            : Run(console, result.GetValue(output)!, result.GetValue(seed)));
        return command;
    }

    private static int RunSynthetic(
        IAnsiConsole console, DirectoryInfo folder, ulong seed, (int Stations, int Levels, int Groupings) shape, bool signedMachine)
    {
        var stations = shape.Stations;
        try
        {
            folder.Create();
            var definition = Path.Combine(folder.FullName, "election.json");
            using (var file = File.Create(definition))
            {
                SyntheticElection.WriteDefinition(file, stations, seed, shape.Levels, shape.Groupings, signedMachine);
            }
            if (InputFiles.LoadDefinition(new FileInfo(definition)) is not DefinitionResult.Loaded { Election: var election })
            {
                throw new InvalidOperationException("the synthetic definition does not load");
            }
            if (signedMachine)
            {
                var devices = new SampleDevices(seed);
                devices.WriteProtocols(
                    Path.Combine(folder.FullName, "machine.jsonl"), election, SyntheticElection.Protocols(election, "machine", seed));
                devices.WriteKeys(Path.Combine(folder.FullName, "devices.jsonl"));
            }
            foreach (var source in signedMachine ? new[] { "hand" } : ["machine", "hand"])
            {
                using var file = new FileStream(
                    Path.Combine(folder.FullName, $"{source}.jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                foreach (var protocol in SyntheticElection.Protocols(election, source, seed))
                {
                    file.Write(ProtocolWriter.Canonical(election, protocol));
                    file.WriteByte((byte)'\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write to {folder.FullName}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        console.MarkupLineInterpolated(
            $"Wrote a synthetic election of {Format.Count(stations)} stations on {shape.Levels} levels{
                (shape.Groupings > 0 ? $" with {shape.Groupings} grouping(s)" : "")} (seed {seed}) to [bold]{
                folder.FullName}[/]: election.json, machine.jsonl, hand.jsonl{(signedMachine ? ", devices.jsonl (the machine count's keys)" : "")}.");
        return SanooCli.Ok;
    }

    private static int Run(IAnsiConsole console, DirectoryInfo folder, ulong seed)
    {
        var sample = Kg2021Generator.Generate(seed, Input.SampleGeography.Find());
        var devices = new SampleDevices(seed);
        try
        {
            folder.Create();
            File.WriteAllBytes(Path.Combine(folder.FullName, "election.json"), sample.DefinitionJson);
            devices.WriteProtocols(Path.Combine(folder.FullName, "machine.jsonl"), sample.Election, sample.Machine);
            devices.WriteProtocols(Path.Combine(folder.FullName, "hand.jsonl"), sample.Election, sample.Hand);
            devices.WriteKeys(Path.Combine(folder.FullName, "devices.jsonl"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write to {folder.FullName}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        console.MarkupLineInterpolated($"Wrote the kg-2021 sample (seed {seed}) to [bold]{folder.FullName}[/]:");
        console.MarkupLineInterpolated(
            $"  election.json  the definition: {Format.Count(sample.Election.StationCount)} stations, {sample.Election.Contests.Length} contests");
        console.MarkupLineInterpolated(
            $"  machine.jsonl  {Format.Count(sample.Machine.Length)} machine-count protocols (preliminary; some machines never report)");
        console.MarkupLineInterpolated($"  hand.jsonl     {Format.Count(sample.Hand.Length)} hand-count protocols (official)");
        console.MarkupLineInterpolated(
            $"  devices.jsonl  the public keys of {Format.Count(devices.Stations.Count)} station devices that signed the machine counts, to enrol:");
        var keys = Path.Combine(folder.FullName, "devices.jsonl");
        console.MarkupLineInterpolated($"                 sanoo keys enrol --db DB --keys {keys} (sample keys: derived from the seed)");
        console.MarkupLine("Station-level figures are synthetic; the national hand-count totals are the official 2021 ones.");
        return SanooCli.Ok;
    }
}
