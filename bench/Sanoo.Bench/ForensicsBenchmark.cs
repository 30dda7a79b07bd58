using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Web.Forensics;

namespace Sanoo.Bench;

/// <summary>
/// The forensic analyses of a synthetic election's hand count over the whole map, with the default parameters (200 Monte Carlo
/// replicates per integer test, spread over the cores as the server does): the time of <see cref="ForensicsAnalysis.Of"/> alone,
/// the snapshot already frozen, as at each snapshot of election night.
/// </summary>
public static class ForensicsBenchmark
{
    /// <summary>Times <paramref name="runs"/> analyses of <paramref name="stations"/> stations; prints each and the median.</summary>
    public static int Run(int stations, int runs)
    {
        var (election, _, snapshot) = HandCount.Of(stations);
        var source = new SourceId("hand");
        var times = new List<double>();
        var processor = new List<double>();
        ForensicsReport? report = null;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            report = ForensicsAnalysis.Of(
                snapshot, election.DefaultContest, source, election.Areas[0].Id, ForensicsParameters.Default, null, ForensicsJson.Parallel);
            times.Add(clock.Elapsed.TotalSeconds);
            processor.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        var sequence = string.Join("  ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)));
        times.Sort();
        processor.Sort();
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"forensics of {stations:N0} stations ({report!.Tests} integer tests x {report.Parameters.Replicates} replicates, "
            + $"{report.Areas.Length} areas below, {report.Flags.Length} flags), {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(culture,
            $"runs: {sequence} s   median {times[times.Count / 2]:0.00} s wall, {processor[processor.Count / 2]:0.00} s of processor time"));
        return 0;
    }
}
