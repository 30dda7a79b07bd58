using System.Diagnostics;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Where a round of <c>sanoo verify --timings</c> spends its time and memory: each phase's wall time, the bytes allocated in it, the
/// collections made in it (full ones apart: each marks everything the verifier holds), the heap's size at its end (and the memory the
/// collector has committed for it), the processor time spent in it on all cores (so a phase that keeps one core busy is told apart
/// from one that keeps both) and the process's peak working set so far (so the phase that set the peak is known), then what it still
/// holds after a full collection. Off, it records nothing.
/// </summary>
internal sealed class VerifyTimings(bool on)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Took, TimeSpan Processor, long Allocated, int Collections, int Full, long Heap,
        long Committed, long Peak)> _phases = [];
    private TimeSpan _last;
    private TimeSpan _lastProcessor = ProcessorTime();
    private long _allocated = GC.GetTotalAllocatedBytes();
    private (int All, int Full) _collections = (GC.CollectionCount(0), GC.CollectionCount(GC.MaxGeneration));

    /// <summary>Ends the phase running since the last mark.</summary>
    public void Mark(string phase)
    {
        if (!on)
        {
            return;
        }
        var (now, processor, allocated) = (_clock.Elapsed, ProcessorTime(), GC.GetTotalAllocatedBytes());
        var collections = (All: GC.CollectionCount(0), Full: GC.CollectionCount(GC.MaxGeneration));
        _phases.Add((phase, now - _last, processor - _lastProcessor, allocated - _allocated, collections.All - _collections.All,
            collections.Full - _collections.Full, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes,
            PeakWorkingSet()));
        (_last, _lastProcessor, _allocated, _collections) = (now, processor, allocated, collections);
    }

    /// <summary>
    /// Prints the phases, one a line (<c>  phase NAME: S s (P s of processor), N MB allocated, C collections (F full), heap …</c>), and
    /// the peak.
    /// </summary>
    public void Print(IAnsiConsole console)
    {
        if (!on)
        {
            return;
        }
        foreach (var (phase, took, processor, allocated, collections, full, heap, committed, peakSoFar) in _phases)
        {
            console.WriteLine(FormattableString.Invariant($"  phase {phase}: {took.TotalSeconds:F2} s ({processor.TotalSeconds:F2} s of processor), ")
                + FormattableString.Invariant($"{allocated / 1048576.0:F0} MB allocated, {collections} collections ({full} full), ")
                + FormattableString.Invariant($"heap {heap / 1048576.0:F0} MB at its end ({committed / 1048576.0:F0} MB committed), ")
                + FormattableString.Invariant($"peak working set {peakSoFar / 1048576.0:F0} MB so far"));
        }
        var (all, processorAll, peak) = (_clock.Elapsed.TotalSeconds, ProcessorTime().TotalSeconds, PeakWorkingSet() / 1048576.0);
        var held = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        console.WriteLine(FormattableString.Invariant(
            $"  timings: {all:F2} s in all ({processorAll:F2} s of processor), peak working set {peak:F0} MB, {held:F0} MB held now"));
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
