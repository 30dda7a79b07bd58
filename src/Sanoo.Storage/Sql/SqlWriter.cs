using System.Data.Common;
using System.Globalization;
using Sanoo.Core.Entries;
using Sanoo.Core.Register;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;
using Sanoo.Storage.Register;

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

    /// <summary>Where the next register record goes: its number, and how many protocol log entries there are now.</summary>
    public async Task<RegisterPlace> RegisterPlaceAsync(CancellationToken cancellationToken) => new(
        Convert.ToInt64(await _session.ScalarAsync(RegisterRows.Next, [], cancellationToken), CultureInfo.InvariantCulture),
        Convert.ToInt64(await _session.ScalarAsync(RegisterRows.LogSize, [], cancellationToken), CultureInfo.InvariantCulture));

    /// <summary>Appends register records; their numbers must continue the register (from <see cref="RegisterPlaceAsync"/>).</summary>
    public async Task AppendRecordsAsync(IReadOnlyList<RegisterRecord> records, CancellationToken cancellationToken)
    {
        await _session.ExecuteEachAsync(RegisterRows.Insert, records, RegisterRows.Values, cancellationToken);
        if (records.Count > 0)
        {
            _lastAppended ??= records[^1].LogSize; // followers wake and catch up the register with the log
        }
    }

    /// <summary>The register records after <paramref name="afterSequence"/>, in order (by this or another process).</summary>
    public Task<List<RegisterRow>> RecordsAfterAsync(long afterSequence, CancellationToken cancellationToken) =>
        _session.QueryAsync(RegisterRows.SelectAfter, RegisterRows.Read, [afterSequence, long.MaxValue], cancellationToken);

    /// <summary>The register records of one kind, in order, read.</summary>
    public async Task<List<T>> RecordsAsync<T>(string kind, CancellationToken cancellationToken)
        where T : RegisterRecord =>
        [.. (await _session.QueryAsync(RegisterRows.SelectOfKind, RegisterRows.Read, [kind, long.MaxValue], cancellationToken))
            .Select(RegisterRows.Decode<T>)];

    /// <summary>The register records of one station, in order, as stored.</summary>
    public Task<List<RegisterRow>> StationRecordsAsync(string station, CancellationToken cancellationToken) =>
        _session.QueryAsync(RegisterRows.SelectOfStation, RegisterRows.Read, [station], cancellationToken);

    /// <summary>The recorded entries of the same protocol version as <paramref name="entry"/>, oldest first.</summary>
    public Task<List<HandEntry>> EntriesOfVersionAsync(HandEntry entry, CancellationToken cancellationToken) =>
        _session.QueryAsync(HandEntryRows.SelectOfVersion, HandEntryRows.Read, HandEntryRows.VersionOf(entry), cancellationToken);

    /// <summary>Records a hand entry with its status and salt; returns its sequence.</summary>
    public Task<long> RecordEntryAsync(HandEntry entry, EntryStatus status, CancellationToken cancellationToken) =>
        InsertNumberedAsync(HandEntryRows.Insert, HandEntryRows.Values(entry, status), cancellationToken);

    /// <summary>Rows of an old typed table, for copying into the register when schema 6 is applied.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        _session.QueryAsync(sql, read, [], cancellationToken);

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

/// <summary>Where the next register record goes.</summary>
/// <param name="Next">Its number.</param>
/// <param name="LogSize">Protocol log entries now.</param>
internal readonly record struct RegisterPlace(long Next, long LogSize);
