using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Night;
using Sanoo.Storage;
using Sanoo.Web;
using Sanoo.Web.Publishing;
using Spectre.Console;

namespace Sanoo.Cli.Demo;

/// <summary>
/// <c>sanoo demo</c>: the 2021 Kyrgyz election night replayed in accelerated time through a
/// real server on 127.0.0.1 with the embedded SQLite store: every station device sends its
/// signed machine count over HTTP, two operators of each district commission enter every hand count (double entry), and
/// the results site fills in as it goes. Ends at the official figures and keeps serving.
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var speed = new Option<string>("--speed")
        {
            Description = "Time multiplier (e.g. 3000: the 36-hour night in about 45 seconds), or 'max' for as fast as the server takes.",
            DefaultValueFactory = _ => "3000",
        };
        speed.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "max" && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0))
            {
                result.AddError($"--speed must be a positive number or 'max', not '{value}'.");
            }
        });
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed of the sample and of the night's events.",
            DefaultValueFactory = _ => Kg2021Generator.DefaultSeed,
        };
        var folder = new Option<DirectoryInfo>("--dir")
        {
            Description = "Where the demo keeps its store and files.",
            DefaultValueFactory = _ => new DirectoryInfo("sanoo-demo"),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where the server listens (127.0.0.1 only, unless you mean to show it to others).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var exit = new Option<bool>("--exit-when-done")
        {
            Description = "Print the national summary and stop, instead of serving the site until Ctrl+C (for scripts).",
        };
        var command = new Command(
            "demo",
            "Replay the 2021 Kyrgyz election night through a real server: signed machine counts from every station device, hand counts from " +
                "district operators, retries, rejected mistakes and corrections; the results site fills in live.")
        {
            speed, seed, folder, urls, exit,
        };
        command.SetAction((r, ct) => RunAsync(
            console, r.GetValue(speed)!, r.GetValue(seed), r.GetValue(folder)!, r.GetValue(urls)!, r.GetValue(exit), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console, string speedText, ulong seed, DirectoryInfo folder, string urls, bool exitWhenDone, CancellationToken cancellationToken)
    {
        var speed = speedText == "max" ? double.PositiveInfinity : double.Parse(speedText, CultureInfo.InvariantCulture);
        var sample = Kg2021Generator.Generate(seed, Input.SampleGeography.Find());
        var script = ElectionNight.Script(sample, seed);
        var impostor = Impostor(script);
        List<NightEvent> night = [.. script.Append(impostor).OrderBy(e => e.At)];
        Prepare(console, folder, sample, script);
        try
        {
            var address = "sqlite:" + Path.Combine(folder.FullName, "sanoo.db");
            await using var store = await StoreAddress.OpenAsync(address, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, sample.DefinitionJson, cancellationToken: cancellationToken);
            var counters = new NightCounters();
            console.MarkupLine("Enrolling a signing key for each of the 2,494 station devices and a token for each district commission …");
            using var senders = await NightSenders.EnrolAsync(sample.Election, store, counters, cancellationToken);
            // The commission's key is kept beside the store, so the demo's store can be served again under the same key.
            var keyFile = new FileInfo(Path.Combine(folder.FullName, "commission.key"));
            using var commission = CommissionKey.Import(
                Convert.FromBase64String(Commands.AccessCommands.WriteKeyFile("commission", keyFile).PrivateKey));
            // Every simulated device sends from 127.0.0.1, so the per-address write limit is lifted for the demo.
            await using var app = SanooServer.Create(
                log,
                new ServerOptions
                {
                    Urls = urls,
                    WritesPerSecondPerAddress = 1_000_000,
                    TreeHeadFile = StoreAddress.DefaultTreeHeadFile(address),
                },
                commission: commission);
            await SanooServer.StartAsync(app, cancellationToken);
            var site = app.Urls.First().TrimEnd('/') + "/";
            senders.UseServer(new Uri(site));
            var languages = string.Join(", ", log.Election.Definition.Languages);
            console.MarkupLineInterpolated(
                $"Results site: [bold link]{site}[/] (in {languages}): open it now, it fills in as the night goes.");
            console.MarkupLineInterpolated(
                $"Replaying {Format.Count(night.Count)} submissions at {
                    (double.IsInfinity(speed) ? "full speed" : $"{speedText}× real time")} through {site}api/v1/protocols.");
            var publisher = app.Services.GetRequiredService<SnapshotPublisher>();
            await VotingDayAsync(console, sample, seed, speed, senders, site, cancellationToken);
            var board = new NightBoard(sample.Election, counters, site);
            var clock = Stopwatch.StartNew();
            Func<TimeSpan> now = () => double.IsInfinity(speed) ? TimeSpan.MaxValue : clock.Elapsed * speed;
            var sending = senders.SendAsync(night, now, impostor, cancellationToken);
            await Watch(console, board, sending, () =>
            {
                board.Clock = now() < night[^1].At ? now() : night[^1].At;
                board.Snapshot = publisher.Current.Snapshot;
            }, cancellationToken);
            await sending;
            while (publisher.Current.Snapshot?.Position != log.Position && publisher.Current.Halted is null)
            {
                await Task.Delay(50, cancellationToken);
            }
            if (publisher.Current.Halted is { } halted)
            {
                console.MarkupLineInterpolated($"[red]Publication halted: {halted}[/]");
                return SanooCli.Impossible;
            }
            // The commission's acts at the end of the night: one recount where the two counts differ most, then certification.
            var worst = publisher.Current.Ledger!.Stations.Classed(c => c == Core.Reconciliation.ReconciliationClass.Discrepancy)
                .OrderByDescending(c => c.VotesApart)
                .First();
            var wire = Contracts.WireJson.Default;
            var order = DemoActs.Recount(worst.Station.Value, worst.Contest.Value, worst.VotesApart);
            var recount = await senders.ActAsync("/api/v1/recounts", order, wire.RecountRequest, wire.RecountOrdered, cancellationToken);
            var found = DemoActs.Outcome();
            var outcomePath = $"/api/v1/recounts/{recount.Recount.Sequence}/outcome";
            await senders.ActAsync(outcomePath, found, wire.RecountOutcomeRequest, wire.RecountOutcomeRecorded, cancellationToken);
            var statement = DemoActs.Certification();
            await senders.ActAsync("/api/v1/certifications", statement, wire.CertificationRequest, wire.CertificationRecorded, cancellationToken);
            Summarize(console, publisher.Current.Snapshot!, counters, script);
            var apart = Format.Count(worst.VotesApart);
            console.MarkupLineInterpolated(
                $"The commission ordered a recount at station {worst.Station} (machine and hand {
                    apart} votes apart), recorded its outcome, and certified the result: the site now says [bold]Certified[/].");
            var db = Path.Combine(folder.Name, "sanoo.db");
            var publicKey = Convert.ToBase64String(commission.PublicKey);
            console.MarkupLineInterpolated(
                $"Every protocol is in {db}; check it yourself: [bold]sanoo tally --db sqlite:{db}[/], or [bold]sanoo verify --url {site
                    } --commission-key {publicKey}[/] while it serves (after the demo: [bold]sanoo serve --db sqlite:{db} --signing-key {
                    Path.Combine(folder.Name, "commission.key")} --urls {site}[/]).");
            if (exitWhenDone)
            {
                await app.StopAsync(CancellationToken.None);
                return SanooCli.Ok;
            }
            console.MarkupLineInterpolated($"Still serving the results site at [bold link]{site}[/]; Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return SanooCli.Ok;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated(
                $"[red]Cannot start the demo server at {urls}: {e.Message}[/] Is another server on that port? Try --urls http://127.0.0.1:5081");
            return SanooCli.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped.");
            return SanooCli.Ok;
        }
    }

    /// <summary>
    /// Voting day before the night: from 08:00 every station's device reports its turnout at each of the definition's times; the
    /// demo says the national turnout at each time (what <c>/{lang}/turnout/</c> shows) and moves on when the polls close.
    /// </summary>
    private static async Task VotingDayAsync(
        IAnsiConsole console, GeneratedElection sample, ulong seed, double speed, NightSenders senders, string site,
        CancellationToken cancellationToken)
    {
        var day = ElectionDay.Script(sample, seed);
        if (day.IsEmpty)
        {
            return;
        }
        var start = ElectionDay.Opens - ElectionDay.Closes;
        console.MarkupLineInterpolated(
            $"Voting day: the polls open at 08:00; every station reports its turnout at {
                string.Join(", ", sample.Election.Definition.TurnoutTimes)} ({site}{sample.Election.Definition.Languages[0]}/turnout/).");
        var clock = Stopwatch.StartNew();
        var registered = sample.Election.Areas.Where(a => a.IsStation).Sum(a => a.Roll!.Total);
        await senders.SendTurnoutAsync(
            day,
            () => double.IsInfinity(speed) ? TimeSpan.MaxValue : start + (clock.Elapsed * speed),
            time => console.MarkupLineInterpolated(
                $"  {time}: turnout {Format.Percent(day.Where(e => e.Time == time).Sum(e => e.Voters), registered)} of the voters on the lists"),
            cancellationToken);
        console.MarkupLine("The polls close at 20:00; the count begins.");
    }

    /// <summary>
    /// One device sends another station's count, signed with its own key, just before the real
    /// count arrives: the server must refuse it and store nothing.
    /// </summary>
    private static NightEvent Impostor(IReadOnlyList<NightEvent> night)
    {
        var target = night.Where(e => e.Kind == NightEventKind.MachineCount).Skip(100).First();
        return new NightEvent(target.At - TimeSpan.FromSeconds(30), NightEventKind.MachineCount, target.Protocol);
    }

    private static void Prepare(IAnsiConsole console, DirectoryInfo folder, GeneratedElection sample, IReadOnlyList<NightEvent> script)
    {
        if (folder.Exists)
        {
            console.MarkupLineInterpolated($"Starting clean: the previous demo in [bold]{folder.FullName}[/] is replaced.");
            folder.Delete(recursive: true);
        }
        else
        {
            console.MarkupLineInterpolated($"Writing the demo to [bold]{folder.FullName}[/]");
        }
        folder.Create();
        File.WriteAllBytes(Path.Combine(folder.FullName, "election.json"), sample.DefinitionJson);
        using var file = File.Create(Path.Combine(folder.FullName, "night.jsonl"));
        foreach (var e in script)
        {
            file.Write(ProtocolWriter.Canonical(sample.Election, e.Protocol));
            file.WriteByte((byte)'\n');
        }
    }

    private static async Task Watch(IAnsiConsole console, NightBoard board, Task sending, Action update, CancellationToken cancellationToken)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            await console.Live(board.Render()).AutoClear(false).StartAsync(async live =>
            {
                while (!sending.IsCompleted)
                {
                    await Task.WhenAny(sending, Task.Delay(Tick, cancellationToken));
                    update();
                    live.UpdateTarget(board.Render());
                }
            });
            return;
        }
        var every = Stopwatch.StartNew();
        while (!sending.IsCompleted)
        {
            await Task.WhenAny(sending, Task.Delay(Tick, cancellationToken));
            update();
            if (every.Elapsed > TimeSpan.FromSeconds(5))
            {
                console.WriteLine(board.Line());
                every.Restart();
            }
        }
    }

    private static void Summarize(IAnsiConsole console, Snapshot snapshot, NightCounters counters, IReadOnlyList<NightEvent> script)
    {
        var election = snapshot.Election;
        var list = election.Contest(new ContestId(Kg2021Definition.ListContest))!;
        var nation = election.Areas[0].Id;
        var hand = snapshot.Tally(list.Contest.Id, new SourceId("hand"), nation)!;
        var machine = snapshot.Tally(list.Contest.Id, new SourceId("machine"), nation)!;
        var seats = ContestSeats.PartyList(list, snapshot, new SourceId("hand"));
        console.WriteLine();
        console.MarkupLine("[bold]The night is over. National result, hand count (official):[/]");
        console.MarkupLineInterpolated(
            $"Voters who took part: [bold]{Format.Count(hand.Participation)}[/] · valid {Format.Count(hand.TotalVotes)} · invalid {
                Format.Count(hand.Participation - hand.TotalVotes)} · stations {Format.Count(hand.StationsReporting)} of {
                Format.Count(hand.StationsExpected)}");
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
        var expected = Format.Count(machine.StationsExpected);
        console.MarkupLineInterpolated(
            $"Machine count: {Format.Count(machine.StationsReporting)} of {
                expected} machines reported. Shares are of all voters who took part; seats by Hare among parties over 5%.");
        var corrected = Format.Count(script.Count(e => e.Kind == NightEventKind.Correction));
        var refused = Format.Count(counters.Refused);
        console.MarkupLineInterpolated(
            $"Along the way, over HTTP: {Format.Count(counters.Sent)} submissions; {
                Format.Count(counters.Rejected)} protocols rejected for arithmetic errors (stored, never counted); {
                Format.Count(counters.Duplicates)} retries counted once; {
                Format.Count(counters.Entries)} hand-count entries, each protocol typed by two operators ({
                Format.Count(counters.Mismatches)} mismatches settled by a supervisor); {
                corrected} hand counts corrected with a reason; {
                refused} submission signed with another station's key refused. Every snapshot was checked before it was published.");
        if (counters.Scans > 0)
        {
            console.MarkupLineInterpolated(
                $"Each count carried a drawn scan of its signed paper protocol (machine printouts, hand-count protocols): {
                    Format.Count(counters.Scans)} PNGs drawn in {
                    counters.ScanTime.TotalSeconds:0.0} s ({counters.ScanTime.TotalMilliseconds / counters.Scans:0.0} ms each); one station in {
                    500} has a machine's scan whose first figure differs from the one sent.");
        }
    }
}
