using System.CommandLine;
using System.Text.Json;
using Sanoo.Cli.Sheets;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo check-sheet IMAGE --url URL</c>: what anyone with a phone photo of a printed protocol sheet runs. It reads the sheet's
/// QR code (<see cref="SheetReader"/>), rebuilds the protocol, and checks it against what the server publishes for that station,
/// contest, source and version (<see cref="SheetCheck"/>): the same figures, the same device signature, and the entry included in
/// the commission-signed tree head. Exit 0: a match; <see cref="VerifyCommand.Mismatch"/>: the sheet and the log differ;
/// <see cref="Unreadable"/>: no sheet could be read from the image; <see cref="Unreachable"/>: the server could not be read.
/// </summary>
public static class CheckSheetCommand
{
    /// <summary>Exit code when the image holds no readable QR code of a protocol sheet.</summary>
    public const int Unreadable = 5;

    /// <summary>Exit code when the server could not be read (nothing was compared).</summary>
    public const int Unreachable = 6;

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var image = new Argument<FileInfo>("image") { Description = "A photograph or scan of the sheet (PNG or JPEG)." };
        var url = new Option<string>("--url") { Description = "The server's public URL.", Required = true };
        var key = new Option<string?>("--commission-key")
        {
            Description = "The commission's public key (base64) to pin; without it the key the server names is used, with a warning.",
        };
        var command = new Command(
            "check-sheet",
            "Read the QR code of a photographed protocol sheet and check that the server publishes exactly those figures and that signature, "
                + "in an entry included in the signed tree head.")
        {
            image, url, key,
        };
        command.SetAction((r, ct) => RunAsync(console, r.GetValue(image)!, r.GetValue(url)!, r.GetValue(key), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, FileInfo image, string url, string? pinnedKey, CancellationToken cancellationToken)
    {
        if (!image.Exists)
        {
            console.MarkupLineInterpolated($"[red]{image.FullName} does not exist.[/]");
            return SanooCli.BadInput;
        }
        var (text, why) = SheetReader.Read(await File.ReadAllBytesAsync(image.FullName, cancellationToken));
        if (text is null)
        {
            console.MarkupLineInterpolated($"[red bold]UNREADABLE[/][red]: {image.Name}: {why}[/]");
            return Unreadable;
        }
        SheetPayload payload;
        switch (SheetPayload.Decode(text))
        {
            case SheetDecode.Read read:
                payload = read.Payload;
                break;
            case SheetDecode.NotASheet notASheet:
                console.MarkupLineInterpolated(
                    $"[red bold]UNREADABLE[/][red]: {image.Name} has a QR code, but not of a protocol sheet: {notASheet.Why}.[/]");
                return Unreadable;
            default:
                throw new InvalidOperationException("unknown decode outcome");
        }
        var p = payload.Protocol;
        console.MarkupLineInterpolated(
            $"Read the sheet of station {p.Station}, contest {p.Contest}, source {p.Source}, version {p.Version} ({text.Length} bytes).");
        if (pinnedKey is null)
        {
            console.MarkupLine("[yellow]No --commission-key: checking the tree head against the key the server names; pin the commission's "
                + "published key to rule out a substitute.[/]");
        }
        SheetCheck.Outcome outcome;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            outcome = await SheetCheck.CheckAsync(new VerifyCommand.Server(http), payload, pinnedKey, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or TaskCanceledException or JsonException or UriFormatException)
        {
            var reason = e is TaskCanceledException ? "it did not answer in time" : e.Message;
            console.MarkupLineInterpolated($"[red bold]UNREACHABLE[/][red]: could not read the server {url} ({reason}); nothing was compared.[/]");
            return Unreachable;
        }
        switch (outcome)
        {
            case SheetCheck.Outcome.Match match:
                console.MarkupLineInterpolated($"[green bold]MATCH[/]: {match.Statement}");
                return SanooCli.Ok;
            case SheetCheck.Outcome.Differs differs:
                console.MarkupLineInterpolated(
                    $"[red bold]MISMATCH[/] [red]({differs.Problems.Count} problem(s)): the sheet is not what the server publishes:[/]");
                foreach (var problem in differs.Problems)
                {
                    console.MarkupLineInterpolated($"  [red]{problem}[/]");
                }
                return VerifyCommand.Mismatch;
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }
}
