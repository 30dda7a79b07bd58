using System.CommandLine;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage;
using Spectre.Console;

namespace Sanoo.Cli.Input;

/// <summary>
/// The counts a reading command works on, from protocol files (a definition and JSON Lines) or from a store (<c>--db</c>): the
/// arguments and the opening of the store, shared by <c>sanoo tally</c> and <c>sanoo forensics</c>.
/// </summary>
public static class CountInput
{
    /// <summary>The definition file argument (not with --db).</summary>
    public static Argument<FileInfo?> Definition() => new("definition")
    {
        Description = "The election definition file (not with --db).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The protocol files argument (not with --db).</summary>
    public static Argument<FileInfo[]> Protocols() => new("protocols")
    {
        Description = "Protocol files (JSON Lines), applied in the order given (not with --db).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The election of <paramref name="definitionFile"/> once it and every protocol file are there and sound; null, with the
    /// problem printed, otherwise (<paramref name="command"/> names the command in the usage line).
    /// </summary>
    public static Core.Definitions.Election? FromFiles(IAnsiConsole console, string command, FileInfo? definitionFile, FileInfo[] files)
    {
        if (definitionFile is null || files.Length == 0)
        {
            console.MarkupLine(
                $"[red]Give a definition and at least one protocol file (sanoo {command} DEFINITION PROTOCOLS...), or a store "
                + $"(sanoo {command} --db DB).[/]");
            return null;
        }
        if (InputFiles.LoadDefinition(definitionFile) is not Core.Definitions.DefinitionResult.Loaded { Election: var election })
        {
            console.MarkupLineInterpolated(
                $"[red]{definitionFile.Name} is not a sound election definition; run 'sanoo check {definitionFile.Name}' to see every problem.[/]");
            return null;
        }
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            console.MarkupLineInterpolated($"[red]Protocol file {missing.FullName} does not exist.[/]");
            return null;
        }
        return election;
    }

    /// <summary>
    /// Opens the store <paramref name="db"/>, freezes what it holds and hands the store, the log and the snapshot to
    /// <paramref name="show"/>, whose answer is the exit code; files given beside it, a store file that does not exist or one that
    /// cannot be read are a message and <see cref="SanooCli.BadInput"/>.
    /// </summary>
    public static async Task<int> FromStoreAsync(
        IAnsiConsole console,
        string db,
        bool filesGiven,
        Func<IProtocolStore, ElectionLog, Snapshot, int> show,
        CancellationToken cancellationToken)
    {
        if (filesGiven)
        {
            console.MarkupLine("[red]With --db, give neither a definition nor protocol files: the store holds both.[/]");
            return SanooCli.BadInput;
        }
        if (StoreAddress.SqliteFile(db) is { } file && !File.Exists(file))
        {
            var message = $"There is no store at {Path.GetFullPath(file)}: {db} names a file that does not exist (sanoo ingest "
                + $"--definition FILE --db {db} creates one). Nothing was created.";
            console.MarkupLine($"[red]{Markup.Escape(message)}[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
            return show(store, log, await log.FreezeAsync(cancellationToken));
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }
}
