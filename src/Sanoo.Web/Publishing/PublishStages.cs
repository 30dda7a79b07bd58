using System.Diagnostics;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The wall and CPU time (user + system, of the whole process, all cores together) of each stage of a publish, in order: what
/// <c>sanoo publish</c> prints so that a refresh's cost can be told apart from a full publish's, and the part that grows with the
/// stations found. Not thread-safe: stages are marked by the one flow that runs them.
/// </summary>
public sealed class PublishStages
{
    private readonly List<(string Stage, TimeSpan Wall, TimeSpan Cpu)> _stages = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _wall;
    private TimeSpan _cpu = Cpu();

    /// <summary>The stages marked so far, each with the time since the one before.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Wall, TimeSpan Cpu)> Stages => _stages;

    /// <summary>Ends the stage <paramref name="stage"/> now: the time since the last mark is its.</summary>
    public void Mark(string stage)
    {
        var (wall, cpu) = (_clock.Elapsed, Cpu());
        _stages.Add((stage, wall - _wall, cpu - _cpu));
        (_wall, _cpu) = (wall, cpu);
    }

    /// <summary>One line: each stage's wall and CPU seconds.</summary>
    public override string ToString() => string.Join(
        "; ", _stages.Select(s => FormattableString.Invariant($"{s.Stage} {s.Wall.TotalSeconds:0.00} s ({s.Cpu.TotalSeconds:0.00} s CPU)")));

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
