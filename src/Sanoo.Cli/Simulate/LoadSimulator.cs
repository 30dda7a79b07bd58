using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthetic;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Cli.Simulate;

/// <summary>What a rehearsal measured.</summary>
/// <param name="Burst">Protocols sent as fast as the server took them.</param>
/// <param name="BurstSeconds">How long that took.</param>
/// <param name="Steady">Protocols sent at the steady rate.</param>
/// <param name="SteadyPerSecond">The rate achieved.</param>
/// <param name="FreshnessMs">Receipt-to-visible delays at the steady rate, sorted, in milliseconds.</param>
/// <param name="Errors">Requests that failed for good (a 4xx other than 429, or too many retries).</param>
/// <param name="Retries">Requests repeated after 429, 503 or a network error.</param>
/// <param name="WarmUp">Protocols sent before the burst was timed, so the server's first compilations are not in it.</param>
/// <param name="ServerCpuMs">The server's processor time (user and system) in the timed burst, in milliseconds; null if unknown.</param>
/// <param name="ServerAllocatedBytes">The bytes the server allocated in the timed burst; null if unknown.</param>
/// <param name="OwnCpuMs">This load generator's own processor time (user and system) in the timed burst, in milliseconds: on a machine
/// it shares with the server, server and generator together must fit the cores.</param>
/// <param name="OwnAllocatedBytes">The bytes this load generator allocated in the timed burst.</param>
/// <param name="ServerCompiled">The methods the server's runtime compiled in the timed burst (first compilations and recompilations
/// of code found hot) and the seconds its compiler took, from its /metrics; null if unknown. Many mean the burst measured a server
/// still compiling, not a warm one.</param>
public sealed record RehearsalReport(
    int Burst, double BurstSeconds, int Steady, double SteadyPerSecond, IReadOnlyList<double> FreshnessMs, int Errors, int Retries,
    int WarmUp, double? ServerCpuMs, double? ServerAllocatedBytes, double OwnCpuMs, double OwnAllocatedBytes,
    (double Methods, double Seconds)? ServerCompiled = null)
{
    /// <summary>A percentile of the freshness, in milliseconds.</summary>
    public double Freshness(double percentile) => FreshnessMs.Count == 0
        ? 0
        : FreshnessMs[Math.Min(FreshnessMs.Count - 1, (int)(FreshnessMs.Count * percentile))];
}

