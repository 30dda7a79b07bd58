using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Web.SeatWording;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo seats --votes FILE.csv --seats N --method METHOD</c>: allocates seats from a CSV of
/// party,votes (read by <see cref="VotesCsv"/>) with exact arithmetic and prints every step, for anyone who wants to check a
/// published allocation. Rows named by <c>--against-all</c> count in the threshold's base like every row of the file, and
/// never take a seat.
/// </summary>
public static class SeatsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var votes = new Option<FileInfo>("--votes")
        {
            Description = "CSV (UTF-8, RFC 4180 quotes) with the header party,votes and a row per party; fields separated by ',', ';' or a "
                + "tab; votes may group thousands (1 234 567, 1,234,567, 1.234.567).",
            Required = true,
        };
        var separator = new Option<string?>("--separator")
        {
            Description = "The field separator: ',', ';' or tab; default: told by the header row.",
        };
        var againstAll = new Option<string[]>("--against-all")
        {
            Description = "A row that is a choice against all, never seated (it still counts in the threshold's base); repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var seats = new Option<int>("--seats") { Description = "Seats to fill.", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "Method, in any case: " + string.Join(", ", SeatMethod.All.Select(m => m.Name)) + " (docs/seats.md).",
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
            votes, separator, againstAll, seats, method, threshold, thresholdBase, cap, json, language,
        };
        command.SetAction(r => Run(
            console, new Input(r.GetValue(votes)!, r.GetValue(separator), r.GetValue(againstAll) ?? []), r.GetValue(seats), r.GetValue(method)!,
            r.GetValue(threshold), r.GetValue(thresholdBase), r.GetValue(cap), new Presentation(r.GetValue(json), r.GetValue(language)!)));
        return command;
    }

    /// <summary>Names that read as a choice against all: the catalog Input/against-all-names.txt, one a line (data, not code).</summary>
    private static readonly string[] AgainstAllWords = ReadCatalog("Sanoo.Cli.against-all-names.txt");

    private static string[] ReadCatalog(string resource)
    {
        using var stream = typeof(SeatsCommand).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the catalog {resource} is not embedded");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    /// <summary>How to print the result: JSON or tables, and the language of the steps.</summary>
    private sealed record Presentation(bool Json, string Language);

    /// <summary>The votes file, its separator if given, and the rows that are choices against all.</summary>
    private sealed record Input(FileInfo File, string? Separator, string[] AgainstAll);

    /// <summary>A row of the file as allocated: the party's votes, or a choice against all that is never seated.</summary>
    private sealed record Row(PartyVotes Party, bool AgainstAll);

    /// <summary>A method by its name in any case, with or without accents, apostrophes or spaces (D'Hondt, Sainte-Laguë).</summary>
    internal static SeatMethod? FindMethod(string name) => SeatMethod.All.FirstOrDefault(m => Plain(m.Name) == Plain(name));

    private static string Plain(string name)
    {
        var letters = name.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\'' or '\u2019'));
        return new string([.. letters.Select(c => c is ' ' or '_' ? '-' : c)]);
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static int Run(
        IAnsiConsole console, Input input, int seats, string methodName, string? thresholdText, long? thresholdBase, int? cap,
        Presentation presentation)
    {
        var file = input.File;
        var method = FindMethod(methodName);
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
        char? separator = input.Separator switch
        {
            null => null,
            "," or "comma" => ',',
            ";" or "semicolon" => ';',
            "\t" or "tab" or "\\t" => '\t',
            _ => (char)0,
        };
        if (separator == 0)
        {
            return Fail(console, $"--separator must be ',', ';' or tab, not '{input.Separator}'.");
        }
        if (!file.Exists)
        {
            return Fail(console, $"{file.FullName} does not exist.");
        }
        var read = VotesCsv.Read(file.FullName, file.Name, separator);
        if (read is VotesCsvResult.Refused refused)
        {
            return Fail(console, refused.Message);
        }
        var rows = ((VotesCsvResult.Read)read).Rows;
        if (input.AgainstAll.FirstOrDefault(a => !rows.Any(r => Same(r.Name, a))) is { } absent)
        {
            return Fail(console, $"--against-all '{absent}' names no row of {file.Name} (rows: {string.Join(", ", rows.Select(r => r.Name))}).");
        }
        var unnamed = rows.FirstOrDefault(r => !input.AgainstAll.Any(a => Same(r.Name, a)) && AgainstAllWords.Any(w => Same(r.Name, w)));
        if (unnamed is not null)
        {
            return Fail(console, $"{file.Name}:{unnamed.Line}: '{unnamed.Name}' reads as an \"against all\" choice, which never takes a seat: "
                + $"say so with --against-all \"{unnamed.Name}\".");
        }
        var parties = rows
            .Select((r, i) => new Row(new PartyVotes(new ChoiceId($"row{i + 1}"), r.Votes, r.Name), input.AgainstAll.Any(a => Same(r.Name, a))))
            .ToList();
        if (parties.All(p => p.AgainstAll))
        {
            return Fail(console, $"{file.Name} has no party to seat: every row is named by --against-all.");
        }
        var total = parties.Sum(p => p.Party.Votes);
        if (thresholdBase is { } b && b < total)
        {
            return Fail(console, $"--base {b} is smaller than the {total} votes in the file.");
        }
        var allocation = SeatAllocator.Allocate(new SeatRequest(
            seats,
            [.. parties.Where(p => !p.AgainstAll).Select(p => p.Party)],
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
        IAnsiConsole console, int seats, SeatMethod method, SeatAllocation allocation, List<Row> parties, long shareBase, string language)
    {
        console.MarkupLineInterpolated($"[bold]{seats} seats by {method.Name}[/] ({method.Description})");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Party")
            .AddColumn(new TableColumn("Votes").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Seats").RightAligned());
        foreach (var row in parties.OrderByDescending(r => r.Party.Votes))
        {
            var result = allocation.Parties.FirstOrDefault(p => p.Party == row.Party.Party);
            table.AddRow(
                Markup.Escape(row.Party.Label!),
                Format.Count(row.Party.Votes),
                Format.Percent(row.Party.Votes, shareBase),
                result is null ? "against all" : result.PassedThreshold ? result.Seats.ToString(CultureInfo.InvariantCulture) : "below");
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

    private static void WriteJson(IAnsiConsole console, int seats, SeatMethod method, SeatAllocation allocation, List<Row> parties, string language)
    {
        var document = new
        {
            seats,
            method = method.Name,
            parties = parties.Select(row => (Row: row, Result: allocation.Parties.FirstOrDefault(p => p.Party == row.Party.Party))).Select(r => new
            {
                party = r.Row.Party.Label,
                votes = r.Row.Party.Votes,
                againstAll = r.Row.AgainstAll,
                passedThreshold = r.Result?.PassedThreshold ?? false,
                seats = r.Result?.Seats ?? 0,
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
