using System.Data.Common;
using System.Runtime.CompilerServices;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;
using Sanoo.Storage.Schema;

namespace Sanoo.Storage.Sql;

/// <summary>
/// The store, written once over ADO.NET for every database it runs on; what differs between
/// them is the <see cref="SqlDialect"/>. Reads open a connection of their own; every write runs
/// in a <see cref="SqlWriter"/> session that holds the database's single writer lock and commits
/// durably before it returns. Database errors come out as <see cref="StoreException"/>s that
/// name the database and say what failed.
/// </summary>
internal sealed class SqlProtocolStore : IProtocolStore
{
    private readonly SqlDialect _dialect;

    private SqlProtocolStore(SqlDialect dialect) => _dialect = dialect;

    /// <inheritdoc />
    public string Description => _dialect.Description;

    /// <summary>Opens the store on <paramref name="dialect"/>'s database, bringing its schema up to date; disposes the dialect on failure.</summary>
    public static async Task<IProtocolStore> OpenAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        try
        {
            await SchemaMigration.RunAsync(dialect, cancellationToken);
            return new SqlProtocolStore(dialect);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            await dialect.DisposeAsync();
            throw dialect.Explain(e, $"Cannot use {dialect.Description}: {e.Message}");
        }
        catch
        {
            await dialect.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredDefinition?> ReadDefinitionAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync(DefinitionRows.Select, DefinitionRows.Read, [], cancellationToken)).SingleOrDefault();

