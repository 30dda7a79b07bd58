using System.Diagnostics;
using System.Globalization;
using Sanoo.Core.Definitions;

namespace Sanoo.Bench;

/// <summary>Times reading and checking an election definition file: wall and CPU time and bytes allocated, per run.</summary>
public static class DefinitionBenchmark
{
    public static int Run(string file, int runs)
    {
        var json = File.ReadAllBytes(file);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = DefinitionReader.Read(json);
            clock.Stop();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            times.Add(clock.Elapsed.TotalSeconds);
            var stations = result is DefinitionResult.Loaded loaded ? loaded.Election.StationCount : 0;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: {json.Length / 1048576.0:N1} MB, {stations:N0} stations, {clock.Elapsed.TotalSeconds:F2} s wall, "
                + $"{used.TotalSeconds:F2} s CPU, {bytes / 1048576.0:N0} MB allocated ({result.GetType().Name})"));
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs}: {times[times.Count / 2]:F2} s"));
        return 0;
    }
}
