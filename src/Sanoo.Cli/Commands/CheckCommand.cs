using System.CommandLine;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary><c>sanoo check DEFINITION</c>: loads an election definition and prints its summary or every problem.</summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var definition = new Argument<FileInfo>("definition") { Description = "The election definition file (JSON, see docs/definition-format.md)." };
        var command = new Command("check", "Check an election definition: print its summary, or every problem with its JSON path.") { definition };
        command.SetAction(result => Run(console, result.GetValue(definition)!));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo file)
    {
        switch (InputFiles.LoadDefinition(file))
        {
            case DefinitionResult.Invalid invalid:
                console.MarkupLineInterpolated($"[red]{file.Name} has {invalid.Problems.Length} problem(s):[/]");
                foreach (var problem in invalid.Problems)
                {
                    console.MarkupLineInterpolated($"  [yellow]{problem.Path}[/]: {problem.Message}");
                }
                return SanooCli.BadInput;
            case DefinitionResult.Loaded loaded:
                Summarize(console, file, loaded.Election);
                return SanooCli.Ok;
            default:
                throw new InvalidOperationException("unknown definition result");
        }
    }

    private static void Summarize(IAnsiConsole console, FileInfo file, Election election)
    {
        var d = election.Definition;
        var language = d.Languages.FirstOrDefault() ?? "en";
        console.MarkupLineInterpolated($"[green]{file.Name} is a sound election definition.[/]");
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("Election", Markup.Escape($"{d.Name.In("en")} ({d.Id}), {d.Date:yyyy-MM-dd}"));
        table.AddRow("Languages", string.Join(", ", d.Languages));
        table.AddRow("Count sources", Markup.Escape(string.Join(", ", d.Sources.Select(s => $"{s.Id}{(s.Official ? " (official)" : "")}"))));
        for (var level = 0; level < election.Levels.Length; level++)
        {
            var (id, heading, grouping) = election.Levels[level];
            var what = (heading?.In("en") ?? id, level == d.TreeDepth - 1, grouping) switch
            {
                ("station", true, _) => "Polling stations",
                (var name, true, _) when heading is null => $"{name} (polling stations)",
                (var name, _, true) => $"{name} (grouping)",
                ("nation", _, _) => "Nation",
                ("region", _, _) => "Regions",
                ("district", _, _) => "Districts",
                var (name, _, _) => name,
            };
            table.AddRow(
                Markup.Escape(what),
                Format.Count(election.Areas.Count(a => a.Level == level)));
        }
        table.AddRow(
            "Voters on the lists",
            Markup.Escape(
                $"{Format.Count(election.RegisteredVoters(0))} (main {Format.Count(election.Areas.Sum(a => (long)(a.Roll?.Registered ?? 0)))}, " +
                    $"additional {Format.Count(election.Areas.Sum(a => (long)(a.Roll?.Additional ?? 0)))})"));
        foreach (var plan in election.Contests.Where(c => c.Contest.Kind == ContestKind.PartyList))
        {
            var rules = plan.Contest.SeatRules!;
            var threshold = rules.Threshold is { } t ? $", threshold {t.Percent}% of {t.Base.ToString().ToLowerInvariant()}" : "";
            var cap = rules.MaxSeatsPerParty is { } c ? $", at most {c} a party" : "";
            table.AddRow(
                "Party-list contest",
                Markup.Escape(
                    $"{plan.Contest.Name.In(language)}: {plan.Choices.Length} choices, {plan.Contest.Seats} seats " +
                        $"by {rules.Method}{threshold}{cap}"));
        }
        var singles = election.Contests.Count(c => c.Contest.Kind == ContestKind.SingleMember);
        if (singles > 0)
        {
            table.AddRow("Single-member contests", Format.Count(singles));
        }
        foreach (var form in d.Forms)
        {
            table.AddRow(
                "Protocol form",
                Markup.Escape(
                    $"{form.Id}: {form.Lines.Length} lines, {form.Relations.Count(r => r.Severity == Severity.Error)} error " +
                        $"and {form.Relations.Count(r => r.Severity == Severity.Warning)} warning relations"));
            foreach (var relation in form.Relations)
            {
                table.AddRow("", Markup.Escape($"{relation.Severity.ToString().ToLowerInvariant()} {relation.Id}: {relation.Rule}"));
            }
        }
        console.Write(table);
    }
}
