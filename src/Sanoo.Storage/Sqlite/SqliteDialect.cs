using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Sanoo.Storage.Schema;
using Sanoo.Storage.Sql;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// The embedded store's database: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a
/// committed write survives a crash or power cut. Writes go through one connection that this
/// process keeps open, one session at a time, each in <c>BEGIN IMMEDIATE</c>, SQLite's single
/// writer lock, so several processes may share the file safely. Nothing tells another process
/// that the file grew: followers poll.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int Constraint = 19;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    /// <summary>SQLite's own type names; strict tables refuse a value of another type.</summary>
    internal static readonly SchemaTypes Types = new(Int64: "INTEGER", Bytes: "BLOB", Strict: "STRICT");

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private SqliteDialect(string description, string connectionString, SqliteConnection writer, string filePath)
        : base("sqlite", description, Types)
    {
        FilePath = filePath;
        _connectionString = connectionString;
        _writer = writer;
    }

    /// <summary>The database file's full path (its images are kept in the folder <c>FILE.images</c> beside it).</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override string TableNamesSql => "SELECT name FROM sqlite_master WHERE type = 'table'";

    /// <inheritdoc />
    public override string NotAStore =>
        $"{Description} is an SQLite database but not a Sanoo store (it has other tables). " +
        "Point --db at a new file or a Sanoo store; nothing was changed.";

    /// <inheritdoc />
    public override string? AnnounceSql => null;

    /// <summary>Opens (creating if missing) the file at <paramref name="path"/> with its durability settings.</summary>
    public static SqliteDialect Open(string path)
    {
        var full = Path.GetFullPath(path);
        var description = $"the SQLite database {full}";
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new StoreException($"Cannot open {description}: the folder {folder} does not exist.");
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30,
        }.ToString();
        CreateOwnerOnly(full);
        var writer = new SqliteConnection(connectionString);
        var dialect = new SqliteDialect(description, connectionString, writer, full);
        try
        {
            writer.Open();
            using var configure = writer.CreateCommand();
            configure.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            configure.ExecuteNonQuery();
            OwnerOnly(full + "-wal");
            OwnerOnly(full + "-shm");
            return dialect;
        }
        catch (SqliteException e)
        {
            writer.Dispose();
            throw dialect.Explain(e, $"Cannot use {description}: {e.Message}");
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Read and write for the owner only (0600): the store holds every operator's token hash and every count.</summary>
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates a missing database file, empty (which SQLite takes as a new database), readable by its owner only on Unix,
    /// whatever the umask; SQLite gives the -wal and -shm files it makes beside it the same mode.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (File.Exists(path))
        {
            return;
        }
        try
        {
            using var created = new FileStream(
                path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite });
        }
        catch (IOException) when (File.Exists(path))
        {
            // another process created it first: it is opened as it is
        }
    }

    /// <summary>Narrows a -wal or -shm file this process may own to 0600 (one left by an earlier, looser version).</summary>
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            return;
        }
        try
        {
            if (File.GetUnixFileMode(path) != OwnerReadWrite)
            {
                File.SetUnixFileMode(path, OwnerReadWrite);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // another user's file (a shared deployment): SQLite still opens it; its owner sets the mode
        }
    }

    /// <inheritdoc />
    public override string ParameterName(int position) => $"${position}";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return _writer.BeginTransaction(deferred: false);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask EndWriteAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<long> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
        yield break;
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException error) => error is SqliteException { SqliteErrorCode: Constraint };

    /// <inheritdoc />
    public override bool IsMissingReference(DbException error) => error is SqliteException { SqliteErrorCode: Constraint };

    /// <inheritdoc />
    public override StoreException Explain(Exception error, string fallback) => (error as SqliteException)?.SqliteErrorCode switch
    {
        NotADatabase => new StoreException(
            $"{Description} is not a database (SQLite: {error.Message}). " +
            "It may be damaged or another kind of file; restore it from a backup or point --db elsewhere.",
            error),
        Corrupt => new StoreException(
            $"{Description} is damaged (SQLite: {error.Message}). " +
            "Stop every Sanoo using it, restore it from a backup, or rebuild it by re-ingesting the protocol files.",
            error),
        _ => base.Explain(error, fallback),
    };

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _writeLock.Dispose();
    }
}
