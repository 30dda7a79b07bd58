using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthetic;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Bench;

/// <summary>
/// Signed ingest over HTTP against a running <c>sanoo serve</c>: enrols a device key per station
/// in the server's store, signs machine counts in advance, then (1) sends them as fast as the
/// server takes them from many concurrent devices, and (2) sends at a steady rate while a
/// reader polls the status endpoint, measuring each receipt's time to visibility.
/// </summary>
public static class HttpBenchmark
{
    public static async Task<int> RunAsync(string url, string db, int stations, int concurrency, int steadyRate, int steadySeconds)
    {
        await using var store = await StoreAddress.OpenAsync(db);
        var stored = await store.ReadDefinitionAsync() ?? throw new InvalidOperationException("the store holds no election");
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(stored.Definition)).Election;
        var protocols = SyntheticElection.Protocols(election, "machine", (ulong)Environment.TickCount64).Take(stations).ToList();
        Console.WriteLine($"enrolling {stations:N0} device keys and signing their protocols …");
        var bodies = new string[protocols.Count];
        for (var i = 0; i < protocols.Count; i++)
        {
            using var key = Key.Create(SignatureAlgorithm.Ed25519);
            await store.EnrolDeviceAsync(new DeviceKey(protocols[i].Station.Value, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow, "bench"));
            var canonical = ProtocolWriter.Canonical(election, protocols[i]);
            bodies[i] = $"{{\"protocol\":{Encoding.UTF8.GetString(canonical)},\"signature\":\"{Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, canonical))}\"}}";
        }
        await Task.Delay(3000); // the server re-reads keys every 2 s
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(url) };
        var burst = bodies.Length - (steadyRate * steadySeconds);
        Console.WriteLine($"burst: {burst:N0} signed protocols from {concurrency} concurrent devices, one per request");
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < burst)
            {
                await Post(http, bodies[i]);
            }
        })));
        Console.WriteLine($"  signed ingest: {burst / clock.Elapsed.TotalSeconds:N0} protocols/s ({burst:N0} in {clock.Elapsed.TotalSeconds:F1} s)");

        Console.WriteLine($"steady: {steadyRate:N0} protocols/s for {steadySeconds} s; freshness = receipt to visible in /api/v1/status");
        var visibleAt = new List<(long Sequence, long ReceiptTicks)>();
        var seen = new List<(long Snapshot, long Ticks)>();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var status = await http.GetFromJsonAsync<JsonElement>("/api/v1/status");
                lock (seen)
                {
                    seen.Add((status.GetProperty("snapshot").GetInt64(), Stopwatch.GetTimestamp()));
                }
                await Task.Delay(5);
            }
        });
        var sends = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < steadyRate * steadySeconds; k++)
        {
            var due = start + (long)(k * (double)Stopwatch.Frequency / steadyRate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Yield();
            }
            var body = bodies[burst + k];
            sends.Add(Task.Run(async () =>
            {
                var sequence = await Post(http, body);
                lock (visibleAt)
                {
                    visibleAt.Add((sequence, Stopwatch.GetTimestamp()));
                }
            }));
        }
        var sendSeconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        await Task.WhenAll(sends);
        await Task.Delay(1500);
        await stop.CancelAsync();
        await poller.ContinueWith(_ => { });
        var delays = visibleAt.Select(r =>
        {
            var first = seen.FirstOrDefault(s => s.Snapshot >= r.Sequence && s.Ticks >= r.ReceiptTicks);
            return first.Ticks == 0 ? double.PositiveInfinity : (first.Ticks - r.ReceiptTicks) * 1000.0 / Stopwatch.Frequency;
        }).Order().ToList();
        Console.WriteLine($"  sent {visibleAt.Count:N0} at {visibleAt.Count / sendSeconds:N0}/s; freshness p50 {delays[delays.Count / 2]:N0} ms, p99 {delays[(int)(delays.Count * 0.99)]:N0} ms, max {delays[^1]:N0} ms (poll every 5 ms)");
        return 0;
    }

    private static async Task<long> Post(HttpClient http, string body)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await http.PostAsync("/api/v1/protocols", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                return answer.GetProperty("receipt").GetProperty("sequence").GetInt64();
            }
            if (attempt > 20 || (int)response.StatusCode is >= 400 and < 500 and not 429)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(100);
        }
    }
}
