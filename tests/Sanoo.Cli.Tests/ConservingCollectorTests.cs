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

    [Fact]
    public async Task A_TERM_sent_to_the_verify_a_user_started_is_passed_on_and_both_processes_end()
    {
        // A server that takes the verifier's request and never answers: the verifier waits on it, patient, until told to stop.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptSocketAsync();
        var start = Started(null, "verify", "--url", $"http://{silent.LocalEndpoint}", "--state", Path.Combine(_empty, "state.json"));
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var user = Process.Start(start)!;
        try
        {
            var (output, errors) = (user.StandardOutput.ReadToEndAsync(), user.StandardError.ReadToEndAsync());
            using var asking = await accepted.WaitAsync(TimeSpan.FromMinutes(1));
            var verifier = Children(user.Id).Single();

            using (var term = Process.Start("kill", ["-TERM", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            await user.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(File.Exists($"/proc/{verifier}/status") && !Zombie(verifier), "the restarted verifier was left running");
            Assert.NotEqual(0, user.ExitCode);
            _ = await output + await errors;
        }
        finally
        {
            if (!user.HasExited)
            {
                user.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The processes whose parent is <paramref name="parent"/> (Linux: read from /proc).</summary>
    private static IEnumerable<int> Children(int parent) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(id => Status(id, "PPid") == parent.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool Zombie(int process) => Status(process, "State")?.StartsWith('Z') == true;

    private static string? Status(int process, string field)
    {
        try
        {
            return File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))?
                [(field.Length + 1)..].Trim();
        }
        catch (IOException)
        {
            return null; // ended meanwhile
        }
    }

    /// <summary>Runs the built <c>sanoo</c> as a user would, with <paramref name="level"/> as the variable (none: unset).</summary>
    private static async Task<(int Code, string Output)> SanooAsync(string? level, params string[] args)
    {
        var start = Started(level, args);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>How the built <c>sanoo</c> is started with <paramref name="args"/>, <paramref name="level"/> as the variable (none: unset).</summary>
    private static ProcessStartInfo Started(string? level, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
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
        return start;
    }
}
