using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sanoo.Cli.Input;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Web.Forensics;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo forensics (--db DB | DEFINITION PROTOCOLS...)</c>: the forensic analyses of a count (docs/forensics.md): the
/// integer-percentage tests, the stations flagged and, with <c>--out</c>, the comet and histograms as SVG beside the JSON.
/// </summary>
public static class ForensicsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var definition = CountInput.Definition();
        var protocols = CountInput.Protocols();
        var db = StoreOptions.Database(required: false);
        db.Description = "Analyse what a store holds instead of files: " + db.Description;
        var area = new Option<string?>("--area") { Description = "The area to analyse (of the tree or of a grouping); default: the contest's area." };
        var source = new Option<string?>("--source") { Description = "The count source (e.g. hand or machine); default: the official one." };
        var contest = new Option<string?>("--contest") { Description = "The contest; default: the party-list contest." };
        var seed = new Option<ulong?>("--seed") { Description = "The Monte Carlo's seed; default: " + ForensicsParameters.Default.Seed + "." };
        var replicates = new Option<int?>("--replicates")
        {
            Description = "Simulated elections per integer test; default: " + ForensicsParameters.Default.Replicates + ".",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the same as GET /api/v1/forensics)." };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Also write forensics.json, comet.svg, turnout.svg and leader-share.svg here.",
        };
        var command = new Command(
            "forensics",
            "Look for the fingerprints of manipulation in a count: excess whole percentages (Kobak, Shpilkin and Pshenichnikov 2016), the "
                + "turnout-against-share comet, and stations worth a closer look. An anomaly is a reason to look, not proof of fraud.")
        {
            definition, protocols, db, area, source, contest, seed, replicates, json, output,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var parameters = ForensicsParameters.Default with
            {
                Seed = result.GetValue(seed) ?? ForensicsParameters.Default.Seed,
                Replicates = result.GetValue(replicates) ?? ForensicsParameters.Default.Replicates,
            };
            return RunAsync(
                console,
                result.GetValue(definition),
                result.GetValue(protocols) ?? [],
                result.GetValue(db),
                (result.GetValue(area), result.GetValue(source), result.GetValue(contest)),
                parameters,
                (result.GetValue(json), result.GetValue(output)),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        FileInfo? definitionFile,
        FileInfo[] files,
        string? db,
        (string? Area, string? Source, string? Contest) selection,
        ForensicsParameters parameters,
        (bool Json, DirectoryInfo? Out) output,
        CancellationToken cancellationToken)
    {
        if (parameters.Replicates < 1)
        {
            console.MarkupLine("[red]--replicates must be at least 1.[/]");
            return SanooCli.BadInput;
        }
        if (db is not null)
        {
            return await CountInput.FromStoreAsync(
                console,
                db,
                definitionFile is not null || files.Length > 0,
                (_, _, snapshot) => Show(console, snapshot, selection, parameters, output),
                cancellationToken);
        }
        if (CountInput.FromFiles(console, "forensics", definitionFile, files) is not { } election)
        {
            return SanooCli.BadInput;
        }
        var (engine, _) = ProtocolLoader.Load(election, files);
        return Show(console, engine.Freeze(), selection, parameters, output);
    }

    private static int Show(
        IAnsiConsole console,
        Snapshot snapshot,
        (string? Area, string? Source, string? Contest) selection,
        ForensicsParameters parameters,
        (bool Json, DirectoryInfo? Out) output)
    {
        var election = snapshot.Election;
        var plan = selection.Contest is null ? election.DefaultContest
            : ContestId.TryParse(selection.Contest, out var contestId) ? election.Contest(contestId) : null;
        var source = selection.Source is null ? election.DefaultSource
            : election.ResultSources.FirstOrDefault(s => s.Id.Value == selection.Source);
        var area = plan is null ? null : selection.Area is null ? election.Area(plan.Contest.Area)
            : AreaId.TryParse(selection.Area, out var areaId) ? election.Area(areaId) : null;
        if (plan is null || source is null || area is null || area.IsStation)
        {
            var what = plan is null ? "contest" : source is null ? "count source" : "area (an area above the stations)";
            var given = plan is null ? selection.Contest : source is null ? selection.Source : selection.Area;
            console.MarkupLineInterpolated($"[red]Unknown {what}: {given}.[/]");
            return SanooCli.BadInput;
        }
        if (!snapshot.IsPublishable)
        {
            console.MarkupLine("[red]The tally breaks an invariant. This is a bug in Sanoo, not in the protocols; nothing is shown.[/]");
            return SanooCli.Impossible;
        }
        var ledger = election.Reconciliation is { } rule ? Ledger.Of(snapshot, rule) : null;
        var report = ForensicsAnalysis.Of(snapshot, plan, source.Id, area.Id, parameters, ledger, ForensicsJson.Parallel);
        var wire = ForensicsJson.Of(election, report);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(wire, WireJson.Default.ForensicsReport);
        if (output.Out is { } folder)
        {
            folder.Create();
            File.WriteAllBytes(Path.Combine(folder.FullName, "forensics.json"), bytes);
            var d = report.Distributions;
            File.WriteAllText(Path.Combine(folder.FullName, "comet.svg"), ForensicsSvg.Comet(d, "Turnout", "Leader's share", "Comet"));
            File.WriteAllText(Path.Combine(folder.FullName, "turnout.svg"), ForensicsSvg.Histogram(d.Turnout, "Turnout", "Turnout"));
            File.WriteAllText(
                Path.Combine(folder.FullName, "leader-share.svg"), ForensicsSvg.Histogram(d.LeaderShare, "Leader's share", "Leader's share"));
        }
        if (output.Json)
        {
            console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(bytes));
            return SanooCli.Ok;
        }
        Human(console, election, wire);
        if (output.Out is { } written)
        {
            console.MarkupLineInterpolated($"Written: {written.FullName}/forensics.json, comet.svg, turnout.svg, leader-share.svg");
        }
        return SanooCli.Ok;
    }

    private static void Human(IAnsiConsole console, Election election, Contracts.ForensicsReport report)
    {
        var culture = CultureInfo.InvariantCulture;
        console.MarkupLineInterpolated(
            $"[bold]{election.Definition.Name.In("en")}[/]: contest {report.Contest}, source {report.Source}, area {report.Area}");
        var (based, of) = (report.Stations.ToString("N0", culture), report.StationsExpected.ToString("N0", culture));
        console.MarkupLineInterpolated($"Based on {based} of {of} stations; leader {report.Leader}.");
        var table = new Table().AddColumns("Integer percentages", "Stations", "Observed", "Expected", "Excess", "p-value", "z");
        void Row(string name, IntegerTest t) => table.AddRow(
            Markup.Escape(name),
            t.Stations.ToString("N0", culture),
            t.Observed.ToString("N0", culture),
            t.Expected.ToString("N1", culture),
            t.Excess.ToString("+0.0;-0.0", culture),
            t.PValue.ToString("0.####", culture),
            t.ZScore.ToString("0.0", culture));
        Row("turnout", report.IntegerPercentages.Turnout);
        foreach (var choice in report.IntegerPercentages.Choices)
        {
            Row($"share of {choice.Choice} ({choice.SharePercent.ToString("0.0", culture)}%)", choice.Test);
        }
        console.Write(table);
        var level = report.IntegerPercentages.TestLevel.ToString("0.####", culture);
        var alarm = report.IntegerPercentages.Alarm ? "YES" : "no";
        console.MarkupLineInterpolated($"Integer alarm (turnout or leader's share below {level}, Monte Carlo error included): {alarm}.");
        console.MarkupLine("An anomaly is a reason to look, not proof of fraud.");
        console.MarkupLineInterpolated($"Stations flagged: {report.Flags.Count.ToString("N0", culture)}");
        foreach (var reason in report.Flags.SelectMany(f => f.Reasons).GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            console.MarkupLineInterpolated($"  {reason.Key}: {reason.Count().ToString("N0", culture)}");
        }
    }
}
