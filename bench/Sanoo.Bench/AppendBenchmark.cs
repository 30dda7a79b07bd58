using System.Diagnostics;
using Npgsql;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Synthetic;
using Sanoo.Storage;

namespace Sanoo.Bench;

/// <summary>Measures how many protocols a second the log commits durably, by submissions per transaction.</summary>
public static class AppendBenchmark
{
    private static readonly Lazy<(byte[] Definition, Election Election)> Election = new(() =>
    {
        using var buffer = new MemoryStream();
        SyntheticElection.WriteDefinition(buffer, 100_000, 1);
        var json = buffer.ToArray();
        return (json, ((DefinitionResult.Loaded)DefinitionReader.Read(json)).Election);
    });

    /// <summary>Submits <paramref name="count"/> protocols in sequential batches of <paramref name="batch"/>; protocols per second.</summary>
    public static async Task<double> RunAsync(string target, int batch, int count)
    {
        var (definition, election) = Election.Value;
        var protocols = SyntheticElection.Protocols(election, "hand", (ulong)Environment.TickCount64)
            .Take(count).Select(p => Submit(election, p)).ToList();
        await using var store = await NewStoreAsync(target);
        await using var log = await ElectionLog.OpenAsync(store, definition);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in protocols.Chunk(batch))
        {
            var receipts = await log.SubmitAsync(chunk);
            if (receipts[^1].Outcome != ReceiptOutcome.Accepted)
            {
                throw new InvalidOperationException($"unexpected {receipts[^1].Outcome}");
            }
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Many writers each submitting one protocol at a time: what group commit makes of them.</summary>
    public static async Task<double> RunConcurrentAsync(string target, int writers, int count)
    {
        var (definition, election) = Election.Value;
        var protocols = SyntheticElection.Protocols(election, "hand", (ulong)Environment.TickCount64)
            .Take(count).Select(p => Submit(election, p)).ToList();
        await using var store = await NewStoreAsync(target);
        await using var log = await ElectionLog.OpenAsync(store, definition);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < protocols.Count)
            {
                await log.SubmitAsync(protocols[i]);
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<IProtocolStore> NewStoreAsync(string target)
    {
        if (target.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return await StoreAddress.OpenAsync($"sqlite:{Path.Combine(target["sqlite:".Length..], $"bench-{Guid.NewGuid():N}.db")}");
        }
        var connection = target["postgres:".Length..];
        var name = $"bench{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return await StoreAddress.OpenAsync($"postgres:{new NpgsqlConnectionStringBuilder(connection) { Database = name }}");
    }

    private static Submission Submit(Election election, Protocol protocol) =>
        new(((ProtocolReadResult.Ok)ProtocolReader.Check(election, protocol)).Checked, new Sender.Named("bench"));
}
