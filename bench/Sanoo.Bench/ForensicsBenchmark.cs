using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Reconciliation;
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
    /// The stations' flags over the whole map, as every publish and snapshot asks for them (<c>Published.StationFlags</c>), made
    /// <paramref name="runs"/> times each way, each on a snapshot of its own (the whole map's figures are kept with a snapshot): by
    /// <see cref="ForensicsAnalysis.FlagsOf"/> and by the whole map's report without its Monte Carlo, as they were made before;
    /// prints the medians and fails when the two give different flags.
    /// </summary>
    public static int Flags(int stations, int runs)
    {
        var (election, protocols, _) = HandCount.Of(stations);
        var source = new SourceId("hand");
        var plan = election.DefaultContest;
        var area = plan.Contest.Area;
        var parameters = ForensicsParameters.Default;
        var culture = CultureInfo.InvariantCulture;
        var report = new List<(double Wall, double Cpu)>();
        var flags = new List<(double Wall, double Cpu)>();
        System.Collections.Immutable.ImmutableArray<StationFlag> byReport = [], byFlags = [];
        for (var run = 0; run < runs; run++)
        {
            var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
            report.Add(Timed(() => byReport = ForensicsAnalysis.Of(
                snapshot, plan, source, area, parameters with { Replicates = 0 }, null, IntegerPercentTest.Sequential).Flags));
            snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
            flags.Add(Timed(() => byFlags = ForensicsAnalysis.FlagsOf(snapshot, plan, source, area, parameters, null)));
        }
        string Median(List<(double Wall, double Cpu)> times) => string.Create(culture,
            $"median {times.Select(t => t.Wall).Order().ElementAt(times.Count / 2):0.000} s wall, "
            + $"{times.Select(t => t.Cpu).Order().ElementAt(times.Count / 2):0.000} s of processor time");
        Console.WriteLine(string.Create(culture, $"the flags of {stations:N0} stations ({byFlags.Length:N0} flagged), {runs} runs each"));
        Console.WriteLine($"  the whole map's report without its Monte Carlo: {Median(report)}");
        Console.WriteLine($"  ForensicsAnalysis.FlagsOf: {Median(flags)}");
        if (election.Reconciliation is { } rule)
        {
            var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
            var ledger = Enumerable.Range(0, runs).Select(_ => Timed(() => Ledger.Of(snapshot, rule))).ToList();
            Console.WriteLine($"  the discrepancy ledger (Ledger.Of, every station: the flags name the stations whose counts differ): {Median(ledger)}");
        }
        if (!byReport.SequenceEqual(byFlags))
        {
            Console.Error.WriteLine("the two ways gave different flags");
            return 1;
        }
        return 0;
    }

    private static (double Wall, double Cpu) Timed(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
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
        // A snapshot of its own, as the watch's next round has: what is kept with a snapshot (the whole map's figures) is not there.
        var next = TallyEngine.Rebuild(election, protocols).Freeze();
        var kept = Timed(() => Reports(next));
        Console.WriteLine(string.Create(culture,
            $"  after the earlier snapshot's reports (books kept): {kept.Wall:0.00} s wall, {kept.Cpu:0.00} s of processor time"));
        return 0;
    }
}
