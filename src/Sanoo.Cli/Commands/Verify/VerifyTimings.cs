using System.Diagnostics;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Where a round of <c>sanoo verify --timings</c> spends its time and memory: each phase's wall time, the bytes allocated in it and
/// the heap's size at its end, then the process's peak working set and what it still holds after a full collection. Off, it records nothing.
/// </summary>
internal sealed class VerifyTimings(bool on)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Took, long Allocated, long Heap)> _phases = [];
    private TimeSpan _last;
    private long _allocated = GC.GetTotalAllocatedBytes();

    /// <summary>Ends the phase running since the last mark.</summary>
    public void Mark(string phase)
    {
        if (!on)
        {
            return;
        }
        var (now, allocated) = (_clock.Elapsed, GC.GetTotalAllocatedBytes());
        _phases.Add((phase, now - _last, allocated - _allocated, GC.GetTotalMemory(forceFullCollection: false)));
        (_last, _allocated) = (now, allocated);
    }

    /// <summary>Prints the phases, one a line (<c>  phase NAME: S s, N MB allocated</c>), and the peak working set.</summary>
    public void Print(IAnsiConsole console)
    {
        if (!on)
        {
            return;
        }
        foreach (var (phase, took, allocated, heap) in _phases)
        {
            console.WriteLine(FormattableString.Invariant(
                $"  phase {phase}: {took.TotalSeconds:F2} s, {allocated / 1048576.0:F0} MB allocated, heap {heap / 1048576.0:F0} MB at its end"));
        }
        using var process = Process.GetCurrentProcess();
        var (all, peak) = (_clock.Elapsed.TotalSeconds, process.PeakWorkingSet64 / 1048576.0);
        var held = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        console.WriteLine(FormattableString.Invariant($"  timings: {all:F2} s in all, peak working set {peak:F0} MB, {held:F0} MB held now"));
    }
}
