using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Web.SeatWording;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo seats --votes FILE.csv --seats N --method METHOD</c>: allocates seats from a CSV of
/// party,votes with exact arithmetic and prints every step, for anyone who wants to check a
/// published allocation.
/// </summary>
public static class SeatsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var votes = new Option<FileInfo>("--votes") { Description = "CSV with a header row and party,votes rows (UTF-8).", Required = true };
        var seats = new Option<int>("--seats") { Description = "Seats to fill.", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "Method: " + string.Join(", ", SeatMethod.All.Select(m => m.Name)) + " (docs/seats.md).",
            Required = true,
        };
        var threshold = new Option<string?>("--threshold")
        {
            Description = "Minimum share to take part, e.g. 5% (of --base, or of all votes in the file).",
        };
        var thresholdBase = new Option<long?>("--base")
        {
            Description = "The threshold's denominator when it is not the sum of the rows, e.g. all voters who took part.",
        };
        var cap = new Option<int?>("--cap") { Description = "At most this many seats for one party; the rest go to the others." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var language = new Option<string>("--language")
        {
            Description = "The language of the steps: en, ru or ky; any other is refused.",
            DefaultValueFactory = _ => "en",
        };
        var command = new Command(
            "seats", "Allocate seats from a CSV of votes by a named method, with a threshold and cap if any, and explain every step.")
        {
            votes, seats, method, threshold, thresholdBase, cap, json, language,
        };
        command.SetAction(r => Run(
            console, r.GetValue(votes)!, r.GetValue(seats), r.GetValue(method)!, r.GetValue(threshold), r.GetValue(thresholdBase), r.GetValue(cap),
            new Presentation(r.GetValue(json), r.GetValue(language)!)));
        return command;
    }

    /// <summary>How to print the result: JSON or tables, and the language of the steps.</summary>
    private sealed record Presentation(bool Json, string Language);

    private static int Run(
        IAnsiConsole console, FileInfo file, int seats, string methodName, string? thresholdText, long? thresholdBase, int? cap,
        Presentation presentation)
    {
        var method = SeatMethod.Find(methodName);
        if (method is null)
        {
            return Fail(console, $"Unknown method '{methodName}'. Methods: {string.Join(", ", SeatMethod.All.Select(m => m.Name))}.");
        }
        if (!SeatPhrases.All.Any(p => p.Code == presentation.Language))
        {
            return Fail(console, $"Unknown language '{presentation.Language}'. Languages: {string.Join(", ", SeatPhrases.All.Select(p => p.Code))}.");
        }
        if (seats < 1)
        {
            return Fail(console, "--seats must be at least 1.");
        }
        decimal? percent = null;
        if (thresholdText is not null)
        {
            if (!decimal.TryParse(thresholdText.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 100)
            {
                return Fail(console, $"--threshold must be a percentage such as 5% or 0.5%, not '{thresholdText}'.");
            }
            percent = p;
        }
        if (!file.Exists)
        {
            return Fail(console, $"{file.FullName} does not exist.");
        }
        var parties = new List<PartyVotes>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var comma = line.LastIndexOf(',');
            if (comma <= 0 || !long.TryParse(line[(comma + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return Fail(
                    console, $"{file.Name}:{lineNumber}: expected 'party,votes' with a whole, non-negative number of votes, found \"{line}\".");
            }
            var name = line[..comma].Trim().Trim('"');
            if (parties.Any(p => p.Label == name))
            {
                return Fail(console, $"{file.Name}:{lineNumber}: '{name}' appears twice.");
            }
            parties.Add(new PartyVotes(new ChoiceId($"row{parties.Count + 1}"), count, name));
        }
        if (parties.Count == 0)
        {
            return Fail(console, $"{file.Name} has no party,votes rows after its header.");
        }
        var total = parties.Sum(p => p.Votes);
        if (thresholdBase is { } b && b < total)
        {
            return Fail(console, $"--base {b} is smaller than the {total} votes in the file.");
        }
        var allocation = SeatAllocator.Allocate(new SeatRequest(
            seats,
            [.. parties],
            method,
            percent is { } pc ? new Threshold(pc, ThresholdBase.Valid) : null,
            thresholdBase ?? total,
            cap,
            $"{file.Name}/{seats}/{method.Name}")
        {
            ThresholdBasis = thresholdBase is null ? ThresholdBasis.VotesListed : ThresholdBasis.GivenBase,
        });
        if (presentation.Json)
        {
            WriteJson(console, seats, method, allocation, parties, presentation.Language);
        }
        else
        {
            WriteTable(console, seats, method, allocation, parties, thresholdBase ?? total, presentation.Language);
        }
        return SanooCli.Ok;
    }

    private static void WriteTable(
        IAnsiConsole console, int seats, SeatMethod method, SeatAllocation allocation, List<PartyVotes> parties, long shareBase, string language)
    {
        console.MarkupLineInterpolated($"[bold]{seats} seats by {method.Name}[/] ({method.Description})");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Party")
            .AddColumn(new TableColumn("Votes").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Seats").RightAligned());
        foreach (var (party, i) in parties.Select((p, i) => (p, i)).OrderByDescending(x => x.p.Votes))
        {
            var result = allocation.Parties[i];
            table.AddRow(
                Markup.Escape(party.Label!),
                Format.Count(party.Votes),
                Format.Percent(party.Votes, shareBase),
                result.PassedThreshold ? result.Seats.ToString(CultureInfo.InvariantCulture) : "below");
        }
        console.Write(table);
        foreach (var step in SeatWords.Steps(allocation.Steps, language))
        {
            console.MarkupLineInterpolated($"  {step}");
        }
        foreach (var tie in SeatWords.Ties(allocation.Ties, language))
        {
            console.MarkupLineInterpolated($"  [yellow]Tie: {tie}[/]");
        }
    }

    private static void WriteJson(
        IAnsiConsole console, int seats, SeatMethod method, SeatAllocation allocation, List<PartyVotes> parties, string language)
    {
        var document = new
        {
            seats,
            method = method.Name,
            parties = parties.Select((p, i) => new
            {
                party = p.Label,
                votes = p.Votes,
                passedThreshold = allocation.Parties[i].PassedThreshold,
                seats = allocation.Parties[i].Seats,
            }),
            steps = SeatWords.Steps(allocation.Steps, language),
            ties = SeatWords.Ties(allocation.Ties, language),
            stepData = SeatStepJson.Steps(allocation.Steps),
            tieData = SeatStepJson.Ties(allocation.Ties),
        };
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        return SanooCli.BadInput;
    }
}
