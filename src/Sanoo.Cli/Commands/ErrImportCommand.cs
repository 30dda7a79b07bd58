using System.CommandLine;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Sanoo.Cli.ErrImport;
using Sanoo.Cli.Output;
using Sanoo.Samples.RealElections;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo import err FILE --out DIR</c>: an NIST SP 1500-100 v2 Election Results Reporting report (JSON or XML) as a Sanoo
/// definition and protocol files, with everything the format could not carry named (docs/err.md).
/// </summary>
public static class ErrImportCommand
{
    /// <summary>Builds the <c>err</c> subcommand of <c>import</c>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<FileInfo>("file") { Description = "The report: JSON or XML (told apart by its first character)." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write election.json and one SOURCE.jsonl per count into (created if missing).",
            Required = true,
        };
        var command = new Command("err", "Import an NIST SP 1500-100 v2 election results report (precinct-level, JSON or XML).")
        {
            input, output,
        };
        command.SetAction(r => Run(console, r.GetValue(input)!, r.GetValue(output)!));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo input, DirectoryInfo output)
    {
        ImportedElection imported;
        try
        {
            imported = Import(input);
        }
        catch (Exception e) when (e is IOException or FormatException or JsonException or XmlException)
        {
            console.MarkupLineInterpolated($"[red]Cannot import {input.Name}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        ImportCommand.Write(imported, output);
        console.MarkupLineInterpolated(
            $"Imported [bold]{imported.Election.Definition.Name.In("en")}[/] into {output.FullName}: election.json and {
                string.Join(", ", imported.Protocols.Select(p => $"{p.Key}.jsonl ({Format.Count(p.Value.Length)} protocols)"))}.");
        console.MarkupLine("What the ERR file could not carry, and what the import did about it:");
        foreach (var note in imported.Notes)
        {
            console.MarkupLineInterpolated($"  - {note}");
        }
        return SanooCli.Ok;
    }

    private static ImportedElection Import(FileInfo input)
    {
        using var stream = input.OpenRead();
        var first = -1;
        while ((first = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }
        stream.Position = 0;
        if (first == '<')
        {
            return ErrImporter.Import(ErrNode.Of(XDocument.Load(stream).Root ?? throw new FormatException("the XML file is empty")));
        }
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        return ErrImporter.Import(ErrNode.Of(document.RootElement));
    }
}
