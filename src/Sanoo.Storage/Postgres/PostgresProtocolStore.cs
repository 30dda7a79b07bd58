using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;
using Sanoo.Storage.Log;
using Sanoo.Storage.Schema;

namespace Sanoo.Storage.Postgres;

/// <summary>
/// The production store: PostgreSQL 15+, shared by any number of Sanoo servers. A write session
/// holds a transaction-scoped advisory lock (one writer at a time across every server), reads
/// what others appended, appends, and sends <c>NOTIFY sanoo_log</c>, delivered on commit, so
/// followers catch up at once; they also poll, so a dropped connection loses nothing.
/// </summary>
public sealed class PostgresProtocolStore : IProtocolStore
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "sanoo_log";

    private const string Backend = "postgres";
    private const long WriterLock = 0x5A4E_4F4F_0001;
    private const string Columns = LogEntryColumns.List;
    private readonly NpgsqlDataSource _source;

    private PostgresProtocolStore(NpgsqlDataSource source, string description)
    {
        _source = source;
        Description = description;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Connects, creating and upgrading the schema as needed.</summary>
    public static async Task<PostgresProtocolStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
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
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await MigrateAsync(connection, description, cancellationToken);
            return new PostgresProtocolStore(source, description);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            await source.DisposeAsync();
            throw new StoreException($"Cannot use {description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<StoredDefinition?> ReadDefinitionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand("SELECT id, definition FROM election");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new StoredDefinition(reader.GetString(0), (byte[])reader.GetValue(1)) : null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public Task WriteDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (writer, ct) =>
        {
            var connection = ((Writer)writer).Connection;
            await using var existing = new NpgsqlCommand("SELECT id FROM election", connection);
            if (await existing.ExecuteScalarAsync(ct) is string id)
            {
                throw new StoreException($"{Description} already holds the definition of election '{id}'.");
            }
            await using var insert = new NpgsqlCommand("INSERT INTO election (id, definition, definition_sha256, stored_at) VALUES ($1, $2, $3, $4)", connection);
            insert.Parameters.AddWithValue(definition.ElectionId);
            insert.Parameters.AddWithValue(definition.Definition);
            insert.Parameters.AddWithValue(System.Security.Cryptography.SHA256.HashData(definition.Definition));
            insert.Parameters.AddWithValue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<LogEntry> ReadAsync(long afterSequence, bool withCanonical = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _source.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
        await using (connection)
        {
            await using var entries = Read(connection, afterSequence, withCanonical, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await entries.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    throw new StoreException($"Reading {Description} failed: {e.Message}", e);
                }
                yield return entries.Current;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LogEntry>> ReadStationAsync(string station, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand($"SELECT {Columns}, canonical FROM protocol_version WHERE station = $1 ORDER BY seq");
            command.Parameters.AddWithValue(station);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<LogEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(LogEntryColumns.Read(reader, true));
            }
            return entries;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<LogEntry?> FindAsync(ReadOnlyMemory<byte> contentHash, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand($"SELECT {Columns}, canonical FROM protocol_version WHERE content_sha256 = $1");
            command.Parameters.AddWithValue(contentHash.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? LogEntryColumns.Read(reader, true) : null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriterLock})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }
            var writer = new Writer(connection, transaction);
            var result = await work(writer, cancellationToken);
            if (writer.LastAppended is { } last)
            {
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', $1)", connection, transaction);
                notify.Parameters.AddWithValue(last.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            throw new StoreException($"Writing to {Description} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public Task EnrolDevicesAsync(IReadOnlyList<Access.DeviceKey> keys, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (writer, ct) =>
        {
            foreach (var key in keys)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO device_key (seq, station, public_key, enrolled_at, enrolled_by) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM device_key), $1, $2, $3, $4)", ((Writer)writer).Connection);
                insert.Parameters.AddWithValue(key.Station.Value);
                insert.Parameters.AddWithValue(key.PublicKey);
                insert.Parameters.AddWithValue(key.EnrolledAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue(key.EnrolledBy);
                await insert.ExecuteNonQueryAsync(ct);
            }
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Access.DeviceKey>> ReadDeviceKeysAsync(long skip, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand("SELECT station, public_key, enrolled_at, enrolled_by FROM device_key WHERE seq > $1 ORDER BY seq");
            command.Parameters.AddWithValue(skip);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keys = new List<Access.DeviceKey>();
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(new Access.DeviceKey(new Core.Definitions.AreaId(reader.GetString(0)), (byte[])reader.GetValue(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3)));
            }
            return keys;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task AddOperatorAsync(Access.Operator op, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync<bool>(async (writer, ct) =>
            {
                await using var insert = new NpgsqlCommand("INSERT INTO operator (seq, name, role, district, token_sha256, created_at) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM operator), $1, $2, $3, $4, $5)", ((Writer)writer).Connection);
                insert.Parameters.AddWithValue(op.Name);
                insert.Parameters.AddWithValue(op.Role == Access.OperatorRole.Admin ? "admin" : "district");
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)op.District?.Value ?? DBNull.Value,
                    NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                insert.Parameters.AddWithValue(op.TokenHash);
                insert.Parameters.AddWithValue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (StoreException e) when (e.InnerException is PostgresException { SqlState: "23505" })
        {
            throw new StoreException($"An operator named '{op.Name}' already exists in {Description}; choose another name.", e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Access.Operator>> ReadOperatorsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand("SELECT name, role, district, token_sha256 FROM operator ORDER BY seq");
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
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot read {Description}: {e.Message}", e);
        }
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
        catch (StoreException e) when (e.InnerException is PostgresException { SqlState: "23503" })
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
        WriteAsync(async (writer, ct) =>
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {table} (seq, {columns}) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}), {string.Join(", ", values.Select((_, i) => $"${i + 1}"))}) RETURNING seq", ((Writer)writer).Connection);
            foreach (var value in values)
            {
                insert.Parameters.AddWithValue(value);
            }
            return (long)(await insert.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _source.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"Reading {Description} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public Task<Entries.HandEntry> EnterAsync(Entries.HandEntry entry, Func<IReadOnlyList<Entries.HandEntry>, Core.Entries.EntryStatus> decide, CancellationToken cancellationToken = default) =>
        WriteAsync(async (writer, ct) =>
        {
            var connection = ((Writer)writer).Connection;
            await using var select = new NpgsqlCommand($"{SelectEntries} WHERE station = $1 AND contest = $2 AND source = $3 AND version = $4 ORDER BY seq", connection);
            select.Parameters.AddWithValue(entry.Station.Value);
            select.Parameters.AddWithValue(entry.Contest.Value);
            select.Parameters.AddWithValue(entry.Source.Value);
            select.Parameters.AddWithValue(entry.Version);
            var earlier = await ReadEntries(select, ct);
            var status = decide(earlier);
            if (!Entries.HandEntry.IsRecorded(status))
            {
                return entry with { Sequence = 0, Status = status };
            }
            await using var insert = new NpgsqlCommand("INSERT INTO hand_entry (seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM hand_entry), $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq", connection);
            insert.Parameters.AddWithValue(entry.Station.Value);
            insert.Parameters.AddWithValue(entry.Contest.Value);
            insert.Parameters.AddWithValue(entry.Source.Value);
            insert.Parameters.AddWithValue(entry.Version);
            insert.Parameters.AddWithValue(entry.Operator);
            insert.Parameters.AddWithValue(entry.Canonical.ToArray());
            insert.Parameters.AddWithValue(entry.ContentHash);
            insert.Parameters.AddWithValue(entry.EnteredAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue(Entries.HandEntry.StatusText(status));
            var sequence = (long)(await insert.ExecuteScalarAsync(ct))!;
            return entry with { Sequence = sequence, Status = status };
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Entries.HandEntry>> ReadEntriesAsync(string? station = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _source.CreateCommand(station is null ? $"{SelectEntries} ORDER BY seq" : $"{SelectEntries} WHERE station = $1 ORDER BY seq");
            if (station is not null)
            {
                command.Parameters.AddWithValue(station);
            }
            return await ReadEntries(command, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"Reading {Description} failed: {e.Message}", e);
        }
    }

    private const string SelectEntries = "SELECT seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status FROM hand_entry";

    private static async Task<List<Entries.HandEntry>> ReadEntries(NpgsqlCommand command, CancellationToken cancellationToken)
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
    public async IAsyncEnumerable<long> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = System.Threading.Channels.Channel.CreateUnbounded<long>();
        var listening = ListenAsync(changes.Writer, cancellationToken);
        await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            yield return change;
        }
        await listening;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _source.DisposeAsync();

    private async Task ListenAsync(ChannelWriter<long> changes, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => changes.TryWrite(long.TryParse(e.Payload, out var seq) ? seq : 0);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                changes.TryWrite(0); // (re)connected: whatever was missed is caught up by sequence
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException or IOException)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        changes.TryComplete();
    }

    private static async IAsyncEnumerable<LogEntry> Read(NpgsqlConnection connection, long afterSequence, bool withCanonical, [EnumeratorCancellation] CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns}{(withCanonical ? ", canonical" : "")} FROM protocol_version WHERE seq > $1 ORDER BY seq", connection, transaction);
        command.Parameters.AddWithValue(afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return LogEntryColumns.Read(reader, withCanonical);
        }
    }

    private static async Task MigrateAsync(NpgsqlConnection connection, string description, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriterLock})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var check = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction);
        var current = 0;
        if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
        {
            check.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (int)(await check.ExecuteScalarAsync(cancellationToken))!;
        }
        else
        {
            check.CommandText = "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()";
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new StoreException($"{description} has tables but is not a Sanoo store. Use an empty database; nothing was changed.");
            }
        }
        var latest = SchemaScripts.Latest(Backend);
        if (current > latest)
        {
            throw new StoreException(SchemaScripts.TooNew(description, current, latest));
        }
        foreach (var (version, _, sql) in SchemaScripts.For(Backend).Where(s => s.Version > current))
        {
            await using var apply = new NpgsqlCommand(sql, connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)", connection, transaction);
            record.Parameters.AddWithValue(version);
            record.Parameters.AddWithValue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction) : IStoreWriter
    {
        public NpgsqlConnection Connection => connection;

        public long? LastAppended { get; private set; }

        public IAsyncEnumerable<LogEntry> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
            Read(connection, afterSequence, false, cancellationToken, transaction);

        public async Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
        {
            if (entries.Count == 0)
            {
                return;
            }
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var e in entries)
            {
                var command = new NpgsqlBatchCommand(
                    "INSERT INTO protocol_version (seq, station, contest, source, version, outcome, content_sha256, canonical, figures, correction_reason, correction_author, sender, received_at, violations, device_signature) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
                command.Parameters.Add(new NpgsqlParameter<long>() { TypedValue = e.Sequence });
                command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = e.Station.Value });
                command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = e.Contest.Value });
                command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = e.Source.Value });
                command.Parameters.Add(new NpgsqlParameter<int>() { TypedValue = e.Version });
                command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = OutcomeText.Of(e.Outcome) });
                command.Parameters.Add(new NpgsqlParameter<byte[]>() { TypedValue = e.ContentHash.ToArray() });
                command.Parameters.Add(new NpgsqlParameter<byte[]>() { TypedValue = e.Canonical.ToArray() });
                command.Parameters.Add(new NpgsqlParameter<byte[]>() { TypedValue = Figures.Encode(e.Figures.AsSpan(), []) });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.CorrectionReason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.CorrectionAuthor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = e.Sender });
                command.Parameters.Add(new NpgsqlParameter<long>() { TypedValue = e.ReceivedAt.ToUnixTimeMilliseconds() });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Violations ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = e.Signature.IsDefaultOrEmpty ? DBNull.Value : e.Signature.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            LastAppended = entries[^1].Sequence;
        }
    }
}
