using System.CommandLine;
using Npgsql;
using Sanoo.Storage;
using Sanoo.Storage.Sqlite;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo backup --db sqlite:DB --out FILE</c>: a consistent copy of an SQLite store, its kept tree head, the statement of its
/// last checkpoint and its images, safe
/// while a server writes (<see cref="SqliteBackup"/>); serve the copy as it is to restore. For PostgreSQL it prints the
/// <c>pg_dump</c> command to run instead and exits with 1: nothing was copied.
/// </summary>
public static class BackupCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var output = new Option<FileInfo>("--out")
        {
            Description = "The new database file of the copy; its tree head and images are written beside it (FILE.tree-head.json, "
                + "FILE.images/). Refused if it exists.",
            Required = true,
        };
        var command = new Command(
            "backup",
            "Copy an SQLite store, with the tree head kept beside it and its images, while a server may be writing to it. For PostgreSQL, "
                + "print the pg_dump command.")
        {
            db, output,
        };
        command.SetAction((r, ct) => RunAsync(console, r.GetValue(db)!, r.GetValue(output)!.FullName, ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string db, string output, CancellationToken cancellationToken)
    {
        if (StoreAddress.SqliteFile(db) is not { } file)
        {
            return PostgresAdvice(console, db);
        }
        try
        {
            var copied = await SqliteBackup.CopyAsync(file, output, cancellationToken);
            console.MarkupLineInterpolated($"[green]Backed up[/] {file} to {output} ({copied.Bytes:N0} bytes).");
            console.MarkupLine(copied.TreeHead
                ? $"The kept tree head is copied to {Markup.Escape(output)}.tree-head.json, taken before the database: the copy extends it."
                : "[yellow]No kept tree head beside the store (it has not been served): the copy is checked against itself only.[/]");
            if (copied.Checkpoint)
            {
                console.MarkupLineInterpolated(
                    $"The last checkpoint's signed statement is copied to {output}.checkpoint.json: the copy starts from it.");
            }
            console.MarkupLineInterpolated($"{copied.Images:N0} image(s) copied to {output}.images.");
            console.MarkupLineInterpolated($"Restore: sanoo store check --db sqlite:{output}, then sanoo serve --db sqlite:{output}.");
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    /// <summary>The <c>pg_dump</c> command for a PostgreSQL store, with the password left out (give it in <c>PGPASSWORD</c> or ~/.pgpass).</summary>
    private static int PostgresAdvice(IAnsiConsole console, string db)
    {
        if (!db.StartsWith("postgres:", StringComparison.Ordinal))
        {
            console.MarkupLineInterpolated($"[red]'{db}' is not a store address: use sqlite:PATH or postgres:CONNECTION_STRING.[/]");
            return SanooCli.BadInput;
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(db["postgres:".Length..]);
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        console.MarkupLine("A PostgreSQL store is backed up by PostgreSQL's own tools; Sanoo copies nothing. Run (one consistent snapshot, "
            + "safe while servers write):");
        console.WriteLine(PgDump(builder));
        console.MarkupLine("Restore into an empty database with pg_restore --dbname NAME FILE.dump. Keep each server's --tree-head-file with "
            + "the dump: copy it before starting pg_dump.");
        return SanooCli.BadInput;
    }

    /// <summary>The command line, its values quoted for a POSIX shell.</summary>
    internal static string PgDump(NpgsqlConnectionStringBuilder builder) =>
        $"pg_dump --format=custom --file=sanoo-$(date -u +%Y%m%dT%H%M%SZ).dump --host={Quote(builder.Host ?? "localhost")} "
        + $"--port={builder.Port} --username={Quote(builder.Username ?? Environment.UserName)} {Quote(builder.Database ?? "sanoo")}";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
