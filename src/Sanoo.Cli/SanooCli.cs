using System.CommandLine;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Demo;
using Spectre.Console;

namespace Sanoo.Cli;

/// <summary>
/// The <c>sanoo</c> command: its subcommands and how they are wired. Every command writes to
/// the console it is given, so tests run the real commands in-process.
/// </summary>
public static class SanooCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the input is wrong (a definition with problems, a missing file).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code when a tally breaks an invariant: a bug in Sanoo, never the input's fault.</summary>
    public const int Impossible = 3;

    /// <summary>Runs the command line <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        var root = new RootCommand(
            "Sanoo: election results tabulation you can check. Counts come in, are checked against the protocol's arithmetic, added up the map, " +
                "turned into seats, and published.")
        {
            CheckCommand.Create(console),
            GenerateCommand.Create(console),
            TallyCommand.Create(console),
            ForensicsCommand.Create(console),
            DemoCommand.Create(console),
            IngestCommand.Create(console),
            SeatsCommand.Create(console),
            ServeCommand.Create(console),
            PublishCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            Simulate.SimulateCommand.Create(console),
            AccessCommands.Keys(console),
            AccessCommands.Operators(console),
            SubmitCommand.Create(console),
            Commands.Audit.AuditCommand.Create(console),
            VerifyCommand.Create(console),
            WitnessesCommand.Create(console),
            WitnessCommand.Create(console),
            StoreCommand.Create(console),
            BackupCommand.Create(console),
            ProtocolSheetCommand.Create(console),
            CheckSheetCommand.Create(console),
        };
        var output = new ConsoleWriter(console);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>Adapts the console for System.CommandLine's help and error text.</summary>
    private sealed class ConsoleWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => console.Profile.Out.Writer.Write(value);
    }
}
