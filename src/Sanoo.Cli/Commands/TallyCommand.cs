using System.CommandLine;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo tally DEFINITION PROTOCOLS...</c>: adds up protocol files and prints the results of
/// one contest, count source and area, with every protocol that was not counted and why.
/// </summary>
public static class TallyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var definition = CountInput.Definition();
        var protocols = CountInput.Protocols();
        var db = StoreOptions.Database(required: false);
        db.Description = "Tally what a store holds instead of files: " + db.Description;
        var source = new Option<string?>("--source") { Description = "The count source to show (e.g. hand or machine); default: the official one." };
        var contest = new Option<string?>("--contest") { Description = "The contest to show; default: the party-list contest." };
        var area = new Option<string?>("--area")
        {
            Description = "The area to show (an area above the stations, or an area of a grouping); default: the contest's whole area.",
        };
        var language = new Option<string?>("--language") { Description = "The language of names (e.g. ky, ru, en); default: English where present." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of tables." };
        var command = new Command(
            "tally",
            "Add up protocol files and print the results: votes, shares, seats or winner, reporting progress, and every protocol not counted with " +
                "the reason.")
        {
            definition, protocols, db, source, contest, area, language, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetValue(definition),
            result.GetValue(protocols) ?? [],
            result.GetValue(db),
            new Selection(result.GetValue(source), result.GetValue(contest), result.GetValue(area), result.GetValue(language)),
            result.GetValue(json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        FileInfo? definitionFile,
        FileInfo[] files,
        string? db,
        Selection selection,
        bool asJson,
        CancellationToken cancellationToken)
    {
        if (db is not null)
        {
            return await CountInput.FromStoreAsync(
                console,
                db,
                definitionFile is not null || files.Length > 0,
                (store, log, snapshot) => Show(console, log.Election, snapshot, StoredAccount.Of(store, log), selection, asJson),
                cancellationToken);
        }
        if (CountInput.FromFiles(console, "tally", definitionFile, files) is not { } election)
        {
            return SanooCli.BadInput;
        }
        if (Choose(console, election, selection) is null)
        {
            return SanooCli.BadInput;
        }
        var (engine, report) = Load(console, election, files, asJson);
        var shown = Show(console, election, engine.Freeze(), report, selection, asJson);
        if (shown == SanooCli.Ok && !report.AnyRead)
        {
            if (!asJson)
            {
                var names = string.Join(", ", files.Select(f => f.Name));
                console.MarkupLineInterpolated($"[red]No protocol could be read from {names}: nothing was counted (the reasons are above).[/]");
            }
            return SanooCli.BadInput;
        }
        return shown;
    }

    /// <summary>What to show: source, contest, area and language, each optional.</summary>
    private sealed record Selection(string? Source, string? Contest, string? Area, string? Language);

    private static int Show(IAnsiConsole console, Election election, Snapshot snapshot, LoadReport report, Selection selection, bool asJson)
    {
        if (Choose(console, election, selection) is not var (plan, source, area))
        {
            return SanooCli.BadInput;
        }
        var language = selection.Language;
        if (!snapshot.IsPublishable)
        {
            console.MarkupLine("[red]The tally breaks an invariant. This is a bug in Sanoo, not in the protocols; nothing is shown:[/]");
            foreach (var violation in snapshot.InvariantViolations)
            {
                console.MarkupLineInterpolated($"  {violation}");
            }
            return SanooCli.Impossible;
        }
        var tally = snapshot.Tally(plan.Contest.Id, source.Id, area.Id)!;
        var atContestArea = area.Id == plan.Contest.Area;
        language ??= election.Definition.Languages.Contains("en") ? "en" : election.Definition.Languages[0];
        var view = new TallyView(
            election,
            plan,
            source,
            area,
            tally,
            atContestArea && plan.Contest.Kind == ContestKind.PartyList ? ContestSeats.PartyList(plan, snapshot, source.Id, language) : null,
            atContestArea && plan.Contest.Kind == ContestKind.SingleMember ? ContestSeats.SingleMember(plan, tally) : null,
            report,
            snapshot,
            language);
        if (asJson)
        {
            using var buffer = new MemoryStream();
            TallyJsonReport.Write(buffer, view);
            console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            TallyHumanReport.Write(console, view);
        }
        return SanooCli.Ok;
    }

    private static (ContestPlan Plan, CountSource Source, Area Area)? Choose(IAnsiConsole console, Election election, Selection selection)
    {
        var (sourceId, contestId, areaId) = (selection.Source, selection.Contest, selection.Area);
        var plan = contestId is null ? election.DefaultContest : ContestId.TryParse(contestId, out var asked) ? election.Contest(asked) : null;
        if (plan is null)
        {
            console.MarkupLineInterpolated(
                $"[red]Unknown contest '{contestId}'. Contests: {string.Join(", ", election.Contests.Select(c => c.Contest.Id).Take(20))}{
                    (election.Contests.Length > 20 ? ", …" : "")}[/]");
            return null;
        }
        var source = sourceId is null ? election.DefaultSource : election.ResultSources.FirstOrDefault(s => s.Id.Value == sourceId);
        if (source is null)
        {
            if (election.PartyCopies.Any(s => s.Id.Value == sourceId))
            {
                console.MarkupLineInterpolated($"[red]'{sourceId}' is a party's copy of the protocols, not a result: {
                    "the discrepancy ledger compares it with the official count"}.[/]");
            }
            else
            {
                console.MarkupLineInterpolated(
                    $"[red]Unknown count source '{sourceId}'. Sources: {string.Join(", ", election.ResultSources.Select(s => s.Id))}[/]");
            }
            return null;
        }
        var area = areaId is null ? election.Area(plan.Contest.Area) : AreaId.TryParse(areaId, out var at) ? election.Area(at) : null;
        if (area is null)
        {
            console.MarkupLineInterpolated($"[red]Unknown area '{areaId}'.[/]");
            return null;
        }
        var index = election.AreaIndex(area.Id);
        if (!plan.TallyAreas.Contains(index))
        {
            var reason = area.IsStation
                ? "it is a polling station (its protocols are in the files)"
                : $"the contest is held in '{plan.Contest.Area}'";
            console.MarkupLineInterpolated($"[red]Contest '{plan.Contest.Id}' is not tallied at '{area.Id}': {reason}.[/]");
            return null;
        }
        return (plan, source, area);
    }

    private static (TallyEngine, LoadReport) Load(IAnsiConsole console, Election election, FileInfo[] files, bool quiet)
    {
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            return ProtocolLoader.Load(election, files);
        }
        var total = files.Sum(f => f.Length);
        (TallyEngine, LoadReport)? report = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Reading protocols", maxValue: Math.Max(1, total));
                report = ProtocolLoader.Load(election, files, read => task.Value = read);
                task.Value = task.MaxValue;
            });
        return report!.Value;
    }
}
