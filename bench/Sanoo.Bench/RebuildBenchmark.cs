using System.Diagnostics;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Bench;

/// <summary>Times opening a store: reading and checking the definition, then replaying the whole log into the tally.</summary>
public static class RebuildBenchmark
{
    public static async Task<int> RunAsync(string address, string? treeHeadFile = null)
    {
        var clock = Stopwatch.StartNew();
        await using var store = await StoreAddress.OpenAsync(address);
        if (treeHeadFile is not null)
        {
            var scan = Stopwatch.StartNew();
            long rows = 0;
            await foreach (var entry in store.ReadAsync(0))
            {
                rows++;
            }
            Console.WriteLine($"reading {rows:N0} entries without their bytes: {scan.Elapsed.TotalSeconds:F2} s, CPU {Cpu():F2} s so far");
            clock.Restart();
        }
        var checkpoints = treeHeadFile is null
            ? null
            : new Sanoo.Log.Checkpoints.CheckpointOptions(await Web.Publishing.CheckpointSealFile.OpenAsync(treeHeadFile, null, default));
        await using var log = await ElectionLog.OpenAsync(store, null, checkpoints: checkpoints);
        var opened = clock.Elapsed;
        Console.WriteLine($"{log.Checkpoint.Summary} CPU {Cpu():F2} s so far");
        if (treeHeadFile is not null)
        {
            var check = Stopwatch.StartNew();
            var result = await log.CheckStoreAsync(await Web.Publishing.TreeHeadFile.ReadAsync(treeHeadFile));
            Console.WriteLine($"store check: {result.Summary} in {check.Elapsed.TotalSeconds:F2} s, CPU {Cpu():F2} s so far");
        }
        var snapshot = await log.FreezeAsync();
        var frozen = clock.Elapsed - opened;
        var freezes = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var each = Stopwatch.StartNew();
            await log.FreezeWithRootsAsync();
            freezes.Add(each.Elapsed.TotalMilliseconds);
        }
        freezes.Sort();
        Console.WriteLine($"a snapshot with its Merkle root, as the publisher takes it: {freezes[2]:N0} ms median of 5");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"opened and rebuilt {log.Position:N0} log entries ({log.Election.StationCount:N0} stations) " +
            $"in {opened.TotalSeconds:F2} s " +
            $"(definition {log.Timings.Definition.TotalSeconds:F2} s, replay {log.Timings.Replay.TotalSeconds:F2} s); " +
            $"snapshot with invariant check {frozen.TotalSeconds:F2} s; publishable {snapshot.IsPublishable}; " +
            $"managed heap {GC.GetTotalMemory(true) / (1024 * 1024):N0} MB, peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MB");
        return 0;
    }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
