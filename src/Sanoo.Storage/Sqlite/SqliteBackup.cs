using Microsoft.Data.Sqlite;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// A consistent copy of an SQLite store and what sits beside it, safe while a server writes to it: the kept tree head
/// (<c>DB.tree-head.json</c>) and the signed statement of its last checkpoint (<c>DB.checkpoint.json</c>) first, then the
/// database through SQLite's online backup (one read transaction: the copy is the log as one commit left it, and the server's
/// writes go on meanwhile), then the images folder (<c>DB.images</c>, whose
/// files are only ever added). In that order the copied head is never ahead of the copied log, and every image the copied
/// log names is copied: the copy passes the server's own check at start, and starts from the copied checkpoint (whose row the
/// copied database holds, the table being append-only) instead of replaying the whole log.
/// </summary>
public static class SqliteBackup
{
    /// <summary>What one backup copied.</summary>
    /// <param name="Bytes">The size of the copied database file.</param>
    /// <param name="TreeHead">Whether a kept tree head was copied (none beside a store that never served).</param>
    /// <param name="Images">How many image files were copied.</param>
    /// <param name="Checkpoint">Whether a checkpoint statement was copied (none before a server's first checkpoint).</param>
    public sealed record Copied(long Bytes, bool TreeHead, int Images, bool Checkpoint);

    /// <summary>Copies the store in <paramref name="source"/> to <paramref name="target"/>, which must not exist yet.</summary>
    public static async Task<Copied> CopyAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(source))
        {
            throw new StoreException($"There is no SQLite store {source}.");
        }
        if (File.Exists(target) || Directory.Exists(target + ".images"))
        {
            throw new StoreException($"{target} exists: a backup is written to a new file, never over another.");
        }
        var head = source + ".tree-head.json";
        var hasHead = File.Exists(head);
        if (hasHead)
        {
            await CopyPrivateAsync(head, target + ".tree-head.json", cancellationToken);
        }
        var checkpoint = source + ".checkpoint.json";
        var hasCheckpoint = File.Exists(checkpoint);
        if (hasCheckpoint)
        {
            await CopyPrivateAsync(checkpoint, target + ".checkpoint.json", cancellationToken);
        }
        // An empty file owned by the operator alone, as the store's own files are; SQLite writes the copy into it.
        File.Create(target, 4096, FileOptions.None).Dispose();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            using var from = new SqliteConnection(Connection(source, SqliteOpenMode.ReadWrite));
            using var to = new SqliteConnection(Connection(target, SqliteOpenMode.ReadWrite));
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"Backing up {source} failed: {e.Message}", e);
        }
        var images = CopyImages(source + ".images", target + ".images", cancellationToken);
        return new Copied(new FileInfo(target).Length, hasHead, images, hasCheckpoint);
    }

    private static string Connection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();

    private static async Task CopyPrivateAsync(string from, string to, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using var target = new FileStream(to, options);
        await source.CopyToAsync(target, cancellationToken);
    }

    /// <summary>Copies every finished image (not the <c>.part</c> files being written); the count copied.</summary>
    private static int CopyImages(string from, string to, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }
        var copied = 0;
        var finished = Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal));
        foreach (var file in finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
            copied++;
        }
        return copied;
    }
}
