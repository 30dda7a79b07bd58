using Sanoo.Storage.Postgres;
using Sanoo.Storage.Sql;
using Sanoo.Storage.Sqlite;

namespace Sanoo.Storage;

/// <summary>
/// Where the store is, as the <c>--db</c> option gives it: <c>sqlite:PATH</c> (the embedded
/// default, one file) or <c>postgres:CONNECTION_STRING</c> (e.g.
/// <c>postgres:Host=127.0.0.1;Port=5432;Username=sanoo;Database=sanoo</c>).
/// </summary>
public static class StoreAddress
{
    /// <summary>Opens the store at <paramref name="address"/>; a malformed address or unusable store is a <see cref="StoreException"/>.</summary>
    public static async Task<IProtocolStore> OpenAsync(string address, CancellationToken cancellationToken = default)
    {
        if (address.StartsWith("sqlite:", StringComparison.Ordinal) && address.Length > "sqlite:".Length)
        {
            return await SqlProtocolStore.OpenAsync(SqliteDialect.Open(address["sqlite:".Length..]), cancellationToken);
        }
        if (address.StartsWith("postgres:", StringComparison.Ordinal) && address.Length > "postgres:".Length)
        {
            return await SqlProtocolStore.OpenAsync(PostgresDialect.Create(address["postgres:".Length..]), cancellationToken);
        }
        throw NotAnAddress(address);
    }

    /// <summary>
    /// Where a server keeps the last tree head it signed, outside the database: beside an SQLite
    /// file (<c>PATH.tree-head.json</c>); for PostgreSQL none by default (give one on the server's own disk).
    /// </summary>
    public static string? DefaultTreeHeadFile(string address) => SqliteFile(address) is { } file ? file + ".tree-head.json" : null;

    /// <summary>
    /// The database file an SQLite address names (<c>sqlite:PATH</c> → <c>PATH</c>); null for any other address. Opening an SQLite
    /// store creates its file, so a command that must not create one looks here first.
    /// </summary>
    public static string? SqliteFile(string address) =>
        address.StartsWith("sqlite:", StringComparison.Ordinal) && address.Length > "sqlite:".Length ? address["sqlite:".Length..] : null;

    /// <summary>Deletes an SQLite database file and its journals (<c>-wal</c>, <c>-shm</c>, <c>-journal</c>), once its store is closed.</summary>
    public static void DeleteSqliteFiles(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }

    private static StoreException NotAnAddress(string address)
    {
        return new StoreException(
            $"'{address}' is not a store address: use sqlite:PATH (e.g. sqlite:sanoo.db) "
            + "or postgres:CONNECTION_STRING (e.g. postgres:Host=127.0.0.1;Username=sanoo;Database=sanoo).");
    }
}
