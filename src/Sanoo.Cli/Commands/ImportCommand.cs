using System.CommandLine;
using Sanoo.Cli.Output;
using Sanoo.Cli.TableImport;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.RealElections;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo import table FILE --map MAP.json --out DIR</c>: turns a commission's published table (CSV, TSV or semicolon-separated;
/// plain, .xz, .gz or .zip) into a Sanoo definition and protocol files by a mapping file, and reports which protocols break which
/// control relation and which rows were skipped (docs/bring-your-election.md).
/// </summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<FileInfo>("file")
        {
            Description = "The main table: one row per polling station. Other tables the mapping names are found beside it.",
        };
        var map = new Option<FileInfo>("--map")
        {
            Description = "The mapping file (sanoo-table-map/1): the election's definition parts and how the table's columns become areas, "
                + "protocol lines and votes.",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write election.json and one SOURCE.jsonl per count into (created if missing).",
            Required = true,
        };
        var table = new Command("table", "Import a table of station results by a mapping file.") { input, map, output };
        table.SetAction(r => Run(console, r.GetValue(input)!, r.GetValue(map)!, r.GetValue(output)!));
        return new Command(
            "import",
            "Turn an election's published results into a Sanoo definition and protocol files, and report which protocols break which control "
                + "relation.")
        {
            table,
            ErrImportCommand.Create(console),
        };
    }

    private static int Run(IAnsiConsole console, FileInfo input, FileInfo mapFile, DirectoryInfo output)
    {
        if (!mapFile.Exists)
        {
            console.MarkupLineInterpolated($"[red]The mapping file {mapFile.FullName} does not exist.[/]");
            return SanooCli.BadInput;
        }
        var read = TableMapReader.Read(File.ReadAllBytes(mapFile.FullName));
        if (read is TableMapResult.Refused refused)
        {
            console.MarkupLineInterpolated($"[red]The mapping {mapFile.Name} has {refused.Problems.Length} problem(s):[/]");
            foreach (var problem in refused.Problems)
            {
                console.MarkupLineInterpolated($"  {mapFile.Name} {problem}");
            }
            return SanooCli.BadInput;
        }

        ImportedElection imported;
        try
        {
            imported = TableImporter.Import(input.FullName, ((TableMapResult.Read)read).Map).Election;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {input.Name} by {mapFile.Name}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (System.Text.DecoderFallbackException e)
        {
            const string Hint = "a file is not written in the encoding the mapping names "
                + "(UTF-8 unless it says \"encoding\": \"windows-1251\" or another)";
            console.MarkupLineInterpolated($"[red]Cannot import {input.Name} by {mapFile.Name}: {Hint}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        Write(imported, output);
        Report(console, imported, output);
        return SanooCli.Ok;
    }

    /// <summary>Writes an imported election into <paramref name="output"/>: election.json and one SOURCE.jsonl per count source.</summary>
    internal static void Write(ImportedElection imported, DirectoryInfo output)
    {
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
    }

    private static void Report(IAnsiConsole console, ImportedElection imported, DirectoryInfo output)
    {
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
                string.Join(" ", imported.Protocols.Select(p => Path.Combine(output.Name, p.Key + ".jsonl")))}[/]");
    }
}