    /// <inheritdoc />
    public Task WriteDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default) =>
        WriteSessionAsync(async (writer, ct) =>
        {
            if (await writer.ElectionIdAsync(ct) is { } id)
            {
                throw new StoreException($"{Description} already holds the definition of election '{id}'.");
            }
            await writer.StoreDefinitionAsync(definition, ct);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<LogEntry> ReadAsync(
        long afterSequence, bool withCanonical = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        try
        {
            connection = await _dialect.OpenReaderAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw CannotRead(e);
        }
        await using (connection)
        {
            var session = new SqlSession(_dialect, connection);
            var sql = ProtocolVersionRows.SelectAfter(withCanonical);
            await using var entries = session.StreamAsync(sql, r => LogEntryColumns.Read(r, withCanonical), [afterSequence], cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await entries.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is DbException or TimeoutException)
                {
                    throw CannotRead(e);
                }
                yield return entries.Current;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LogEntry>> ReadStationAsync(string station, CancellationToken cancellationToken = default) =>
        await QueryAsync(ProtocolVersionRows.SelectOfStation, r => LogEntryColumns.Read(r, true), [station], cancellationToken);

    /// <inheritdoc />
    public async Task<LogEntry?> FindAsync(ReadOnlyMemory<byte> contentHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync(ProtocolVersionRows.SelectByHash, r => LogEntryColumns.Read(r, true), [contentHash.ToArray()], cancellationToken))
        .SingleOrDefault();

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        WriteSessionAsync(work, cancellationToken);

    /// <inheritdoc />
    public Task EnrolDevicesAsync(IReadOnlyList<DeviceKey> keys, CancellationToken cancellationToken = default) =>
        WriteSessionAsync(async (writer, ct) =>
        {
            await writer.EnrolAsync(keys, ct);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceKey>> ReadDeviceKeysAsync(long skip, CancellationToken cancellationToken = default) =>
        await QueryAsync(AccessRows.SelectKeys, AccessRows.ReadKey, [skip], cancellationToken);

    /// <inheritdoc />
    public async Task AddOperatorAsync(Operator op, CancellationToken cancellationToken = default)
    {
        if (OperatorName.Problem(op.Name) is { } problem)
        {
            throw new StoreException(problem);
        }
        try
        {
            await WriteSessionAsync(async (writer, ct) =>
            {
                await writer.AddOperatorAsync(op, ct);
                return true;
            }, cancellationToken);
        }
        catch (StoreException e) when (e.InnerException is DbException db && _dialect.IsUniqueViolation(db))
        {
            throw new StoreException($"An operator named '{op.Name}' already exists in {Description}; choose another name.", e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Operator>> ReadOperatorsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(AccessRows.SelectOperators, AccessRows.ReadOperator, [], cancellationToken);

    /// <inheritdoc />
    public Task<HandEntry> EnterAsync(
        HandEntry entry, Func<IReadOnlyList<HandEntry>, Core.Entries.EntryStatus> decide, CancellationToken cancellationToken = default) =>
        WriteSessionAsync(async (writer, ct) =>
        {
            var status = decide(await writer.EntriesOfVersionAsync(entry, ct));
            var sequence = HandEntry.IsRecorded(status) ? await writer.RecordEntryAsync(entry, status, ct) : 0;
            return entry with { Sequence = sequence, Status = status };
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<HandEntry>> ReadEntriesAsync(string? station = null, CancellationToken cancellationToken = default) =>
        station is null
            ? await QueryAsync(HandEntryRows.SelectAll, HandEntryRows.Read, [], cancellationToken)
            : await QueryAsync(HandEntryRows.SelectOfStation, HandEntryRows.Read, [station], cancellationToken);

    /// <inheritdoc />
    public async Task<RecountOrder> OrderRecountAsync(RecountOrder order, CancellationToken cancellationToken = default) =>
        order with { Sequence = await InsertNumberedAsync(ActRows.InsertOrder, ActRows.Values(order), cancellationToken) };

    /// <inheritdoc />
    public async Task<RecountOutcome> RecordRecountOutcomeAsync(RecountOutcome outcome, CancellationToken cancellationToken = default)
    {
        try
        {
            return outcome with { Sequence = await InsertNumberedAsync(ActRows.InsertOutcome, ActRows.Values(outcome), cancellationToken) };
        }
        catch (StoreException e) when (e.InnerException is DbException db && _dialect.IsMissingReference(db))
        {
            throw new StoreException($"There is no recount order {outcome.Recount} in {Description}.", e);
        }
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<RecountOrder> Orders, IReadOnlyList<RecountOutcome> Outcomes)> ReadRecountsAsync(
        CancellationToken cancellationToken = default) =>
        (await QueryAsync(ActRows.SelectOrders, ActRows.ReadOrder, [], cancellationToken),
         await QueryAsync(ActRows.SelectOutcomes, ActRows.ReadOutcome, [], cancellationToken));

    /// <inheritdoc />
    public async Task<Certification> CertifyAsync(Certification certification, CancellationToken cancellationToken = default) =>
        certification with { Sequence = await InsertNumberedAsync(ActRows.InsertCertification, ActRows.Values(certification), cancellationToken) };

    /// <inheritdoc />
    public async Task<IReadOnlyList<Certification>> ReadCertificationsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(ActRows.SelectCertifications, ActRows.ReadCertification, [], cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<long> ChangesAsync(CancellationToken cancellationToken) => _dialect.ChangesAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in a write session and commits it; a database error is a <see cref="StoreException"/>.</summary>
    private async Task<T> WriteSessionAsync<T>(Func<SqlWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        DbTransaction? transaction = null;
        try
        {
            transaction = await _dialect.BeginWriteAsync(cancellationToken);
            var writer = new SqlWriter(_dialect, transaction);
            var result = await work(writer, cancellationToken);
            await writer.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw new StoreException($"Writing to {Description} failed: {e.Message}", e);
        }
        finally
        {
            if (transaction is not null)
            {
                await _dialect.EndWriteAsync(transaction);
            }
        }
    }

    private Task<long> InsertNumberedAsync(string insert, SqlArg[] values, CancellationToken cancellationToken) =>
        WriteSessionAsync((writer, ct) => writer.InsertNumberedAsync(insert, values, ct), cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, SqlArg[] args, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dialect.OpenReaderAsync(cancellationToken);
            return await new SqlSession(_dialect, connection).QueryAsync(sql, read, args, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw CannotRead(e);
        }
    }

    private StoreException CannotRead(Exception e) => _dialect.Explain(e, $"Cannot read {Description}: {e.Message}");
}
