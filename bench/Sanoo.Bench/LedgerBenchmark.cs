using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Samples.Synthetic;

namespace Sanoo.Bench;

/// <summary>
/// The discrepancy ledger of a synthetic election with both counts in at every station (the machine count differs from the hand
/// count at about one station in fifty), as every snapshot the server publishes holds one: the time to make it and what it holds.
/// </summary>
public static class LedgerBenchmark
{
    /// <summary>Makes the ledger <paramref name="runs"/> times; prints the median time and the bytes the last one holds.</summary>
    public static int Run(int stations, int runs)
    {
        var election = HandCount.ElectionOf(stations);
        var rule = election.Reconciliation ?? throw new InvalidOperationException("the synthetic definition states no reconciliation");
        var protocols = SyntheticElection.Protocols(election, "machine", 1).Concat(SyntheticElection.Protocols(election, "hand", 1));
        var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
        var times = new List<double>();
        Ledger? ledger = null;
        for (var run = 0; run < runs; run++)
        {
            ledger = null;
            var clock = Stopwatch.StartNew();
            ledger = Ledger.Of(snapshot, rule);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        ledger = null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        ledger = Ledger.Of(snapshot, rule);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var classes = ledger.Stations.CountBy(s => s.Class).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}");
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"the ledger of {stations:N0} stations, both counts in ({string.Join(", ", classes)})"));
        Console.WriteLine(string.Create(culture,
            $"  Ledger.Of: median {times.Order().ElementAt(times.Count / 2):0.000} s of {runs} runs; held {held / 1048576.0:N0} MB"));
        GC.KeepAlive(ledger);
        return 0;
    }
}
