using System.CommandLine;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.RealElections;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo import ru-duma-2021 FILE --out DIR</c> and <c>sanoo import bg-2021 FOLDER --out DIR</c>:
/// turns a real election's published results into a Sanoo definition and protocol files, and
/// reports which protocols break which control relation.
/// </summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var kind = new Argument<string>("election")
        {
            Description = "ru-duma-2021 (the dkobak/elections 2021.csv.xz) or bg-2021 (the Bulgarian CEC open-data folder of 11 Jul 2021).",
        };
        kind.AcceptOnlyFromAmong("ru-duma-2021", "bg-2021");
        var input = new Argument<string>("input")
        {
            Description = "The file (ru-duma-2021) or folder (bg-2021) to import; .xz files are decompressed as they are read.",
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write election.json and one SOURCE.jsonl per count into (created if missing).",
            Required = true,
        };
        var command = new Command(
            "import",
            "Turn a real election's published results into a Sanoo definition and protocol files, and report which protocols break which control " +
                "relation.")
        {
            kind, input, output,
        };
        command.SetAction(r => Run(console, r.GetValue(kind)!, r.GetValue(input)!, r.GetValue(output)!));
        return command;
    }

    private static int Run(IAnsiConsole console, string kind, string input, DirectoryInfo output)
    {
        ImportedElection imported;
        try
        {
            imported = kind == "ru-duma-2021" ? ImportRussia(input) : Bg2021Import.Import(input, TextFiles.Open);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {input}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        output.Create();
        File.WriteAllBytes(Path.Combine(output.FullName, "election.json"), imported.DefinitionJson);
        foreach (var (source, protocols) in imported.Protocols)
        {
            using var file = File.Create(Path.Combine(output.FullName, $"{source}.jsonl"));
            foreach (var protocol in protocols)
            {
                file.Write(ProtocolWriter.Canonical(imported.Election, protocol));
                file.WriteByte((byte)'\n');
            }
        }
        var election = imported.Election;
        console.MarkupLineInterpolated(
            $"Imported [bold]{election.Definition.Name.In("en")}[/] into {output.FullName}: election.json and {
                string.Join(", ", imported.Protocols.Select(p => $"{p.Key}.jsonl ({Format.Count(p.Value.Length)} protocols)"))}.");
        foreach (var note in imported.Notes)
        {
            console.MarkupLineInterpolated($"  {note}");
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Relation")
            .AddColumn("Severity")
            .AddColumn(new TableColumn("Protocols breaking it").RightAligned())
            .AddColumn("Examples");
        foreach (var source in imported.Protocols)
        {
            foreach (var line in RelationReport.Of(election, source.Value))
            {
                table.AddRow(
                    Markup.Escape($"{source.Key}: {line.Relation} ({line.Rule})"),
                    line.Severity == Severity.Error ? "error" : "warning",
                    Format.Count(line.Count),
                    Markup.Escape(string.Join("; ", line.Examples.Take(3))));
            }
        }
        console.Write(table);
        console.MarkupLineInterpolated(
            $"Next: [bold]sanoo ingest --definition {Path.Combine(output.Name, "election.json")} --db sqlite:{Path.Combine(output.Name, "sanoo.db")} {
                string.Join(" ", imported.Protocols.Keys.Select(k => Path.Combine(output.Name, k + ".jsonl")))}[/]");
        return SanooCli.Ok;
    }

    private static ImportedElection ImportRussia(string file)
    {
        using var text = TextFiles.Open(file);
        return RuDuma2021Import.Import(text);
    }
}
