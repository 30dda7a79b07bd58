using System.CommandLine;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Output;
using Sanoo.Storage;
using Spectre.Console;

namespace Sanoo.Cli.Simulate;

/// <summary><c>sanoo simulate --url URL --db DB --stations N</c>: rehearse election night against a running server.</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var url = new Option<string>("--url")
        {
            Description = "The server to rehearse against (loopback or the commission's own network).",
            Required = true,
        };
        var db = StoreOptions.Database(required: true);
        db.Description = "The server's store, where the simulated devices' keys are enrolled (a rehearsal runs beside the server): " + db.Description;
        var stations = new Option<int>("--stations")
        {
            Description = "Simulated station devices, each sending one signed count.",
            DefaultValueFactory = _ => 10_000,
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Devices sending at once during the burst.",
            DefaultValueFactory = _ => 64,
        };
        var rate = new Option<int>("--rate")
        {
            Description = "Protocols per second in the steady phase, where freshness is measured.",
            DefaultValueFactory = _ => 1000,
        };
        var seconds = new Option<int>("--seconds") { Description = "Length of the steady phase.", DefaultValueFactory = _ => 10 };
        var watch = new Option<string[]>("--watch")
        {
            Description = "A server whose status is polled for freshness (repeat it for each server behind a load balancer: a receipt is "
                + "fresh when every one of them shows it). Default: --url.",
            AllowMultipleArgumentsPerToken = false,
        };
        var serverPid = new Option<int?>("--server-pid")
        {
            Description = "The server's process id on this machine: its processor time per protocol in the burst is reported (Linux).",
        };
        var warmUp = new Option<int?>("--warm-up")
        {
            Description = "Protocols of the burst sent before it is timed, so that the server has compiled its code (default: a sixth of "
                + "the burst, at most 5,000).",
        };
        var command = new Command(
            "simulate",
            "Rehearse election night against a running server: signed counts from many station devices, as fast as it takes them, then at a steady " +
                "rate; reports throughput, errors and freshness percentiles.")
        {
            url, db, stations, concurrency, rate, seconds, serverPid, watch, warmUp,
        };
        command.SetAction((r, ct) => RunAsync(
            console,
            new Uri(r.GetValue(url)!),
            r.GetValue(db)!,
            r.GetValue(stations),
            r.GetValue(concurrency),
            r.GetValue(rate),
            r.GetValue(seconds),
            r.GetValue(serverPid),
            r.GetValue(warmUp),
            [.. (r.GetValue(watch) ?? []).Select(w => new Uri(w))],
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        Uri url,
        string db,
        int stations,
        int concurrency,
        int rate,
        int seconds,
        int? serverPid,
        int? warmUp,
        IReadOnlyList<Uri> watched,
        CancellationToken cancellationToken)
    {
        // The devices' socket completions run on the thread that waits for them, not handed to the thread pool: the generator's work
        // per answer is a few comparisons, and on cores it shares with the server the hand-off cost a fifth of its processor. Read by
        // .NET's socket engine when the first socket is made, so it is set before any.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            var simulator = new LoadSimulator(url, store, Math.Max(1, concurrency), serverPid, watched, warmUp);
            var report = await simulator.RunAsync(
                stations, Math.Max(1, rate), Math.Max(0, seconds), new Progress<string>(line => console.WriteLine(line)), cancellationToken);
            console.MarkupLineInterpolated(
                $"Signed ingest: [bold]{report.Burst / Math.Max(report.BurstSeconds, 1e-9):N0} protocols/s[/] ({Format.Count(report.Burst)} in {
                    report.BurstSeconds:F1} s from {concurrency} devices at once, after {Format.Count(report.WarmUp)} not timed).");
            if (report.ServerCpuMs is { } cpu)
            {
                console.MarkupLineInterpolated(
                    $"Server processor time (user + system) in the burst: [bold]{cpu / Math.Max(report.Burst, 1):F3} ms per protocol[/].");
            }
            if (report.ServerAllocatedBytes is { } allocated)
            {
                console.MarkupLineInterpolated(
                    $"Server allocations in the burst: [bold]{allocated / Math.Max(report.Burst, 1):N0} bytes per protocol[/].");
            }
            if (report.ServerCompiled is { } compiled)
            {
                console.MarkupLineInterpolated(
                    $"Server's runtime compiler in the burst: {compiled.Methods:N0} methods compiled, {compiled.Seconds:F2} s (0 on a warm server).");
            }
            console.MarkupLineInterpolated(
                $"Load generator (this process) in the burst: [bold]{report.OwnCpuMs / Math.Max(report.Burst, 1):F3} ms of processor[/] and {
                    report.OwnAllocatedBytes / Math.Max(report.Burst, 1):N0} bytes allocated per protocol.");
            console.MarkupLineInterpolated(
                $"Steady: {Format.Count(report.Steady)} at {report.SteadyPerSecond:N0}/s; freshness p50 [bold]{
                    report.Freshness(0.5):N0} ms[/], p99 [bold]{report.Freshness(0.99):N0} ms[/], max {report.Freshness(1):N0} ms{
                        (watched.Count > 1 ? $", until all {watched.Count} servers showed it" : "")}.");
            console.MarkupLineInterpolated(
                $"Errors: {Format.Count(report.Errors)}; retries after 429, 503 or a network error: {Format.Count(report.Retries)}.");
            return report.Errors == 0 ? SanooCli.Ok : SanooCli.BadInput;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (HttpRequestException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot reach {url}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
    }
}