/// <summary>
/// A rehearsal of election night against a running server: a device per station with its own
/// Ed25519 key (enrolled in the server's store), each sending its signed machine count over
/// HTTP, first as fast as the server takes them from many devices at once, then at a steady rate
/// while a reader polls the status, measuring how long each receipt takes to become visible.
/// </summary>
/// <param name="server">Where the devices send (a server, or a load balancer in front of several).</param>
/// <param name="store">The servers' store, where the devices are enrolled.</param>
/// <param name="concurrency">Devices sending at once during the burst.</param>
/// <param name="serverProcess">The server's process id on this machine, to report its processor time; null when not known.</param>
/// <param name="watched">The servers whose status is polled in the steady phase; a receipt is fresh when every one of them
/// publishes a snapshot that includes it. Empty: <paramref name="server"/> alone.</param>
/// <param name="warmUp">Protocols sent before the burst is timed; null: a sixth of the burst, at most 5,000.</param>
public sealed class LoadSimulator(
    Uri server, IProtocolStore store, int concurrency, int? serverProcess = null, IReadOnlyList<Uri>? watched = null, int? warmUp = null)
{
    private readonly IReadOnlyList<Uri> _watched = watched is { Count: > 0 } ? watched : [server];
    private const string ProtocolsPath = "/api/v1/protocols";
    private readonly System.Collections.Concurrent.ConcurrentBag<DeviceConnection> _connections = [];
    private int _errors;
    private int _retries;

    /// <summary>Enrols <paramref name="stations"/> devices, then runs the burst and <paramref name="steadySeconds"/> at <paramref
    /// name="steadyRate"/>.</summary>
    public async Task<RehearsalReport> RunAsync(
        int stations, int steadyRate, int steadySeconds, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var stored = await store.ReadDefinitionAsync(cancellationToken)
            ?? throw new StoreException($"{store.Description} holds no election: start the server with --definition first");
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(stored.Definition)).Election;
        var source = election.Sources.FirstOrDefault(s => !s.Official) ?? election.Sources[0];
        var protocols = SyntheticElection.Protocols(election, source.Id.Value, (ulong)Environment.TickCount64).Take(stations).ToList();
        progress.Report($"enrolling {protocols.Count:N0} device keys and signing their {source.Id} counts …");
        var bodies = new byte[protocols.Count][];
        var enrolments = new List<DeviceKey>(10_000);
        for (var i = 0; i < protocols.Count; i++)
        {
            using var key = Key.Create(SignatureAlgorithm.Ed25519);
            enrolments.Add(new DeviceKey(protocols[i].Station, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow,
                "sanoo simulate"));
            var canonical = ProtocolWriter.Canonical(election, protocols[i]);
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(DeviceSigning.Sign(key, canonical), Contracts.WireJson.Default.Submission);
            if (enrolments.Count == 10_000 || i == protocols.Count - 1)
            {
                await store.EnrolDevicesAsync(enrolments, cancellationToken); // one transaction per 10,000 devices
                enrolments.Clear();
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // the server re-reads enrolments every 2 s
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server };
        var steady = Math.Min(bodies.Length, steadyRate * steadySeconds);
        var burst = bodies.Length - steady;
        var warm = Math.Clamp(warmUp ?? Math.Min(5_000, burst / 6), 0, burst);
        progress.Report($"warm-up: {warm:N0} signed protocols, not timed (the server compiles its code on first use)");
        await SendAllAsync(bodies, 0, warm, progress, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // the runtime recompiles the code found hot in the background
        progress.Report($"burst: {burst - warm:N0} signed protocols from {concurrency} devices at once");
        var cpuBefore = ServerCpuMs();
        var before = await ServerCountersAsync(http, cancellationToken);
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ownAllocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        await SendAllAsync(bodies, warm, burst, progress, cancellationToken);
        var burstSeconds = clock.Elapsed.TotalSeconds;
        var ownAllocated = GC.GetTotalAllocatedBytes() - ownAllocatedBefore;
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalMilliseconds;
        var cpu = ServerCpuMs() - cpuBefore;
        var after = await ServerCountersAsync(http, cancellationToken);
        progress.Report($"steady: {steadyRate:N0} protocols/s for {steadySeconds} s, measuring freshness");
        var (rate, freshness) = await SteadyAsync(http, bodies[burst..], steadyRate, cancellationToken);
        return new RehearsalReport(burst - warm, burstSeconds, steady, rate, freshness, _errors, _retries, warm, cpu,
            after.Allocated - before.Allocated, ownCpu, ownAllocated,
            after.Compiled is { } c && before.Compiled is { } b ? (c.Methods - b.Methods, c.Seconds - b.Seconds) : null);
    }

    /// <summary>Sends bodies <paramref name="from"/> to <paramref name="to"/> (excluded) from as many devices at once as asked.</summary>
    private async Task SendAllAsync(byte[][] bodies, int from, int to, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var connection = new DeviceConnection(server, ProtocolsPath);
            int i;
            while ((i = Interlocked.Increment(ref next)) < to)
            {
                await PostAsync(connection, bodies[i], false, cancellationToken);
                if (i % 10_000 == 0 && i > from)
                {
                    progress.Report($"  {i:N0} of {to:N0} sent");
                }
            }
        }, cancellationToken)));
    }

    /// <summary>The server's processor time so far (user and system, from Linux's /proc), in milliseconds; null when unknown.</summary>
    private double? ServerCpuMs()
    {
        if (serverProcess is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>The bytes the server has allocated so far and the methods its runtime has compiled (with the compiler's seconds),
    /// read from its /metrics; each null when it does not answer them to us.</summary>
    private static async Task<(double? Allocated, (double Methods, double Seconds)? Compiled)> ServerCountersAsync(
        HttpClient http, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await http.GetStringAsync("/metrics", cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
        var lines = text.Split('\n');
        // A Prometheus sample: the name, its labels in braces if any, a space and the value.
        double? Counter(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length
            && l[name.Length] is '{' or ' ') is { } line
            ? double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)
            : null;
        var methods = Counter("dotnet_jit_compiled_methods_total");
        var seconds = Counter("dotnet_jit_compilation_time_seconds_total");
        return (Counter("dotnet_gc_heap_total_allocated_bytes_total"), methods is { } m && seconds is { } s ? (m, s) : null);
    }

    private async Task<(double Rate, List<double> Freshness)> SteadyAsync(
        HttpClient http, byte[][] bodies, int rate, CancellationToken cancellationToken)
    {
        var receipts = new List<(long Sequence, long Ticks)>();
        var seen = _watched.Select(_ => new List<(long Snapshot, long Ticks)>()).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pollers = _watched.Select((watch, w) => Task.Run(async () =>
        {
            var status = new Uri(watch, "/api/v1/status");
            while (!stop.IsCancellationRequested)
            {
                var answer = await http.GetFromJsonAsync(status, Contracts.WireJson.Default.ServerStatus, stop.Token);
                lock (seen[w])
                {
                    seen[w].Add((answer?.Snapshot ?? 0, Stopwatch.GetTimestamp()));
                }
                await Task.Delay(5, stop.Token);
            }
        }, stop.Token)).ToList();
        var sends = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < bodies.Length; k++)
        {
            var due = start + (long)(k * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Yield();
            }
            var body = bodies[k];
            sends.Add(Task.Run(async () =>
            {
                var connection = _connections.TryTake(out var idle) ? idle : new DeviceConnection(server, ProtocolsPath);
                var answer = await PostAsync(connection, body, true, cancellationToken);
                _connections.Add(connection);
                if (answer is { } sequence)
                {
                    lock (receipts)
                    {
                        receipts.Add((sequence, Stopwatch.GetTimestamp()));
                    }
                }
            }, cancellationToken));
        }
        var seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        await Task.WhenAll(sends);
        var last = receipts.Count == 0 ? 0 : receipts.Max(r => r.Sequence);
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(10) && !seen.All(s => Shows(s, last)); )
        {
            await Task.Delay(20, cancellationToken);
        }
        await stop.CancelAsync();
        await Task.WhenAll(pollers).ContinueWith(_ => { }, CancellationToken.None);
        while (_connections.TryTake(out var connection))
        {
            connection.Dispose();
        }
        var freshness = receipts.Select(r => seen.Max(s =>
        {
            var first = s.FirstOrDefault(p => p.Snapshot >= r.Sequence && p.Ticks >= r.Ticks);
            return first.Ticks == 0 ? double.PositiveInfinity : (first.Ticks - r.Ticks) * 1000.0 / Stopwatch.Frequency;
        })).Order().ToList();
        return (bodies.Length / seconds, freshness);
    }

    private static bool Shows(List<(long Snapshot, long Ticks)> seen, long sequence)
    {
        lock (seen)
        {
            return seen.Any(p => p.Snapshot >= sequence);
        }
    }

    /// <summary>
    /// Sends one signed protocol until it has a receipt; its log position (read only when <paramref name="sequence"/>, else 0 once the
    /// answer is seen to be an accepted receipt), or null when it failed for good.
    /// </summary>
    private async Task<long?> PostAsync(DeviceConnection connection, byte[] body, bool sequence, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                var (status, answer) = await connection.PostAsync(body, cancellationToken);
                if (status is >= 200 and < 300 && !sequence)
                {
                    // In the burst, the answer is checked to be an accepted receipt where it lies, without reading it into objects.
                    if (answer.Span.StartsWith("{\"receipt\":{\"outcome\":\"accepted\""u8))
                    {
                        return 0;
                    }
                    break;
                }
                if (status is >= 200 and < 300)
                {
                    return JsonSerializer.Deserialize(answer.Span, Contracts.WireJson.Default.ReceiptAnswer)!.Receipt.Sequence;
                }
                if (status is >= 400 and < 500 and not 429)
                {
                    break;
                }
            }
            catch (IOException)
            {
            }
            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 5))), cancellationToken);
        }
        Interlocked.Increment(ref _errors);
        return null;
    }
}
