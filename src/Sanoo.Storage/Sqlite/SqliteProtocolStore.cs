using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Sanoo.Storage.Log;
using Sanoo.Storage.Schema;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed
/// write survives a crash or power cut. Writers take <c>BEGIN IMMEDIATE</c>, SQLite's single
/// writer lock, so several processes may share the file safely.
/// </summary>
public sealed class SqliteProtocolStore : IProtocolStore
{
    private const string Backend = "sqlite";
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private SqliteProtocolStore(string path, SqliteConnection writer, string connectionString)
    {
        Path = path;
        _writer = writer;
        _connectionString = connectionString;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => $"the SQLite database {Path}";

    /// <summary>Opens (creating if missing) and upgrades the database at <paramref name="path"/>.</summary>
    public static SqliteProtocolStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var description = $"the SQLite database {full}";
        if (System.IO.Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new StoreException($"Cannot open {description}: the folder {folder} does not exist.");
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Configure(writer);
            Migrate(writer, description);
            return new SqliteProtocolStore(full, writer, connectionString);
        }
        catch (SqliteException e)
        {
            writer.Dispose();
            throw Damaged(description, e);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredDefinition?> ReadDefinitionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, definition FROM election";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDefinition(reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    }

    /// <inheritdoc />
    public Task WriteDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (_, ct) =>
        {
            await using var existing = _writer.CreateCommand();
            existing.CommandText = "SELECT id FROM election";
            if (await existing.ExecuteScalarAsync(ct) is string id)
            {
                throw new StoreException($"{Description} already holds the definition of election '{id}'.");
            }
            await using var insert = _writer.CreateCommand();
            insert.CommandText = "INSERT INTO election (id, definition, definition_sha256, stored_at) VALUES ($id, $definition, $sha, $at)";
            insert.Parameters.AddWithValue("$id", definition.ElectionId);
            insert.Parameters.AddWithValue("$definition", definition.Definition);
            insert.Parameters.AddWithValue("$sha", System.Security.Cryptography.SHA256.HashData(definition.Definition));
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<LogEntry> ReadAsync(long afterSequence, bool withCanonical = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await foreach (var entry in Read(connection, afterSequence, withCanonical, cancellationToken))
        {
            yield return entry;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LogEntry>> ReadStationAsync(string station, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteEntries.Select(true)} WHERE station = $station ORDER BY seq";
        command.Parameters.AddWithValue("$station", station);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(SqliteEntries.Read(reader, true));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task<LogEntry?> FindAsync(ReadOnlyMemory<byte> contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteEntries.Select(true)} WHERE content_sha256 = $hash";
        command.Parameters.AddWithValue("$hash", contentHash.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteEntries.Read(reader, true) : null;
    }

    /// <inheritdoc />
    public async Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await work(new Writer(this, transaction), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e)
        {
            throw new StoreException($"Writing to {Description} failed: {e.Message}", e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task EnrolDevicesAsync(IReadOnlyList<Access.DeviceKey> keys, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (_, ct) =>
        {
            await using var insert = _writer.CreateCommand();
            insert.CommandText = "INSERT INTO device_key (seq, station, public_key, enrolled_at, enrolled_by) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM device_key), $station, $key, $at, $by)";
            foreach (var key in keys)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$station", key.Station.Value);
                insert.Parameters.AddWithValue("$key", key.PublicKey);
                insert.Parameters.AddWithValue("$at", key.EnrolledAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$by", key.EnrolledBy);
                await insert.ExecuteNonQueryAsync(ct);
            }
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Access.DeviceKey>> ReadDeviceKeysAsync(long skip, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT station, public_key, enrolled_at, enrolled_by FROM device_key WHERE seq > $skip ORDER BY seq";
        command.Parameters.AddWithValue("$skip", skip);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<Access.DeviceKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new Access.DeviceKey(new Core.Definitions.AreaId(reader.GetString(0)), (byte[])reader.GetValue(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3)));
        }
        return keys;
    }

    /// <inheritdoc />
    public async Task AddOperatorAsync(Access.Operator op, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync<bool>(async (_, ct) =>
            {
                await using var insert = _writer.CreateCommand();
                insert.CommandText = "INSERT INTO operator (seq, name, role, district, token_sha256, created_at) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM operator), $name, $role, $district, $token, $at)";
                insert.Parameters.AddWithValue("$name", op.Name);
                insert.Parameters.AddWithValue("$role", op.Role == Access.OperatorRole.Admin ? "admin" : "district");
                insert.Parameters.AddWithValue("$district", (object?)op.District?.Value ?? DBNull.Value);
                insert.Parameters.AddWithValue("$token", op.TokenHash);
                insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (StoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            throw new StoreException($"An operator named '{op.Name}' already exists in {Description}; choose another name.", e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Access.Operator>> ReadOperatorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, district, token_sha256 FROM operator ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var operators = new List<Access.Operator>();
        while (await reader.ReadAsync(cancellationToken))
        {
            operators.Add(new Access.Operator(reader.GetString(0),
                reader.GetString(1) == "admin" ? Access.OperatorRole.Admin : Access.OperatorRole.District,
                reader.IsDBNull(2) ? null : new Core.Definitions.AreaId(reader.GetString(2)), (byte[])reader.GetValue(3)));
        }
        return operators;
    }

    /// <inheritdoc />
    public Task<Entries.HandEntry> EnterAsync(Entries.HandEntry entry, Func<IReadOnlyList<Entries.HandEntry>, Core.Entries.EntryStatus> decide, CancellationToken cancellationToken = default) =>
        WriteAsync(async (_, ct) =>
        {
            await using var select = _writer.CreateCommand();
            select.CommandText = $"{SelectEntries} WHERE station = $station AND contest = $contest AND source = $source AND version = $version ORDER BY seq";
            select.Parameters.AddWithValue("$station", entry.Station.Value);
            select.Parameters.AddWithValue("$contest", entry.Contest.Value);
            select.Parameters.AddWithValue("$source", entry.Source.Value);
            select.Parameters.AddWithValue("$version", entry.Version);
            var earlier = await ReadEntries(select, ct);
            var status = decide(earlier);
            if (!Entries.HandEntry.IsRecorded(status))
            {
                return entry with { Sequence = 0, Status = status };
            }
            await using var insert = _writer.CreateCommand();
            insert.CommandText = "INSERT INTO hand_entry (seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM hand_entry), $station, $contest, $source, $version, $operator, $canonical, $hash, $at, $status) RETURNING seq";
            insert.Parameters.AddWithValue("$station", entry.Station.Value);
            insert.Parameters.AddWithValue("$contest", entry.Contest.Value);
            insert.Parameters.AddWithValue("$source", entry.Source.Value);
            insert.Parameters.AddWithValue("$version", entry.Version);
            insert.Parameters.AddWithValue("$operator", entry.Operator);
            insert.Parameters.AddWithValue("$canonical", entry.Canonical.ToArray());
            insert.Parameters.AddWithValue("$hash", entry.ContentHash);
            insert.Parameters.AddWithValue("$at", entry.EnteredAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$status", Entries.HandEntry.StatusText(status));
            var sequence = (long)(await insert.ExecuteScalarAsync(ct))!;
            return entry with { Sequence = sequence, Status = status };
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Entries.HandEntry>> ReadEntriesAsync(string? station = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = station is null ? $"{SelectEntries} ORDER BY seq" : $"{SelectEntries} WHERE station = $station ORDER BY seq";
        if (station is not null)
        {
            command.Parameters.AddWithValue("$station", station);
        }
        return await ReadEntries(command, cancellationToken);
    }

    private const string SelectEntries = "SELECT seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status FROM hand_entry";

    private static async Task<List<Entries.HandEntry>> ReadEntries(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<Entries.HandEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Entries.HandEntry(
                reader.GetInt64(0), new Core.Definitions.AreaId(reader.GetString(1)), new Core.Definitions.ContestId(reader.GetString(2)),
                    new Core.Definitions.SourceId(reader.GetString(3)), reader.GetInt32(4),
                reader.GetString(5),
                [.. (byte[])reader.GetValue(6)], reader.GetString(7), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)), Entries.HandEntry.ParseStatus(reader.GetString(9))));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task<Acts.RecountOrder> OrderRecountAsync(Acts.RecountOrder order, CancellationToken cancellationToken = default) =>
        order with { Sequence = await InsertAsync("recount_order", "station, contest, reason, ordered_by, ordered_at", cancellationToken,
            order.Station.Value, order.Contest.Value, order.Reason, order.OrderedBy, order.OrderedAt.ToUnixTimeMilliseconds()) };

    /// <inheritdoc />
    public async Task<Acts.RecountOutcome> RecordRecountOutcomeAsync(Acts.RecountOutcome outcome, CancellationToken cancellationToken = default)
    {
        try
        {
            return outcome with { Sequence = await InsertAsync("recount_outcome", "recount, outcome, recorded_by, recorded_at", cancellationToken, outcome.Recount, outcome.Outcome, outcome.RecordedBy, outcome.RecordedAt.ToUnixTimeMilliseconds()) };
        }
        catch (StoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            throw new StoreException($"There is no recount order {outcome.Recount} in {Description}.", e);
        }
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<Acts.RecountOrder> Orders, IReadOnlyList<Acts.RecountOutcome> Outcomes)> ReadRecountsAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT seq, station, contest, reason, ordered_by, ordered_at FROM recount_order ORDER BY seq",
            r => new Acts.RecountOrder(r.GetInt64(0), new Core.Definitions.AreaId(r.GetString(1)), new Core.Definitions.ContestId(r.GetString(2)),
            r.GetString(3), r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))), cancellationToken),
         await QueryAsync("SELECT seq, recount, outcome, recorded_by, recorded_at FROM recount_outcome ORDER BY seq", r => new Acts.RecountOutcome(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))), cancellationToken));

    /// <inheritdoc />
    public async Task<Acts.Certification> CertifyAsync(Acts.Certification certification, CancellationToken cancellationToken = default) =>
        certification with { Sequence = await InsertAsync("certification", "position, statement, certified_by, certified_at", cancellationToken, certification.Position, certification.Statement, certification.CertifiedBy, certification.CertifiedAt.ToUnixTimeMilliseconds()) };

    /// <inheritdoc />
    public async Task<IReadOnlyList<Acts.Certification>> ReadCertificationsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT seq, position, statement, certified_by, certified_at FROM certification ORDER BY seq", r => new Acts.Certification(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))), cancellationToken);

    /// <summary>Appends one row to an append-only table under the writer lock, numbering it after the last; returns its number.</summary>
    private Task<long> InsertAsync(string table, string columns, CancellationToken cancellationToken, params object[] values) =>
        WriteAsync(async (_, ct) =>
        {
            await using var insert = _writer.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} (seq, {columns}) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}), {string.Join(", ", values.Select((_, i) => $"$p{i}"))}) RETURNING seq";
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters.AddWithValue($"$p{i}", values[i]);
            }
            return (long)(await insert.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<long> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
        yield break;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async IAsyncEnumerable<LogEntry> Read(SqliteConnection connection, long afterSequence, bool withCanonical, [EnumeratorCancellation] CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{SqliteEntries.Select(withCanonical)} WHERE seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$after", afterSequence);
        SqliteDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Damaged(Description, e);
        }
        await using (reader)
        {
            while (true)
            {
                LogEntry entry;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        yield break;
                    }
                    entry = SqliteEntries.Read(reader, withCanonical);
                }
                catch (SqliteException e)
                {
                    throw Damaged(Description, e);
                }
                yield return entry;
            }
        }
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }

    private static void Migrate(SqliteConnection connection, string description)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        var tables = (long)check.ExecuteScalar()!;
        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        var sanoo = (long)check.ExecuteScalar()! == 1;
        if (tables > 0 && !sanoo)
        {
            throw new StoreException($"{description} is an SQLite database but not a Sanoo store (it has other tables). Point --db at a new file or a Sanoo store; nothing was changed.");
        }
        var current = 0L;
        if (sanoo)
        {
            check.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)check.ExecuteScalar()!;
        }
        var latest = SchemaScripts.Latest(Backend);
        if (current > latest)
        {
            throw new StoreException(SchemaScripts.TooNew(description, (int)current, latest));
        }
        foreach (var (version, _, sql) in SchemaScripts.For(Backend).Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = sql;
            apply.ExecuteNonQuery();
            apply.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)";
            apply.Parameters.AddWithValue("$v", version);
            apply.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            apply.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static StoreException Damaged(string description, SqliteException e) => e.SqliteErrorCode switch
    {
        26 => new StoreException($"{description} is not a database (SQLite: {e.Message}). It may be damaged or another kind of file; restore it from a backup or point --db elsewhere.", e),
        11 => new StoreException($"{description} is damaged (SQLite: {e.Message}). Stop every Sanoo using it, restore it from a backup, or rebuild it by re-ingesting the protocol files.", e),
        _ => new StoreException($"Cannot use {description}: {e.Message}", e),
    };

    private sealed class Writer(SqliteProtocolStore store, SqliteTransaction transaction) : IStoreWriter
    {
        public IAsyncEnumerable<LogEntry> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
            store.Read(store._writer, afterSequence, withCanonical: false, cancellationToken, transaction);

        public async Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
        {
            await using var insert = store._writer.CreateCommand();
            insert.Transaction = transaction;
            SqliteEntries.PrepareInsert(insert);
            foreach (var entry in entries)
            {
                SqliteEntries.Bind(insert, entry);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
