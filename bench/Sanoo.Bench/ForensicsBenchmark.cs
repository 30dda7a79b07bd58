using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Tally;
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

    /// <summary>
    /// The forensics of a refresh after <paramref name="changed"/> new protocols spread over the map: the report of every area above
    /// those stations (as <c>sanoo publish</c> remakes them), once as a new process makes them (the books of null draws made from
    /// nothing) and once as a process that made the earlier snapshot's reports does (the server, <c>sanoo publish --watch</c>: the
    /// books kept).
    /// </summary>
    public static int Refresh(int stations, int changed)
    {
        var (election, protocols, later) = HandCount.Of(stations);
        // The new protocols spread evenly over the map, so that as many districts as can be are remade (the worst case).
        var every = Math.Max(1, protocols.Count / changed);
        var news = protocols.Where((_, i) => i % every == 0).Take(changed).ToHashSet();
        var earlier = TallyEngine.Rebuild(election, protocols.Where(p => !news.Contains(p))).Freeze();
        var source = new SourceId("hand");
        var plan = election.DefaultContest;
        var areas = news
            .SelectMany(p => election.AreasAbove(election.StationOrdinal(election.AreaIndex(p.Station))))
            .Distinct().Select(a => election.Areas[a].Id).ToList();
        var below = areas.Sum(a => election.StationCountOf(election.AreaIndex(a)));
        void Reports(Snapshot snapshot)
        {
            foreach (var area in areas)
            {
                ForensicsAnalysis.Of(snapshot, plan, source, area, ForensicsParameters.Default, null, ForensicsJson.Parallel, null,
                    ForensicsDraws.For(snapshot, plan, source, area, ForensicsParameters.Default));
            }
        }
        (double Wall, double Cpu) Timed(Action action)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"refresh after {changed:N0} of {stations:N0} stations: {areas.Count:N0} areas remade, {below:N0} stations below them in all"));
        var book = Timed(() => ForensicsAnalysis.Draws(later, plan, source, ForensicsAnalysis.TurnoutStream, ForensicsParameters.Default,
            IntegerPercentTest.Sequential));
        Console.WriteLine(string.Create(culture,
            $"  one test's book of every station, on one core: {book.Wall:0.00} s wall, {book.Cpu:0.00} s of processor time"));
        var fresh = Timed(() => Reports(later));
        Console.WriteLine(string.Create(culture, $"  a new process (books made): {fresh.Wall:0.00} s wall, {fresh.Cpu:0.00} s of processor time"));
        Reports(earlier);
        var kept = Timed(() => Reports(later));
        Console.WriteLine(string.Create(culture,
            $"  after the earlier snapshot's reports (books kept): {kept.Wall:0.00} s wall, {kept.Cpu:0.00} s of processor time"));
        return 0;
    }
}
