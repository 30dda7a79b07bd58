using System.Data.Common;
using Sanoo.Storage.Schema;

namespace Sanoo.Storage.Sql;

/// <summary>
/// What differs between the databases the one store runs on, and nothing else: how a connection
/// is opened and the single writer lock taken, how parameters are named, the schema's type
/// words and its backend-only scripts, how other servers hear of new entries, and which error
/// codes mean "already there" or "no such row". Every statement the store sends is plain SQL
/// that both databases accept as written, with <c>$1</c>, <c>$2</c> … placeholders.
/// A dialect owns its connections: disposing it closes them.
/// </summary>
/// <param name="backend">The folder of this backend's own schema scripts (Schema/sqlite, Schema/postgres).</param>
/// <param name="description">How the database is named in messages (without secrets).</param>
/// <param name="schemaTypes">How this database spells the types of the shared schema scripts.</param>
internal abstract class SqlDialect(string backend, string description, SchemaTypes schemaTypes) : IAsyncDisposable
{
    /// <summary>The folder of this backend's own schema scripts.</summary>
    public string Backend => backend;

    /// <summary>How the database is named in messages.</summary>
    public string Description => description;

    /// <summary>How this database spells the types of the shared schema scripts.</summary>
    public SchemaTypes SchemaTypes => schemaTypes;

    /// <summary>A query that lists the names of the tables in the store's database (or schema).</summary>
    public abstract string TableNamesSql { get; }

    /// <summary>The message for a database that holds other tables but no Sanoo store.</summary>
    public abstract string NotAStore { get; }

    /// <summary>
    /// A statement that tells the other servers the log grew, run in the write session just
    /// before it commits, with the last sequence (as text) as <c>$1</c>; null when this database
    /// cannot tell them and they poll.
    /// </summary>
    public abstract string? AnnounceSql { get; }

    /// <summary>The name a parameter needs to fill the placeholder <c>$<paramref name="position"/></c>.</summary>
    public abstract string ParameterName(int position);

    /// <summary>A connection for reading, opened; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the database's single writer lock and returns the transaction that holds it;
    /// hand it back to <see cref="EndWriteAsync"/> whatever happens.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Ends a write session: rolls back what was not committed and gives up the lock and the connection.</summary>
    public abstract ValueTask EndWriteAsync(DbTransaction transaction);

    /// <summary>Completes each time another process may have appended to the log; never, where nothing tells.</summary>
    public abstract IAsyncEnumerable<long> ChangesAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="error"/> is a unique constraint refusing a second row with the same key.</summary>
    public abstract bool IsUniqueViolation(DbException error);

    /// <summary>Whether <paramref name="error"/> is a foreign key refusing a reference to a row that does not exist.</summary>
    public abstract bool IsMissingReference(DbException error);

    /// <summary>
    /// The message for a database error while opening or reading; <paramref name="fallback"/>
    /// unless the dialect knows better (SQLite: the file is damaged or not a database).
    /// </summary>
    public virtual StoreException Explain(Exception error, string fallback) => new(fallback, error);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
