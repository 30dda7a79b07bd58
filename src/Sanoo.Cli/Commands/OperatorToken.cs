using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// Where <c>sanoo submit</c> finds an operator's token: <c>--token-file FILE</c>, else <c>--token</c> (kept for old
/// scripts, with a warning: every user of the machine sees a process's arguments, and so the token), else the
/// environment variable <see cref="Variable"/>; what is given on the command line wins over the environment. A device that signs with <c>--key</c>
/// takes no token from the environment.
/// </summary>
public static class OperatorToken
{
    /// <summary>The environment variable that holds an operator's token.</summary>
    public const string Variable = "SANOO_TOKEN";

    /// <summary>The token found (its <c>Token</c> null when none was given); null, having said why, when it cannot be read.</summary>
    public static Found? Resolve(IAnsiConsole console, string? argument, FileInfo? file, bool signsWithKey)
    {
        if (argument is not null && file is not null)
        {
            console.MarkupLine($"[red]Give the operator's token once: --token-file FILE (or {Variable}), not also --token.[/]");
            return null;
        }
        if (file is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(file.FullName).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]Cannot read the token file {file.FullName}: {e.Message}[/]");
                return null;
            }
            if (text.Length == 0)
            {
                console.MarkupLineInterpolated($"[red]The token file {file.FullName} is empty.[/]");
                return null;
            }
            return new Found(text);
        }
        if (argument is not null)
        {
            console.MarkupLine(
                "[yellow]Warning: --token is visible to other users of this machine in the process list; "
                + $"use --token-file FILE or the environment variable {Variable} instead.[/]");
            return new Found(argument);
        }
        var fromEnvironment = signsWithKey ? null : Environment.GetEnvironmentVariable(Variable)?.Trim();
        return new Found(string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment);
    }

    /// <summary>An operator's token, or null when none was given.</summary>
    /// <param name="Token">The token.</param>
    public sealed record Found(string? Token);
}
