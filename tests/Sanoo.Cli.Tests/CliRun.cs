using Spectre.Console;

namespace Sanoo.Cli.Tests;

/// <summary>Runs the real <c>sanoo</c> command in-process and captures what it prints.</summary>
public static class CliRun
{
    public static (int ExitCode, string Output) Sanoo(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var code = SanooCli.Run(args, console);
        return (code, writer.ToString());
    }

    /// <summary>
    /// Starts the real <c>sanoo</c> command of this build as a process of its own, with <paramref name="environment"/> added to its
    /// environment; what it prints is read and let go.
    /// </summary>
    public static System.Diagnostics.Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sanoo.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

/// <summary>The kg-2021 sample written once to a temporary folder for all CLI tests.</summary>
public sealed class Kg2021Files : IDisposable
{
    public Kg2021Files()
    {
        Folder = Directory.CreateTempSubdirectory("sanoo-cli-").FullName;
        var (code, output) = CliRun.Sanoo("generate", "kg-2021", "--out", Folder);
        Assert.True(code == 0, output);
    }

    public string Folder { get; }

    public string Definition => Path.Combine(Folder, "election.json");

    public string Hand => Path.Combine(Folder, "hand.jsonl");

    public string Machine => Path.Combine(Folder, "machine.jsonl");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
