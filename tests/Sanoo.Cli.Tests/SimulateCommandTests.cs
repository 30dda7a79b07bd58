using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web;

namespace Sanoo.Cli.Tests;

/// <summary><c>sanoo simulate</c> rehearses election night against a real server on 127.0.0.1.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-simulate-").FullName;

    [Fact]
    public async Task A_rehearsal_sends_signed_counts_from_many_devices_and_reports_throughput_and_freshness()
    {
        var (db, store, log, app) = await StartServerAsync(2000);
        await using var served = app;

        var (code, report) = await Task.Run(() => CliRun.Sanoo(
            "simulate", "--url", app.Urls.First(), "--db", db, "--stations", "600", "--concurrency", "16", "--rate", "200", "--seconds", "1"));

        Assert.True(code == 0, report);
        Assert.Matches(@"Signed ingest: [\d,]+ protocols/s \(334 in [\d.]+ s from 16 devices at once, after 66 not timed\)", report);
        Assert.Matches(@"Load generator \(this process\) in the burst: \d+\.\d{3} ms of processor and [\d,]+ bytes allocated per protocol", report);
        Assert.Matches(@"Server's runtime compiler in the burst: [\d,]+ methods compiled, \d+\.\d\d s", report);
        Assert.Matches(@"Steady: 200 at [\d,]+/s; freshness p50 [\d,]+ ms, p99 [\d,]+ ms", report);
        Assert.Contains("Errors: 0;", report, StringComparison.Ordinal);
        Assert.Equal(600, log.Position);
        await app.StopAsync();
        await log.DisposeAsync();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task The_untimed_warm_up_is_as_long_as_asked()
    {
        var (db, store, log, app) = await StartServerAsync(1000);
        await using var served = app;

        var (code, report) = await Task.Run(() => CliRun.Sanoo(
            "simulate", "--url", app.Urls.First(), "--db", db, "--stations", "500", "--concurrency", "16", "--rate", "200", "--seconds", "1",
            "--warm-up", "250"));

        Assert.True(code == 0, report);
        Assert.Matches(@"Signed ingest: [\d,]+ protocols/s \(50 in [\d.]+ s from 16 devices at once, after 250 not timed\)", report);
        Assert.Equal(500, log.Position);
        await app.StopAsync();
        await log.DisposeAsync();
        await store.DisposeAsync();
    }

    /// <summary>A synthetic election of <paramref name="stations"/> stations served on 127.0.0.1 from a new SQLite store.</summary>
    private async Task<(string Db, IProtocolStore Store, ElectionLog Log, Microsoft.AspNetCore.Builder.WebApplication App)> StartServerAsync(
        int stations)
    {
        var (generated, output) = CliRun.Sanoo("generate", "synthetic", "--stations", stations.ToString(
            System.Globalization.CultureInfo.InvariantCulture), "--out", _folder);
        Assert.True(generated == 0, output);
        var db = "sqlite:" + Path.Combine(_folder, "sanoo.db");
        var store = await StoreAddress.OpenAsync(db);
        var log = await ElectionLog.OpenAsync(store, await File.ReadAllBytesAsync(Path.Combine(_folder, "election.json")));
        var app = SanooServer.Create(
            log,
            new ServerOptions
            {
                Urls = "http://127.0.0.1:0",
                PublishInterval = TimeSpan.FromMilliseconds(50),
                AccessRefresh = TimeSpan.FromMilliseconds(200),
                WritesPerSecondPerAddress = 1_000_000,
            });
        await SanooServer.StartAsync(app);
        return (db, store, log, app);
    }

    [Fact]
    public async Task Behind_a_load_balancer_freshness_waits_until_every_watched_server_shows_the_count()
    {
        var (generated, output) = CliRun.Sanoo("generate", "synthetic", "--stations", "1000", "--out", _folder);
        Assert.True(generated == 0, output);
        var db = "sqlite:" + Path.Combine(_folder, "sanoo.db");
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            AccessRefresh = TimeSpan.FromMilliseconds(200),
            WritesPerSecondPerAddress = 1_000_000,
        };
        // Two servers on one SQLite file: the second only follows the log (by polling, once a second), as a server behind a load
        // balancer does when the writes went to the other. Its access refresh, which also catches the log up, is left far apart,
        // or it would catch up every 200 ms and the median below would hang on the machine's load.
        var writerStore = await StoreAddress.OpenAsync(db);
        var writer = await ElectionLog.OpenAsync(writerStore, await File.ReadAllBytesAsync(Path.Combine(_folder, "election.json")));
        var followerStore = await StoreAddress.OpenAsync(db);
        var follower = await ElectionLog.OpenAsync(followerStore, null);
        await using var first = SanooServer.Create(writer, options);
        await using var second = SanooServer.Create(follower, options with { AccessRefresh = TimeSpan.FromMinutes(10) });
        await SanooServer.StartAsync(first);
        await SanooServer.StartAsync(second);

        var (code, report) = await Task.Run(() => CliRun.Sanoo(
            "simulate", "--url", first.Urls.First(), "--watch", first.Urls.First(), "--watch", second.Urls.First(), "--db", db,
            "--stations", "400", "--concurrency", "16", "--rate", "200", "--seconds", "1"));

        Assert.True(code == 0, report);
        Assert.Contains("until all 2 servers showed it", report, StringComparison.Ordinal);
        Assert.Equal(400, writer.Position);
        Assert.Equal(400, follower.Position);
        // The writer's own snapshots come every 50 ms; the follower's only after its next poll of the store, up to a second later.
        var median = double.Parse(
            System.Text.RegularExpressions.Regex.Match(report, @"freshness p50 ([\d,]+) ms").Groups[1].Value,
            System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(median >= 150, report);
        await first.StopAsync();
        await second.StopAsync();
        await writer.DisposeAsync();
        await follower.DisposeAsync();
        await writerStore.DisposeAsync();
        await followerStore.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
