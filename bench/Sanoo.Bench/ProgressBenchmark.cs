using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;

namespace Sanoo.Bench;

/// <summary>
/// The night's progress series (docs/site.md) of a synthetic election's hand count, one version a station received 150 ms apart:
/// the time of <see cref="NightProgress.Of"/> for the whole map and for the first district, the snapshot already frozen, as the
/// server computes each once per snapshot, contest, source and area.
/// </summary>
public static class ProgressBenchmark
{
    /// <summary>Times <paramref name="runs"/> series of each kind over <paramref name="stations"/> stations; prints the medians.</summary>
    public static int Run(int stations, int runs)
    {
        var (election, protocols, _) = HandCount.Of(stations);
        var start = DateTimeOffset.Parse("2021-11-28T20:00:00+06:00", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var engine = new TallyEngine(election);
        var counted = new List<CountedVersion>();
        foreach (var protocol in protocols)
        {
            var read = ProtocolReader.Check(election, protocol) as ProtocolReadResult.Ok ?? throw new InvalidOperationException();
            if (engine.Apply(read.Checked) is ApplyOutcome.Accepted accepted)
            {
                counted.Add(accepted.At(engine.Position, start + (150L * counted.Count)));
            }
        }
        var snapshot = engine.Freeze();
        var source = new SourceId("hand");
        var district = election.Areas.First(a => !a.IsStation && a.Parent is not null && election.Area(a.Parent.Value)!.Parent is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"night's progress of {stations:N0} stations ({counted.Count:N0} versions), {Environment.ProcessorCount} cores"));
        foreach (var (name, area) in new[] { ("the nation", election.Areas[0].Id), ($"district {district.Id}", district.Id) })
        {
            var times = new List<double>();
            ProgressSeries? series = null;
            for (var run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                series = NightProgress.Of(snapshot, election.DefaultContest, source, area, counted);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var sequence = string.Join("  ", times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)));
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {series!.Points.Length} points; runs {sequence} ms; median {times[times.Count / 2]:0.0} ms"));
        }
        return 0;
    }
}
