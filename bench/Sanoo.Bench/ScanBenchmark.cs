using System.Diagnostics;
using System.Globalization;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Paper;

namespace Sanoo.Bench;

/// <summary>Drawing the demo's scans of paper protocols (<see cref="ProtocolScan"/>) for the kg-2021 sample's party-list counts.</summary>
public static class ScanBenchmark
{
    /// <summary>Times <paramref name="runs"/> runs of drawing <paramref name="stations"/> scans; prints each and the median.</summary>
    public static int Run(int stations, int runs)
    {
        var sample = Kg2021Generator.Generate();
        var protocols = sample.Machine.Where(p => p.Contest.Value == "list").Take(stations).ToList();
        ProtocolScan.Draw(sample.Election, protocols[0], 1);
        var each = new List<double>();
        long bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            bytes = 0;
            var clock = Stopwatch.StartNew();
            foreach (var protocol in protocols)
            {
                bytes += ProtocolScan.Draw(sample.Election, protocol, 2021).Length;
            }
            each.Add(clock.Elapsed.TotalMilliseconds / protocols.Count);
        }
        var sequence = string.Join("  ", each.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)));
        each.Sort();
        Console.WriteLine($"{protocols.Count} scans per run, {Environment.ProcessorCount} cores; ms per scan: {sequence}");
        Console.WriteLine(
            $"median {each[each.Count / 2].ToString("0.0", CultureInfo.InvariantCulture)} ms per scan, {bytes / protocols.Count:N0} bytes each");
        return 0;
    }
}
