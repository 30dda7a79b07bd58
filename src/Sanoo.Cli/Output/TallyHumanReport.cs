using Sanoo.Cli.Input;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Web.SeatWording;
using Spectre.Console;

namespace Sanoo.Cli.Output;

/// <summary>Writes a <see cref="TallyView"/> for people at a terminal.</summary>
public static class TallyHumanReport
{
    /// <summary>At most this many uncounted lines are listed; --json lists all.</summary>
    public const int MaxListed = 100;

    /// <summary>Writes the report.</summary>
    public static void Write(IAnsiConsole console, TallyView view)
    {
        var lang = view.Language;
        var tally = view.Tally;
        console.MarkupLineInterpolated($"[bold]{view.Election.Definition.Name.In(lang)}[/]");
        console.MarkupLineInterpolated($"{view.Plan.Contest.Name.In(lang)} · {view.Area.DisplayName(lang)} · [bold]{view.Source.Name.In(lang)}[/]");
        console.MarkupLineInterpolated(
            $"Stations reporting: {Format.Count(tally.StationsReporting)} of {Format.Count(tally.StationsExpected)} ({
                Format.Progress(tally.StationsReporting, tally.StationsExpected)}); voters on their lists: {
                Format.Count(tally.RegisteredCovered)} of {Format.Count(tally.RegisteredTotal)}");
        console.MarkupLineInterpolated(
            $"Voters who took part: [bold]{Format.Count(tally.Participation)}[/] ({
                Format.Percent(tally.Participation, tally.RegisteredCovered)} of the voters on the lists of reporting stations)");
        console.WriteLine();
        var choices = new Table().Border(TableBorder.Simple);
        choices.AddColumn("No.", c => c.RightAligned());
        choices.AddColumn(view.Plan.Contest.Kind == ContestKind.PartyList ? "Party" : "Candidate");
        choices.AddColumn("Votes", c => c.RightAligned());
        choices.AddColumn("Share*", c => c.RightAligned());
        if (view.Seats is not null)
        {
            choices.AddColumn("Seats", c => c.RightAligned());
        }
        foreach (var (choice, votes) in view.Ranked())
        {
            var row = new List<string>
            {
                choice.BallotNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(choice.Name.In(lang)),
                Format.Count(votes),
                Format.Percent(votes, tally.Participation),
            };
            if (view.Seats is { } seats)
            {
                var party = seats.Parties.FirstOrDefault(p => p.Party == choice.Id);
                row.Add(
                    party is null ? "" : party.PassedThreshold ? party.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture) : "below");
            }
            choices.AddRow([.. row]);
        }
        choices.AddRow("", "[bold]Valid votes[/]", Format.Count(tally.TotalVotes), Format.Percent(tally.TotalVotes, tally.Participation));
        console.Write(choices);
        console.MarkupLine("* share of the voters who took part (valid and invalid ballots).");
        WriteOutcome(console, view);
        WriteLines(console, view);
        WriteAccount(console, view);
    }

    private static void WriteOutcome(IAnsiConsole console, TallyView view)
    {
        if (view.Seats is { } seats)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]Seats ({view.Plan.Contest.Seats}, {view.Plan.Contest.SeatRules!.Method}):[/]");
            foreach (var step in SeatWords.Steps(seats.Steps, view.Language))
            {
                console.MarkupLineInterpolated($"  {step}");
            }
            foreach (var tie in SeatWords.Ties(seats.Ties, view.Language))
            {
                console.MarkupLineInterpolated($"  [yellow]Tie: {tie}[/]");
            }
        }
        switch (view.Winner)
        {
            case SingleMemberResult.Elected elected:
                console.MarkupLineInterpolated(
                    $"Elected: [bold]{elected.Winner.Name.In(view.Language)}[/] with {Format.Count(elected.Votes)} votes, {
                        Format.Count(elected.Margin)} ahead.");
                break;
            case SingleMemberResult.NoWinner none:
                console.MarkupLineInterpolated($"[yellow]No winner: {SeatWords.NoWinner(none, view.Language)}.[/]");
                break;
        }
        foreach (var step in SeatWords.Steps(view.Winner?.Steps ?? [], view.Language))
        {
            console.MarkupLineInterpolated($"  {step}");
        }
    }

    private static void WriteLines(IAnsiConsole console, TallyView view)
    {
        console.WriteLine();
        var lines = new Table().Border(TableBorder.Simple).AddColumn("Protocol line").AddColumn(new TableColumn("Sum").RightAligned());
        for (var i = 0; i < view.Plan.Form.Lines.Length; i++)
        {
            lines.AddRow(Markup.Escape(view.Plan.Form.Lines[i].Name.In(view.Language)), Format.Count(view.Tally.Lines[i]));
        }
        console.Write(lines);
    }

    private static void WriteAccount(IAnsiConsole console, TallyView view)
    {
        var load = view.Load;
        if (load.Origin == "files")
        {
            console.MarkupLineInterpolated(
                $"Read {Format.Count(load.Lines)} protocol lines: {Format.Count(load.Accepted)} counted, {
                    Format.Count(load.Duplicates)} exact repeats (counted once), {Format.Count(load.NotCounted.Length)} not counted; {
                    Format.Count(load.Flagged.Length)} counted with warnings.");
        }
        else
        {
            console.MarkupLineInterpolated(
                $"The log of {load.Origin} holds {Format.Count(load.Lines)} protocol versions: {
                    Format.Count(load.Accepted)} were counted when they arrived (later versions replace earlier ones), {
                    Format.Count(load.NotCounted.Length)} were not; {Format.Count(load.Flagged.Length)} were counted with warnings.");
        }
        if (view.Tally.Flagged > 0)
        {
            var flagged = Format.Count(view.Tally.Flagged);
            console.MarkupLineInterpolated(
                $"[yellow]{flagged} counted protocol(s) in this area break a warning-level relation and are flagged for review.[/]");
        }
        WriteFlagged(console, load);
        if (!load.NotCounted.IsEmpty)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]Not counted ({Format.Count(load.NotCounted.Length)}):[/]");
            foreach (var item in load.NotCounted.Take(MaxListed))
            {
                var what = item.Protocol is { } p ? $"station {p.Station}, {p.Contest}, {p.Source}, version {p.Version}" : "";
                console.MarkupLineInterpolated($"  {item.File}:{item.Line} [red]{item.Outcome}[/] {what}");
                foreach (var violation in item.Violations)
                {
                    console.MarkupLineInterpolated($"    {violation.Describe()}");
                }
                foreach (var problem in item.Problems)
                {
                    console.MarkupLineInterpolated($"    {problem}");
                }
            }
            if (load.NotCounted.Length > MaxListed)
            {
                console.MarkupLineInterpolated(
                    $"  … and {Format.Count(load.NotCounted.Length - MaxListed)} more (sanoo tally --json lists them all).");
            }
        }
        console.MarkupLineInterpolated(
            $"[dim]Snapshot at log position {Format.Count(view.Snapshot.Position)}: every invariant checked and holding.[/]");
    }

    /// <summary>Every version counted with warnings (of every contest and area: the files' or the log's account), with what it breaks.</summary>
    private static void WriteFlagged(IAnsiConsole console, LoadReport load)
    {
        if (load.Flagged.IsEmpty)
        {
            return;
        }
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]Counted with warnings, flagged for review ({Format.Count(load.Flagged.Length)}):[/]");
        foreach (var item in load.Flagged.Take(MaxListed))
        {
            var p = item.Protocol;
            console.MarkupLineInterpolated(
                $"  {item.File}:{item.Line} [yellow]flagged[/] station {p.Station}, {p.Contest}, {p.Source}, version {p.Version}");
            foreach (var violation in item.Violations)
            {
                console.MarkupLineInterpolated($"    {violation.Describe()}");
            }
        }
        if (load.Flagged.Length > MaxListed)
        {
            console.MarkupLineInterpolated($"  … and {Format.Count(load.Flagged.Length - MaxListed)} more (sanoo tally --json lists them all).");
        }
    }
}
