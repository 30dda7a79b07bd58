using System.CommandLine;
using System.Globalization;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Audit;

/// <summary>
/// <c>sanoo audit plan|recount|status|export-arlo</c>: the batch-comparison risk-limiting audit of a store's reported count
/// (docs/audits.md). Every step is a register record: signed into the tree heads and recomputed by <c>sanoo verify</c>.
/// </summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console) =>
        new("audit", "A risk-limiting audit of the reported count: stations drawn from a public seed are recounted by hand until the "
            + "evidence confirms the outcome at the risk limit, or every station is counted (docs/audits.md).")
        {
            Plan(console), Recount(console), Status(console), ArloExport.Create(console),
        };

    private static Command Plan(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var risk = new Option<string>("--risk-limit") { Description = "The risk limit, e.g. 5% or 0.05.", Required = true };
        var seed = new Option<string>("--seed") { Description = "The public seed: at least 20 decimal digits, rolled in public.", Required = true };
        var contests = new Option<string[]>("--contest")
        {
            Description = "A contest to audit (repeat for more); default: every contest.", AllowMultipleArgumentsPerToken = false,
        };
        var source = new Option<string?>("--source") { Description = "The reported count audited; default: the first count that is not official." };
        var by = new Option<string>("--by") { Description = "Who records the plan.", DefaultValueFactory = _ => "sanoo audit plan" };
        var json = new Option<bool>("--json") { Description = "Print the audit as JSON (as GET /api/v1/audit)." };
        var command = new Command("plan", "Start the audit: the margins, the sample size and the stations drawn from the seed.")
        {
            db, risk, seed, contests, source, by, json,
        };
        command.SetAction((r, ct) => WithLogAsync(console, r.GetValue(db)!, log => PlanAsync(
            console, log, (r.GetValue(risk)!, r.GetValue(seed)!, r.GetValue(contests) ?? [], r.GetValue(source)), r.GetValue(by)!,
            r.GetValue(json), ct), ct));
        return command;
    }

    private static Command Recount(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var station = new Option<string>("--station") { Description = "The station drawn.", Required = true };
        var contest = new Option<string?>("--contest") { Description = "The contest; needed where the station votes on several audited." };
        var by = new Option<string>("--by") { Description = "The operator entering the recount sheet.", Required = true };
        var ballots = new Option<long>("--ballots") { Description = "The ballots found (valid and invalid).", Required = true };
        var votes = new Option<string>("--votes") { Description = "Votes per choice in ballot order, comma-separated.", Required = true };
        var command = new Command("recount", "Enter a drawn station's hand recount; two operators enter each sheet, and it counts once they agree.")
        {
            db, station, contest, by, ballots, votes,
        };
        command.SetAction((r, ct) => WithLogAsync(console, r.GetValue(db)!, log => RecountAsync(
            console, log, r.GetValue(station)!, r.GetValue(contest), r.GetValue(by)!, (r.GetValue(ballots), r.GetValue(votes)!), ct), ct));
        return command;
    }

    private static Command Status(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var by = new Option<string>("--by") { Description = "Who records the results.", DefaultValueFactory = _ => "sanoo audit status" };
        var json = new Option<bool>("--json") { Description = "Print the audit as JSON (as GET /api/v1/audit)." };
        var command = new Command("status", "Measure the risk of every round whose stations are recounted, record the decision, draw the next round.")
        {
            db, by, json,
        };
        command.SetAction((r, ct) =>
            WithLogAsync(console, r.GetValue(db)!, log => StatusAsync(console, log, r.GetValue(by)!, r.GetValue(json), ct), ct));
        return command;
    }

    /// <summary>Opens the store and its log for <paramref name="act"/>; a store that cannot be opened is a message.</summary>
    internal static async Task<int> WithLogAsync(
        IAnsiConsole console, string db, Func<ElectionLog, Task<int>> act, CancellationToken cancellationToken)
    {
        if (StoreAddress.SqliteFile(db) is { } file && !File.Exists(file))
        {
            console.MarkupLineInterpolated($"[red]There is no store at {Path.GetFullPath(file)}. Nothing was created.[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
            return await act(log);
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    private static async Task<int> PlanAsync(
        IAnsiConsole console, ElectionLog log, (string Risk, string Seed, string[] Contests, string? Source) ask, string by, bool json,
        CancellationToken cancellationToken)
    {
        var election = log.Election;
        var problem = AuditInput.RiskLimit(ask.Risk, out var riskLimit) ?? AuditInput.Seed(ask.Seed);
        var source = ask.Source is null
            ? (election.Sources.FirstOrDefault(s => !s.Official && s.PartyCopy is null) ?? election.DefaultSource).Id.Value
            : ask.Source;
        var plans = ask.Contests.Length == 0 ? [.. election.Contests] : ask.Contests.Select(c => election.Contest(new ContestId(c))).ToList();
        problem ??= plans.Any(p => p is null) ? $"unknown contest among {string.Join(", ", ask.Contests)}"
            : election.Sources.Any(s => s.Id.Value == source) ? null : $"unknown count source {source}";
        if (problem is not null)
        {
            console.MarkupLineInterpolated($"[red]{problem}.[/]");
            return SanooCli.BadInput;
        }
        var snapshot = await log.FreezeAsync(cancellationToken);
        var comparison = AuditManifest.Comparison(snapshot, plans!, new SourceId(source));
        if (comparison.Assertions.IsEmpty)
        {
            console.MarkupLine("[red]The contests chosen have no outcome this audit checks (docs/audits.md says which); nothing was recorded.[/]");
            return SanooCli.BadInput;
        }
        var plan = new AuditPlanRecord(0, 0, DateTimeOffset.UtcNow, by, ask.Seed, riskLimit, source, [.. plans.Select(p => p!.Contest.Id.Value)]);
        var refusal = await log.RecordAuditAsync<string?>((book, slot) =>
        {
            if (book.Plan is not null)
            {
                return ([], $"this store's audit was planned at register record {book.Plan.Sequence}; a store holds one audit");
            }
            if (slot.LogSize != snapshot.Position)
            {
                return ([], "protocols arrived while the audit was planned; plan it again");
            }
            var started = AuditBook.Of([plan]);
            return ([plan, .. started.Due(started.Course(comparison), comparison, plan.At, by)], null);
        }, cancellationToken);
        if (refusal is not null)
        {
            console.MarkupLineInterpolated($"[red]Nothing was recorded: {refusal}.[/]");
            return SanooCli.BadInput;
        }
        return await ShowAsync(console, log, json, cancellationToken);
    }

    private static async Task<int> RecountAsync(
        IAnsiConsole console, ElectionLog log, string station, string? contest, string by, (long Ballots, string Votes) figures,
        CancellationToken cancellationToken)
    {
        var audit = await AuditStore.ReadAsync(log, cancellationToken);
        var operators = await log.OperatorsAsync(cancellationToken);
        var entry = AuditInput.Recount(log.Election, audit, operators, (station, contest, by), figures, out var problem);
        if (entry is null)
        {
            console.MarkupLineInterpolated($"[red]Nothing was recorded: {problem}.[/]");
            return SanooCli.BadInput;
        }
        var agreed = await log.RecordAuditAsync<BatchCount?>((book, _) =>
        {
            book.Add(entry);
            return ([entry], book.Agreed(entry.StationId, entry.Contest));
        }, cancellationToken);
        var others = audit.Book.Recounts.Count(r => r.StationId == entry.StationId && r.Contest == entry.Contest && r.By != by);
        console.MarkupLine(Markup.Escape(agreed is not null
            ? $"Recorded. Both entries of station {entry.StationId}'s recount of {entry.Contest} agree: it counts. Run sanoo audit status."
            : others == 0
                ? $"Recorded. A second operator must now enter station {entry.StationId}'s recount of {entry.Contest}."
                : $"Recorded, but your entry differs from another operator's: check the recount sheet; a third entry that agrees decides."));
        return SanooCli.Ok;
    }

    private static async Task<int> StatusAsync(IAnsiConsole console, ElectionLog log, string by, bool json, CancellationToken cancellationToken)
    {
        var audit = await AuditStore.ReadAsync(log, cancellationToken);
        if (audit.Comparison is not { } comparison)
        {
            console.MarkupLine("[red]This store has no audit: sanoo audit plan starts one.[/]");
            return SanooCli.BadInput;
        }
        await log.RecordAuditAsync<int>((book, _) =>
            (book.Due(book.Course(comparison), comparison, DateTimeOffset.UtcNow, by), 0), cancellationToken);
        return await ShowAsync(console, log, json, cancellationToken);
    }

    private static async Task<int> ShowAsync(IAnsiConsole console, ElectionLog log, bool json, CancellationToken cancellationToken)
    {
        var audit = await AuditStore.ReadAsync(log, cancellationToken);
        var report = AuditReport.Of(audit.Book, audit.Comparison!);
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(report.Json());
        }
        else
        {
            report.Print(console);
        }
        return SanooCli.Ok;
    }

    /// <summary>A count for a message.</summary>
    internal static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
