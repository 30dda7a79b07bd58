using System.CommandLine;
using Sanoo.Log;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage;
using Sanoo.Web.Publishing;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo store check --db DB [--tree-head-file FILE] [--full]</c>: the check a server runs before it
/// serves, on demand: every entry's bytes (after the last trusted checkpoint, or all with <c>--full</c>) against its content hash
/// and the figures counted, and the log against the last tree head the server signed. Exit 0: sound; 4: a problem, each named.
/// </summary>
public static class StoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var headFile = StoreOptions.TreeHeadFile();
        var full = new Option<bool>("--full")
        {
            Description = "Replay and check every entry, whatever checkpoint there is (without it, as the server at start: the entries after "
                + "the last checkpoint whose signed statement checks against the log).",
        };
        var check = new Command(
            "check",
            "Check a store as the server does at start: each entry's bytes against its hash and the figures counted, and the log against the "
                + "last tree head the server signed.")
        {
            db, headFile, full,
        };
        check.SetAction((r, ct) => CheckAsync(console, r.GetValue(db)!, r.GetValue(headFile)?.FullName, r.GetValue(full), ct));
        return new Command("store", "Look after a store: check it against itself and the last signed tree head.") { check };
    }

    private static async Task<int> CheckAsync(IAnsiConsole console, string db, string? headFile, bool full, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            console.MarkupLineInterpolated($"Opening {store.Description} and rebuilding the tally …");
            var file = headFile ?? StoreAddress.DefaultTreeHeadFile(db);
            await using var log = await ElectionLog.OpenAsync(
                store,
                null,
                checkpoints: file is null || full ? null : new CheckpointOptions(await CheckpointSealFile.OpenAsync(file, null, cancellationToken)),
                cancellationToken: cancellationToken);
            if (log.Checkpoint.Refusal is null)
            {
                console.MarkupLineInterpolated($"{log.Checkpoint.Summary}");
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]{log.Checkpoint.Summary}[/]");
            }
            var kept = file is null ? null : await TreeHeadFile.ReadAsync(file, cancellationToken);
            if (kept is null)
            {
                var where = file ?? "(none given)";
                console.MarkupLineInterpolated($"[yellow]No kept tree head {where}: the entries are checked against themselves only.[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"Holding the log against the tree head of {kept.Size:N0} entries kept in {file}.");
            }
            var result = await log.CheckStoreAsync(kept, cancellationToken: cancellationToken);
            if (result.Sound)
            {
                console.MarkupLineInterpolated($"[green bold]SOUND[/]: {result.Summary}");
                return SanooCli.Ok;
            }
            console.MarkupLineInterpolated($"[red bold]DAMAGED[/] [red]({result.Found} problem(s) in {result.Entries:N0} entries):[/]");
            foreach (var problem in result.Problems)
            {
                console.MarkupLineInterpolated($"  [red]{problem}[/]");
            }
            return VerifyCommand.Mismatch;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return VerifyCommand.Mismatch;
        }
    }
}
