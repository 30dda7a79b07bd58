using Sanoo.Cli;
using Sanoo.Cli.Commands.Verify;
using Spectre.Console;

if (ConservingCollector.RunConserving(args) is { } verified)
{
    return verified; // sanoo verify, run again in a process whose collector conserves memory
}

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    console.Profile.Width = 160; // files and pipes: no terminal width to fit, keep table rows whole
}
return SanooCli.Run(args, console);
