using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
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
public sealed record RehearsalReport(
    int Burst, double BurstSeconds, int Steady, double SteadyPerSecond, IReadOnlyList<double> FreshnessMs, int Errors, int Retries)
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
/// <param name="watched">The servers whose status is polled in the steady phase; a receipt is fresh when every one of them
/// publishes a snapshot that includes it. Empty: <paramref name="server"/> alone.</param>
public sealed class LoadSimulator(Uri server, IProtocolStore store, int concurrency, IReadOnlyList<Uri>? watched = null)
{
    private readonly IReadOnlyList<Uri> _watched = watched is { Count: > 0 } ? watched : [server];
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
        var bodies = new string[protocols.Count];
        var enrolments = new List<DeviceKey>(10_000);
        for (var i = 0; i < protocols.Count; i++)
        {
            using var key = Key.Create(SignatureAlgorithm.Ed25519);
            enrolments.Add(new DeviceKey(protocols[i].Station, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow,
                "sanoo simulate"));
            var canonical = ProtocolWriter.Canonical(election, protocols[i]);
            bodies[i] = JsonSerializer.Serialize(DeviceSigning.Sign(key, canonical), Contracts.WireJson.Default.Submission);
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
        progress.Report($"burst: {burst:N0} signed protocols from {concurrency} devices at once");
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < burst)
            {
                await PostAsync(http, bodies[i], cancellationToken);
                if (i % 10_000 == 0)
                {
                    progress.Report($"  {i:N0} of {burst:N0} sent");
                }
            }
        }, cancellationToken)));
        var burstSeconds = clock.Elapsed.TotalSeconds;
        progress.Report($"steady: {steadyRate:N0} protocols/s for {steadySeconds} s, measuring freshness");
        var (rate, freshness) = await SteadyAsync(http, bodies[burst..], steadyRate, cancellationToken);
        return new RehearsalReport(burst, burstSeconds, steady, rate, freshness, _errors, _retries);
    }

    private async Task<(double Rate, List<double> Freshness)> SteadyAsync(
        HttpClient http, string[] bodies, int rate, CancellationToken cancellationToken)
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
                if (await PostAsync(http, body, cancellationToken) is { } sequence)
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

    /// <summary>Sends one signed protocol until it has a receipt; its log position, or null when it failed for good.</summary>
    private async Task<long?> PostAsync(HttpClient http, string body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                using var response = await http.PostAsync(
                    "/api/v1/protocols", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync(Contracts.WireJson.Default.ReceiptAnswer, cancellationToken))!.Receipt.Sequence;
                }
                if ((int)response.StatusCode is >= 400 and < 500 and not 429)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 5))), cancellationToken);
        }
        Interlocked.Increment(ref _errors);
        return null;
    }
}
