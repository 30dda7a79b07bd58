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
