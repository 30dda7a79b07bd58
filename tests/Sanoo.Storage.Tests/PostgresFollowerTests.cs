using System.Diagnostics;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Several Sanoo servers on one PostgreSQL: a follower sees another server's writes within a second, even across a restart of the
/// database.</summary>
[Collection("stores")]
public class PostgresFollowerTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task A_submission_accepted_by_one_server_is_applied_by_the_other_within_a_second()
    {
        var address = NewAddress("postgres");
        var writer = await OpenLogAsync(address);
        var follower = await OpenLogAsync(address, withDefinition: false);
        using var stop = new CancellationTokenSource();
        var following = follower.FollowAsync(TimeSpan.FromSeconds(30), stop.Token); // a long poll: only NOTIFY can make it fast
        // Warm-up: once the follower has seen a write made after it started, its LISTEN is in place.
        var warmUp = await writer.SubmitAsync(Submit(Sample.Machine[0], "server-a"));
        var ready = Stopwatch.StartNew();
        while (follower.Position < warmUp.Sequence && ready.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(10);
        }
        Assert.Equal(warmUp.Sequence, follower.Position);
        var latencies = new List<TimeSpan>();
        foreach (var chunk in Sample.Hand.Take(100).Chunk(20))
        {
            var receipts = await writer.SubmitAsync([.. chunk.Select(p => Submit(p, "server-a"))]);
            var clock = Stopwatch.StartNew();
            while (follower.Position < receipts[^1].Sequence)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1),
                    $"the follower is at {follower.Position}, the writer at {receipts[^1].Sequence} after {clock.Elapsed}");
                await Task.Delay(5);
            }
            latencies.Add(clock.Elapsed);
        }
        Assert.True((await writer.FreezeAsync()).SameNumbersAs(await follower.FreezeAsync()));
        await stop.CancelAsync();
        await following;
        await CloseAsync(writer);
        await CloseAsync(follower);
    }

    [Fact]
    public async Task After_the_database_restarts_the_follower_catches_up_by_sequence()
    {
        var address = NewAddress("postgres");
        var writer = await OpenLogAsync(address);
        var follower = await OpenLogAsync(address, withDefinition: false);
        using var stop = new CancellationTokenSource();
        var following = follower.FollowAsync(TimeSpan.FromMilliseconds(200), stop.Token);
        await writer.SubmitAsync([.. Sample.Hand.Take(10).Select(p => Submit(p))]);
        Postgres.Stop();
        try
        {
            var refused = await Assert.ThrowsAsync<StoreException>(() =>
                writer.SubmitAsync(Submit(Sample.Hand[10])).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("failed", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Postgres.Start();
        }
        var receipts = await RetryAsync(() => writer.SubmitAsync([.. Sample.Hand.Skip(10).Take(10).Select(p => Submit(p))]));
        Assert.Equal(20, receipts[^1].Sequence);
        var clock = Stopwatch.StartNew();
        while (follower.Position < 20 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        Assert.Equal(20, follower.Position);
        Assert.True((await writer.FreezeAsync()).SameNumbersAs(await follower.FreezeAsync()));
        await stop.CancelAsync();
        await following;
        await CloseAsync(writer);
        await CloseAsync(follower);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (StoreException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
