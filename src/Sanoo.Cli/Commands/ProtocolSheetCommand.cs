using System.CommandLine;
using Sanoo.Cli.Sheets;
using Sanoo.Storage;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo protocol-sheet --station ID (--db DB | --url URL) --out FILE.pdf</c>: the printable protocol of a station's counted
/// protocol of one contest and source, with the QR code that lets anyone photograph it and check it against the published log
/// (<c>sanoo check-sheet</c>; docs/protocol-sheet.md).
/// </summary>
public static class ProtocolSheetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var station = new Option<string>("--station") { Description = "The polling station's id.", Required = true };
        var db = StoreOptions.Database(required: false);
        db.Description = "Read the protocol from a store: " + db.Description;
        var url = new Option<string?>("--url") { Description = "Or read it from a server's public API, e.g. http://127.0.0.1:5080." };
        var contest = new Option<string?>("--contest") { Description = "The contest; default: the party-list contest." };
        var source = new Option<string?>("--source") { Description = "The count source (e.g. machine or hand); default: the official one." };
        var language = new Option<string?>("--language")
        {
            Description = "The language of names (e.g. ky, ru, en); default: the definition's first.",
        };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the sheet, as a PDF.", Required = true };
        var png = new Option<FileInfo?>("--png") { Description = "Also write the sheet as a PNG image." };
        var command = new Command(
            "protocol-sheet",
            "Print a station's counted protocol as a sheet (PDF, optionally PNG): names, every line and choice with its figure, the version, and a " +
                "QR code with all figures and the device signature that 'sanoo check-sheet' checks against the published log.")
        {
            station, db, url, contest, source, language, output, png,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(db) is null) == (r.GetValue(url) is null))
            {
                r.AddError("Give either --db (a store) or --url (a server's public API).");
            }
        });
        command.SetAction((r, ct) => RunAsync(
            console,
            r.GetValue(station)!,
            r.GetValue(db),
            r.GetValue(url),
            (r.GetValue(contest), r.GetValue(source), r.GetValue(language)),
            (r.GetValue(output)!, r.GetValue(png)),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        string station,
        string? db,
        string? url,
        (string? Contest, string? Source, string? Language) choice,
        (FileInfo Pdf, FileInfo? Png) output,
        CancellationToken cancellationToken)
    {
        (CountedProtocol? Found, string? Why) read;
        try
        {
            if (url is not null)
            {
                using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
                read = await CountedProtocol.FromServerAsync(http, station, choice.Contest, choice.Source, cancellationToken);
            }
            else
            {
                read = await CountedProtocol.FromStoreAsync(db!, station, choice.Contest, choice.Source, cancellationToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            console.MarkupLineInterpolated($"[red]Could not read the server {url} ({e.Message}). Is the URL right and the server up?[/]");
            return CheckSheetCommand.Unreachable;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        if (read.Found is not { } found)
        {
            console.MarkupLineInterpolated($"[red]No sheet: {read.Why}.[/]");
            return SanooCli.BadInput;
        }
        var election = found.Election;
        var language = choice.Language ?? election.Definition.Languages.FirstOrDefault() ?? "en";
        byte[] image;
        string? warning;
        try
        {
            (image, warning) = SheetRenderer.RenderPng(election, found.Payload, language);
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]No sheet: {e.Message}.[/]");
            return SanooCli.BadInput;
        }
        if (warning is not null)
        {
            console.MarkupLineInterpolated($"[yellow]Fonts: {warning}[/]");
        }
        var p = found.Payload.Protocol;
        SheetPdf.Write(output.Pdf.FullName, image, $"{election.Id} {p.Station} {p.Contest} {p.Source} v{p.Version}");
        if (output.Png is { } pngFile)
        {
            await File.WriteAllBytesAsync(pngFile.FullName, image, cancellationToken);
        }
        var size = found.Payload.Encode().Length;
        var written = output.Png is null ? output.Pdf.FullName : $"{output.Pdf.FullName} and {output.Png.FullName}";
        var sheet = $"Sheet of station {p.Station}, contest {p.Contest}, source {p.Source}, version {p.Version} "
            + $"(log position {found.Sequence}; QR payload {size} bytes)";
        console.MarkupLineInterpolated($"{sheet} written to {written}.");
        return SanooCli.Ok;
    }
}
