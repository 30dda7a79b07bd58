using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Night;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo demo</c>: the 2021 Kyrgyz election night replayed in accelerated time through the
/// tally engine, with a snapshot frozen and checked at every tick, ending at the official figures.
/// (The server and public site come with the server issues; the demo will then replay through them.)
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var speed = new Option<string>("--speed") { Description = "Time multiplier (e.g. 3000: the 36-hour night in about 40 seconds), or 'max' for as fast as the engine takes.", DefaultValueFactory = _ => "3000" };
        speed.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "max" && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0))
            {
                result.AddError($"--speed must be a positive number or 'max', not '{value}'.");
            }
        });
        var seed = new Option<ulong>("--seed") { Description = "The seed of the sample and of the night's events.", DefaultValueFactory = _ => Kg2021Generator.DefaultSeed };
        var folder = new Option<DirectoryInfo>("--dir") { Description = "Where the demo writes its files.", DefaultValueFactory = _ => new DirectoryInfo("sanoo-demo") };
        var command = new Command("demo", "Replay the 2021 Kyrgyz election night: machine counts, retries, rejected mistakes, hand counts and corrections, tallied live and checked at every snapshot.") { speed, seed, folder };
        command.SetAction(result => Run(console, result.GetValue(speed)!, result.GetValue(seed), result.GetValue(folder)!));
        return command;
    }

    private static int Run(IAnsiConsole console, string speedText, ulong seed, DirectoryInfo folder)
    {
        var speed = speedText == "max" ? double.PositiveInfinity : double.Parse(speedText, CultureInfo.InvariantCulture);
        var sample = Kg2021Generator.Generate(seed);
        var night = ElectionNight.Script(sample, seed);
        console.MarkupLineInterpolated($"{(folder.Exists ? "Starting clean: replacing the previous demo in" : "Writing the demo to")} [bold]{folder.FullName}[/]");
        folder.Create();
        File.WriteAllBytes(Path.Combine(folder.FullName, "election.json"), sample.DefinitionJson);
        using (var file = File.Create(Path.Combine(folder.FullName, "night.jsonl")))
        {
            foreach (var e in night)
            {
                file.Write(ProtocolWriter.Canonical(sample.Election, e.Protocol));
                file.WriteByte((byte)'\n');
            }
        }
        console.MarkupLineInterpolated($"Replaying {Format.Count(night.Length)} submissions from {Format.Count(sample.Election.StationCount)} stations at {(double.IsInfinity(speed) ? "full speed" : $"{speedText}× real time")}.");
        var state = new NightState(sample.Election);
        if (console.Profile.Capabilities.Interactive)
        {
            console.Live(state.Render()).AutoClear(false).Start(live => Replay(night, speed, state, () => live.UpdateTarget(state.Render())));
        }
        else
        {
            var next = 0.1;
            Replay(night, speed, state, () =>
            {
                if (state.Applied >= night.Length * next)
                {
                    console.MarkupLineInterpolated($"  {Hours(state.Clock)} after the polls closed: machine {Format.Count(state.Reporting("machine"))}, hand {Format.Count(state.Reporting("hand"))} of {Format.Count(sample.Election.StationCount)} stations; {Format.Count(state.Rejected)} rejected, {Format.Count(state.Duplicates)} retries counted once");
                    next += 0.1;
                }
            });
        }
        if (state.Broken is { } broken)
        {
            console.MarkupLineInterpolated($"[red]A snapshot broke an invariant and was not published: {broken}[/]");
            return SanooCli.Impossible;
        }
        Summarize(console, state);
        console.MarkupLineInterpolated($"The night's submissions are in {Path.Combine(folder.Name, "night.jsonl")}; re-add them yourself: [bold]sanoo tally {Path.Combine(folder.Name, "election.json")} {Path.Combine(folder.Name, "night.jsonl")}[/]");
        return SanooCli.Ok;
    }

    /// <summary>Hours and minutes since the polls closed, past 24 hours too (e.g. 31:05).</summary>
    private static string Hours(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}");

    private static void Replay(IReadOnlyList<NightEvent> night, double speed, NightState state, Action refresh)
    {
        var clock = Stopwatch.StartNew();
        var i = 0;
        while (i < night.Count)
        {
            var now = double.IsInfinity(speed) ? TimeSpan.MaxValue : clock.Elapsed * speed;
            var batchEnd = double.IsInfinity(speed) ? Math.Min(night.Count, i + 500) : night.Count;
            while (i < batchEnd && night[i].At <= now)
            {
                state.Apply(night[i]);
                i++;
            }
            state.Clock = i < night.Count && !double.IsInfinity(speed) ? now : night[Math.Max(0, i - 1)].At;
            state.Freeze();
            refresh();
            if (state.Broken is not null)
            {
                return;
            }
            if (!double.IsInfinity(speed) && i < night.Count)
            {
                Thread.Sleep(Tick);
            }
        }
    }

    private static void Summarize(IAnsiConsole console, NightState state)
    {
        var election = state.Election;
        var list = election.Contest(new ContestId(Kg2021Definition.ListContest))!;
        var nation = election.Areas[0].Id;
        var hand = state.Snapshot!.Tally(list.Contest.Id, new SourceId("hand"), nation)!;
        var machine = state.Snapshot.Tally(list.Contest.Id, new SourceId("machine"), nation)!;
        var seats = ContestSeats.PartyList(list, state.Snapshot, new SourceId("hand"));
        console.WriteLine();
        console.MarkupLine("[bold]The night is over. National result, hand count (official):[/]");
        console.MarkupLineInterpolated($"Voters who took part: [bold]{Format.Count(hand.Participation)}[/] · valid {Format.Count(hand.TotalVotes)} · invalid {Format.Count(hand.Participation - hand.TotalVotes)} · stations {Format.Count(hand.StationsReporting)} of {Format.Count(hand.StationsExpected)}");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Party").AddColumn(new TableColumn("Hand votes").RightAligned()).AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Seats").RightAligned()).AddColumn(new TableColumn("Machine share").RightAligned());
        foreach (var (choice, i) in list.Choices.Select((c, i) => (c, i)).OrderByDescending(p => hand.Votes[p.i]).Take(10))
        {
            table.AddRow(
                Markup.Escape(choice.Name.In("en")),
                Format.Count(hand.Votes[i]),
                Format.Percent(hand.Votes[i], hand.Participation),
                choice.Kind == ChoiceKind.Party ? seats.SeatsOf(choice.Id).ToString(CultureInfo.InvariantCulture) : "",
                Format.Percent(machine.Votes[i], machine.Participation));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"Machine count: {Format.Count(machine.StationsReporting)} of {Format.Count(machine.StationsExpected)} machines reported. Shares are of all voters who took part; seats by Hare among parties over 5%.");
        console.MarkupLineInterpolated($"Along the way: {Format.Count(state.Rejected)} protocols rejected for arithmetic errors (never counted), {Format.Count(state.Duplicates)} retries counted once, {Format.Count(state.Corrections)} corrections; {Format.Count(state.Snapshots)} snapshots, each checked before it could be shown.");
    }

    /// <summary>The replay's running state and its live rendering.</summary>
    private sealed class NightState(Election election)
    {
        private readonly TallyEngine _engine = new(election);

        public Election Election { get; } = election;

        public Snapshot? Snapshot { get; private set; }

        public TimeSpan Clock { get; set; }

        public int Applied { get; private set; }

        public int Rejected { get; private set; }

        public int Duplicates { get; private set; }

        public int Corrections { get; private set; }

        public int Snapshots { get; private set; }

        public string? Broken { get; private set; }

        public void Apply(NightEvent e)
        {
            Applied++;
            switch (_engine.Apply(e.Protocol))
            {
                case ApplyOutcome.Rejected:
                    Rejected++;
                    break;
                case ApplyOutcome.Duplicate:
                    Duplicates++;
                    break;
                case ApplyOutcome.Accepted { SupersededVersion: not null }:
                    Corrections++;
                    break;
            }
        }

        public void Freeze()
        {
            var snapshot = _engine.Freeze();
            Snapshots++;
            if (!snapshot.IsPublishable)
            {
                Broken = snapshot.InvariantViolations[0].ToString();
                return;
            }
            Snapshot = snapshot;
        }

        public int Reporting(string source) =>
            Snapshot?.Tally(new ContestId(Kg2021Definition.ListContest), new SourceId(source), Election.Areas[0].Id)?.StationsReporting ?? 0;

        public IRenderable Render()
        {
            var grid = new Table().Border(TableBorder.Rounded).Title($"Election night, {Hours(Clock)} after the polls closed");
            grid.AddColumn("Party");
            grid.AddColumn(new TableColumn("Machine (preliminary)").RightAligned());
            grid.AddColumn(new TableColumn("Hand (official)").RightAligned());
            var list = Election.Contest(new ContestId(Kg2021Definition.ListContest))!;
            var nation = Election.Areas[0].Id;
            var machine = Snapshot?.Tally(list.Contest.Id, new SourceId("machine"), nation);
            var hand = Snapshot?.Tally(list.Contest.Id, new SourceId("hand"), nation);
            grid.AddRow("[dim]stations reporting[/]", Progress(machine), Progress(hand));
            foreach (var (choice, i) in list.Choices.Select((c, i) => (c, i)).OrderByDescending(p => machine?.Votes[p.i] ?? 0).Take(8))
            {
                grid.AddRow(Markup.Escape(choice.Name.In("en")), Share(machine, i), Share(hand, i));
            }
            grid.Caption($"{Format.Count(Rejected)} rejected · {Format.Count(Duplicates)} retries counted once · {Format.Count(Corrections)} corrections · snapshot {Format.Count(Snapshot?.Position ?? 0)} checked");
            return grid;
        }

        private static string Progress(AreaTally? t) => t is null ? "–" : $"{Format.Count(t.StationsReporting)} ({Format.Progress(t.StationsReporting, t.StationsExpected)})";

        private static string Share(AreaTally? t, int i) => t is null ? "–" : Format.Percent(t.Votes[i], t.Participation);
    }
}
