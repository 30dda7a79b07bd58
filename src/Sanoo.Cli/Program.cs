using Sanoo.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    console.Profile.Width = 160; // files and pipes: no terminal width to fit, keep table rows whole
}
return SanooCli.Run(args, console);
