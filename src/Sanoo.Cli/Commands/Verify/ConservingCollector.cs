using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's memory. At a million stations it holds some 650 MB and makes gigabytes of short-lived pages, and .NET's
/// collector lets the heap grow by about half what is held before it collects the old generation: a peak of 1.16 GB. Told to
/// conserve memory (<c>DOTNET_GCConserveMemory=9</c>, which .NET reads only when a process starts) it peaks under 1 GB for some
/// 10 % more processor time (docs/performance.md). The server must not pay that (its pauses would be the results' freshness),
/// so only <c>sanoo verify</c> runs under it: started without the variable, on Linux or macOS, it starts itself again with it, the
/// same arguments and standard streams, waits, and exits with its code. The variable set to anything (0 included) is left as it is.
/// </summary>
internal static class ConservingCollector
{
    /// <summary>The variable .NET reads at start.</summary>
    public const string Variable = "DOTNET_GCConserveMemory";

    /// <summary>The level asked: the most the collector offers.</summary>
    public const string Level = "9";

    /// <summary>The level the collector of this process runs at (0: not conserving).</summary>
    public static long Current => GC.GetConfigurationVariables().TryGetValue("GCConserveMem", out var level)
        ? Convert.ToInt64(level, System.Globalization.CultureInfo.InvariantCulture)
        : 0;

    /// <summary>
    /// The exit code of <paramref name="args"/> (a <c>sanoo verify</c>) run again in a process that conserves memory, or null when
    /// this process is to run them itself: not a verify, the variable already set, or no way to start it again here.
    /// </summary>
    public static int? RunConserving(string[] args)
    {
        if (args is not ["verify", ..] || Environment.GetEnvironmentVariable(Variable) is not null || OperatingSystem.IsWindows()
            || Environment.ProcessPath is not { } host)
        {
            return null;
        }
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ConservingCollector).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[Variable] = Level;
        using var verifier = Process.Start(start);
        if (verifier is null)
        {
            return null;
        }
        // Ctrl+C reaches both (one process group): the verifier stops as it does alone, and this one waits for it. A TERM sent to
        // this one alone is passed on.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _ = Kill(verifier.Id, Terminate);
        });
        verifier.WaitForExit();
        return verifier.ExitCode;
    }

    private const int Terminate = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int process, int signal);
}
