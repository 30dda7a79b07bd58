using System.Diagnostics;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Cli.Tests;

/// <summary>
/// A real <c>sanoo ingest</c> process is killed with SIGKILL in the middle of a stream of
/// submissions. Every receipt it had handed out must be in the store afterwards, the rebuilt
/// tally must equal the sum of what was stored, and sending everything again converges to the
/// full result without counting anything twice.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-crash-").FullName;

    [Fact]
    public async Task A_sigkill_loses_nothing_that_was_acknowledged()
    {
        var (definition, election, protocols, input) = SyntheticHandCounts(60_000, 7);
        var db = $"sqlite:{Path.Combine(_folder, "store.db")}";
        var receipts = Path.Combine(_folder, "receipts.jsonl");

        using (var ingest = Sanoo("ingest", "--definition", definition, "--db", db, "--receipts", receipts, input))
        {
            var clock = Stopwatch.StartNew();
            while (SyntheticFiles.Lines(receipts) < 4_000)
            {
                Assert.False(ingest.HasExited, "ingest finished before it could be killed; give it more work");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "ingest made no progress");
                await Task.Delay(10);
            }
            ingest.Kill(); // SIGKILL: no cleanup, no flush, no goodbye
            await ingest.WaitForExitAsync();
        }

        var acknowledged = File.ReadLines(receipts).Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(acknowledged.Count >= 4_000);
        Assert.True(acknowledged.Count < protocols.Count, "the kill came too late to test anything");
        await using (var store = await StoreAddress.OpenAsync(db))
        {
            var stored = await store.ReadAsync(0).ToDictionaryAsync(e => e.Sequence);
            foreach (var receipt in acknowledged)
            {
                var entry = stored[receipt.GetProperty("sequence").GetInt64()];
                Assert.Equal(receipt.GetProperty("contentHash").GetString(), Convert.ToHexStringLower(entry.ContentHash.AsSpan()));
                Assert.Equal(receipt.GetProperty("station").GetString(), entry.Station.Value);
            }
            await using var log = await ElectionLog.OpenAsync(store, null);
            Assert.True(log.Position >= acknowledged.Count);
            var expected = TallyEngine.Rebuild(election, protocols.Take((int)log.Position)).Freeze();
            Assert.True((await log.FreezeAsync()).SameNumbersAs(expected), "the rebuilt tally differs from the sum of the stored protocols");
        }

        using (var retry = Sanoo("ingest", "--db", db, input))
        {
            await retry.WaitForExitAsync();
            Assert.Equal(0, retry.ExitCode);
        }
        await using var final = await StoreAddress.OpenAsync(db);
        await using var all = await ElectionLog.OpenAsync(final, null);
        Assert.Equal(protocols.Count, all.Position);
        Assert.True((await all.FreezeAsync()).SameNumbersAs(TallyEngine.Rebuild(election, protocols).Freeze()));
    }

    /// <summary>
    /// Drill: the server is killed with SIGKILL in the middle of the night while an operator's
    /// <c>sanoo submit</c> is sending; the server is started again on the same address. The
    /// sender's retries converge: every protocol is stored exactly once and the tally is whole.
    /// </summary>
    [Fact]
    public async Task Killing_the_server_mid_night_loses_nothing_and_the_senders_retries_converge()
    {
        var (definition, election, protocols, input) = SyntheticHandCounts(3_000, 11);
        var db = $"sqlite:{Path.Combine(_folder, "store.db")}";
        await using (var store = await StoreAddress.OpenAsync(db))
        {
            await using var log = await ElectionLog.OpenAsync(store, File.ReadAllBytes(definition));
            await store.AddOperatorAsync(new Storage.Access.Operator(
                "cec", Storage.Access.OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData("drill-token"u8)));
        }
        var url = $"http://127.0.0.1:{Testing.Loopback.FreePort()}";
        var port = int.Parse(url.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var receipts = Path.Combine(_folder, "receipts.jsonl");

        var server = Sanoo("serve", "--db", db, "--urls", url, "--writes-per-second", "1000000");
        await Testing.Loopback.WaitForListenerAsync(port, TimeSpan.FromSeconds(60), () => "the server did not start");
        using var sender = Sanoo("submit", "--token", "drill-token", "--url", url, "--receipts", receipts, input);
        var clock = Stopwatch.StartNew();
        while (SyntheticFiles.Lines(receipts) < 600)
        {
            Assert.False(sender.HasExited, "the sender finished before the server could be killed; give it more work");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the sender made no progress");
            await Task.Delay(10);
        }
        server.Kill(); // SIGKILL, mid-night
        await server.WaitForExitAsync();
        server.Dispose();
        Assert.False(sender.HasExited, "the sender stopped when the server died; it must keep retrying");

        server = Sanoo("serve", "--db", db, "--urls", url, "--writes-per-second", "1000000");
        try
        {
            await sender.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(0, sender.ExitCode);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            server.Dispose();
        }
        await using var final = await StoreAddress.OpenAsync(db);
        await using var all = await ElectionLog.OpenAsync(final, null);
        Assert.Equal(protocols.Count, all.Position);
        Assert.True((await all.FreezeAsync()).SameNumbersAs(TallyEngine.Rebuild(election, protocols).Freeze()));
        var sequences = File.ReadLines(receipts)
            .Where(l => l.EndsWith('}'))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64())
            .ToList();
        Assert.Equal(protocols.Count, sequences.Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Definition, Election Election, List<Protocol> Protocols, string Input) SyntheticHandCounts(int stations, ulong seed) =>
        SyntheticFiles.HandCounts(_folder, stations, seed);

    private static Process Sanoo(params string[] args) => CliRun.Start(null, args);
}
