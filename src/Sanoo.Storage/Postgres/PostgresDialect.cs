using System.Data.Common;
using Npgsql;
using Sanoo.Storage.Schema;
using Sanoo.Storage.Sql;

namespace Sanoo.Storage.Postgres;

/// <summary>
/// The production store's database: PostgreSQL 15+, shared by any number of Sanoo servers. A
/// write session holds a transaction-scoped advisory lock (one writer at a time across every
/// server) and, when it appended to the log, sends <c>NOTIFY sanoo_log</c>, delivered on commit,
/// so followers catch up at once (<see cref="PostgresChanges"/>); they also poll, so a dropped
/// connection loses nothing. Connections come from one pool.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "sanoo_log";

    private const long WriterLock = 0x5A4E_4F4F_0001;

    /// <summary>PostgreSQL's type names; its tables are typed already.</summary>
    internal static readonly SchemaTypes Types = new(Int64: "BIGINT", Bytes: "BYTEA", Strict: "");

    private readonly NpgsqlDataSource _source;

    private PostgresDialect(NpgsqlDataSource source, string description)
        : base("postgres", description, Types) => _source = source;

    /// <inheritdoc />
    public override string TableNamesSql => "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";

    /// <inheritdoc />
    public override string NotAStore => $"{Description} has tables but is not a Sanoo store. Use an empty database; nothing was changed.";

    /// <inheritdoc />
    public override string? AnnounceSql => $"SELECT pg_notify('{Channel}', $1)";

    /// <summary>The pool for <paramref name="connectionString"/>; nothing is connected yet.</summary>
    public static PostgresDialect Create(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"The PostgreSQL connection string is malformed: {e.Message}", e);
        }
        var description = $"the PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        return new PostgresDialect(NpgsqlDataSource.Create(builder), description);
    }

    /// <summary>Positional: Npgsql fills <c>$n</c> from the n-th parameter when parameters have no names.</summary>
    public override string ParameterName(int position) => "";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriterLock})", connection, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask EndWriteAsync(DbTransaction transaction)
    {
        var connection = transaction.Connection;
        await transaction.DisposeAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<long> ChangesAsync(CancellationToken cancellationToken) =>
        new PostgresChanges(_source, Channel).ReadAsync(cancellationToken);

    /// <summary>SQLSTATE 23505, unique_violation.</summary>
    public override bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>SQLSTATE 23503, foreign_key_violation.</summary>
    public override bool IsMissingReference(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
