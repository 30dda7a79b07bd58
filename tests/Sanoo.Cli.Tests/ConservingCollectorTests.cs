using System.Diagnostics;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Commands.Verify;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> runs with a collector that conserves memory (a million stations' verifier under 1 GB): started without the
/// variable, the executable starts itself again with it and passes on the verdict's exit code; a variable already set is obeyed.
/// </summary>
public sealed class ConservingCollectorTests : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("sanoo-conserving-").FullName;

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_empty, recursive: true);

    [Fact]
    public async Task A_verify_started_without_the_variable_runs_conserving_memory_and_exits_with_the_verdicts_code()
    {
        var (code, output) = await SanooAsync(null, "verify", "--dir", _empty, "--timings");
        var line = $"the collector conserving memory at level {ConservingCollector.Level} ({ConservingCollector.Variable})";
        Assert.Contains(line, output, StringComparison.Ordinal);
        Assert.Contains("NOT VERIFIED", output, StringComparison.Ordinal);
        Assert.Equal(VerifyCommand.Mismatch, code);
    }

    [Fact]
    public async Task A_verify_started_with_the_variable_set_keeps_its_level_and_other_commands_are_not_started_again()
    {
        var (code, output) = await SanooAsync("0", "verify", "--dir", _empty, "--timings");
        Assert.Contains($"the collector conserving memory at level 0 ({ConservingCollector.Variable})", output, StringComparison.Ordinal);
        Assert.Equal(VerifyCommand.Mismatch, code);
        Assert.Null(ConservingCollector.RunConserving(["version"]));
    }

    /// <summary>Runs the built <c>sanoo</c> as a user would, with <paramref name="level"/> as the variable (none: unset).</summary>
    private static async Task<(int Code, string Output)> SanooAsync(string? level, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sanoo.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove(ConservingCollector.Variable);
        if (level is not null)
        {
            start.Environment[ConservingCollector.Variable] = level;
        }
        using var process = Process.Start(start)!;
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
