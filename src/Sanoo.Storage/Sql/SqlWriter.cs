using System.Data.Common;
using System.Globalization;
using Sanoo.Core.Entries;
using Sanoo.Storage.Access;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;

namespace Sanoo.Storage.Sql;

/// <summary>
/// A write session: one transaction that holds the database's single writer lock. It offers
/// every write the store makes, so nothing outside it needs its connection; what it did becomes
/// durable, and other servers are told of new log entries, only at <see cref="CommitAsync"/>.
/// </summary>
internal sealed class SqlWriter(SqlDialect dialect, DbTransaction transaction) : IStoreWriter
{
    private readonly SqlSession _session = new(dialect, transaction.Connection!, transaction);
    private long? _lastAppended;

    /// <inheritdoc />
    public IAsyncEnumerable<LogEntry> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        _session.StreamAsync(ProtocolVersionRows.SelectAfter(false), r => LogEntryColumns.Read(r, false), [afterSequence], cancellationToken);

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        await _session.ExecuteEachAsync(ProtocolVersionRows.Insert, entries, ProtocolVersionRows.Values, cancellationToken);
        if (entries.Count > 0)
        {
            _lastAppended = entries[^1].Sequence;
        }
    }

    /// <summary>The id of the election whose definition is stored, or null before the first.</summary>
    public async Task<string?> ElectionIdAsync(CancellationToken cancellationToken) =>
        (string?)await _session.ScalarAsync(DefinitionRows.SelectId, [], cancellationToken);

    /// <summary>Stores the definition (the table holds one row: check <see cref="ElectionIdAsync"/> first).</summary>
    public Task StoreDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken) =>
        _session.ExecuteAsync(DefinitionRows.Insert, DefinitionRows.Values(definition), cancellationToken);

    /// <summary>Records enrolments, in order.</summary>
    public Task EnrolAsync(IReadOnlyList<DeviceKey> keys, CancellationToken cancellationToken) =>
        _session.ExecuteEachAsync(AccessRows.InsertKey, keys, AccessRows.Values, cancellationToken);

    /// <summary>Records an operator; a name or token already in use is a unique violation.</summary>
    public Task AddOperatorAsync(Operator op, CancellationToken cancellationToken) =>
        _session.ExecuteAsync(AccessRows.InsertOperator, AccessRows.Values(op), cancellationToken);

    /// <summary>The recorded entries of the same protocol version as <paramref name="entry"/>, oldest first.</summary>
    public Task<List<HandEntry>> EntriesOfVersionAsync(HandEntry entry, CancellationToken cancellationToken) =>
        _session.QueryAsync(HandEntryRows.SelectOfVersion, HandEntryRows.Read, HandEntryRows.VersionOf(entry), cancellationToken);

    /// <summary>Records a hand entry with its status; returns its sequence.</summary>
    public Task<long> RecordEntryAsync(HandEntry entry, EntryStatus status, CancellationToken cancellationToken) =>
        InsertNumberedAsync(HandEntryRows.Insert, HandEntryRows.Values(entry, status), cancellationToken);

    /// <summary>Runs an insert that numbers its row and returns the number (<c>RETURNING seq</c>).</summary>
    public async Task<long> InsertNumberedAsync(string insert, SqlArg[] values, CancellationToken cancellationToken) =>
        Convert.ToInt64(await _session.ScalarAsync(insert, values, cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The names of the tables in the database (the migration looks before it changes anything).</summary>
    public Task<List<string>> TableNamesAsync(CancellationToken cancellationToken) =>
        _session.QueryAsync(dialect.TableNamesSql, r => r.GetString(0), [], cancellationToken);

    /// <summary>The newest schema version applied (the <c>schema_version</c> table must exist).</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        var newest = await _session.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version", [], cancellationToken);
        return Convert.ToInt32(newest, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a schema script as it is and records its version as applied.</summary>
    public async Task ApplySchemaAsync(int version, string script, CancellationToken cancellationToken)
    {
        await _session.ExecuteAsync(script, [], cancellationToken);
        const string Record = "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)";
        await _session.ExecuteAsync(Record, [version, DateTimeOffset.UtcNow], cancellationToken);
    }

    /// <summary>Tells other servers of what was appended (where the dialect can), then commits durably.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_lastAppended is { } last && dialect.AnnounceSql is { } announce)
        {
            await _session.ExecuteAsync(announce, [last.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
