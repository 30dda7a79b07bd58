using System.Net.Http.Json;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo serve --inline-io</c> answers on its network threads, and on PostgreSQL those threads also complete the store's reads:
/// nothing of the server may block waiting for the store on one of them, or the answer it waits for never comes. With a single
/// core there is a single network thread, so such a wait would hang the server for good: at start-up (the witnesses' cosignatures
/// kept beside the tree head are checked against the store's register; until 7 Dec with a blocking wait), while it takes
/// protocols, and while it answers reads. A whole night's path, run for real on one core.
/// </summary>
public sealed class NetworkThreadsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-network-threads-").FullName;

    [Fact]
    public async Task On_PostgreSQL_and_one_core_the_server_starts_takes_protocols_and_answers_reads()
    {
        using var postgres = new PostgresServer();
        var db = "postgres:" + postgres.NewDatabase();
        var (definition, _, protocols, input) = SyntheticFiles.HandCounts(_folder, 1_500, 11);
        await using (var store = await StoreAddress.OpenAsync(db))
        {
            await using var log = await ElectionLog.OpenAsync(store, File.ReadAllBytes(definition));
            await store.AddOperatorAsync(new Storage.Access.Operator(
                "cec", Storage.Access.OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData("drill-token"u8)));
        }
        var head = Path.Combine(_folder, "tree-head.json");
        File.WriteAllText(head + ".cosignatures.json", """{"witnesses":[],"alarms":[]}""");
        var port = Loopback.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var receipts = Path.Combine(_folder, "receipts.jsonl");

        using var server = CliRun.Start(
            new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" },
            "serve", "--db", db, "--urls", url, "--writes-per-second", "1000000", "--tree-head-file", head, "--inline-io");
        try
        {
            await Loopback.WaitForListenerAsync(port, TimeSpan.FromSeconds(60), () => "the server did not start on PostgreSQL with one core");
            using (var sender = CliRun.Start(null, "submit", "--token", "drill-token", "--url", url, "--receipts", receipts, input))
            {
                await sender.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
                Assert.Equal(0, sender.ExitCode);
            }
            Assert.Equal(protocols.Count, SyntheticFiles.Lines(receipts));

            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var reporting = 0;
            for (var wait = System.Diagnostics.Stopwatch.StartNew(); reporting < protocols.Count && wait.Elapsed < TimeSpan.FromSeconds(30);)
            {
                var results = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/results?source=hand");
                reporting = results.GetProperty("reporting").GetProperty("stations").GetInt32();
            }
            Assert.Equal(protocols.Count, reporting);
            var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetByteArrayAsync("/api/v1/results?source=hand")));
            Assert.All(reads, read => Assert.Equal(reads[0], read));
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
