using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Sanoo.Core.Register;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;
using Sanoo.Storage.Register;
using Sanoo.Storage.Schema;

namespace Sanoo.Storage.Sql;

/// <summary>
/// The store, written once over ADO.NET for every database it runs on; what differs between
/// them is the <see cref="SqlDialect"/>. Reads open a connection of their own; every write runs
/// in a <see cref="SqlWriter"/> session that holds the database's single writer lock and commits
/// durably before it returns. Database errors come out as <see cref="StoreException"/>s that
/// name the database and say what failed.
/// </summary>
internal sealed partial class SqlProtocolStore : IProtocolStore
{
    private readonly SqlDialect _dialect;

    private readonly Images.ImageFolder? _images;

    private SqlProtocolStore(SqlDialect dialect)
    {
        _dialect = dialect;
        _images = dialect is Sqlite.SqliteDialect sqlite ? new Images.ImageFolder(sqlite.FilePath + ".images") : null;
    }

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
            var place = await writer.RegisterPlaceAsync(ct);
            var sha256 = System.Security.Cryptography.SHA256.HashData(definition.Definition);
            await writer.AppendRecordsAsync(
                [new DefinitionRecord(place.Next, place.LogSize, DateTimeOffset.UtcNow, "sanoo", definition.ElectionId, [.. sha256])], ct);
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
            await using var entries = (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
                    ? Sqlite.SqliteLogRows.Read(sqlite, sql, afterSequence, withCanonical).ToAsyncEnumerable()
                    : session.StreamAsync(sql, r => LogEntryColumns.Read(r, withCanonical), [afterSequence], cancellationToken))
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
    public async Task<IReadOnlyList<LogEntry>> ReadPageAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync(ProtocolVersionRows.SelectPage, r => LogEntryColumns.Read(r, true), [afterSequence, (long)limit], cancellationToken);

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
        keys.FirstOrDefault(k => k.PublicKey.Length != 32) is { } bad
            ? throw new StoreException(
                $"Enrolling station {bad.Station}'s device failed: its public key is {bad.PublicKey.Length} bytes; an Ed25519 key has 32.")
            : RecordAsync((_, place, _) => Task.FromResult<(IReadOnlyList<RegisterRecord>, bool)>(
            ([.. keys.Select((k, i) =>
                new DeviceKeyRecord(place.Next + i, place.LogSize, k.EnrolledAt, k.EnrolledBy, k.Station.Value, [.. k.PublicKey]))],
             true)), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceKey>> ReadDeviceKeysAsync(long skip, CancellationToken cancellationToken = default) =>
        [.. (await RecordsAsync<DeviceKeyRecord>(DeviceKeyRecord.Word, cancellationToken)).Skip((int)Math.Min(skip, int.MaxValue))
            .Select(k => new DeviceKey(new Core.Definitions.AreaId(k.StationId), [.. k.PublicKey], k.At, k.By))];

    /// <inheritdoc />
    public Task<byte[]> RevokeDeviceAsync(Core.Definitions.AreaId station, string reason, string by, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            byte[]? current = null;
            foreach (var row in await writer.StationRecordsAsync(station.Value, ct))
            {
                // The record's own bytes say whose key it is; the station column only finds the rows.
                current = row.Kind switch
                {
                    DeviceKeyRecord.Word when RegisterRows.Decode<DeviceKeyRecord>(row) is { } key && key.StationId == station.Value =>
                        [.. key.PublicKey],
                    DeviceKeyRevokedRecord.Word when RegisterRows.Decode<DeviceKeyRevokedRecord>(row).StationId == station.Value => null,
                    _ => current,
                };
            }
            if (current is null)
            {
                throw new StoreException($"Station {station} has no enrolled device key to revoke in {Description}.");
            }
            var revoked = new DeviceKeyRevokedRecord(place.Next, place.LogSize, DateTimeOffset.UtcNow, by, station.Value, [.. current], reason);
            return ((IReadOnlyList<RegisterRecord>)[revoked], current);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task AddOperatorAsync(Operator op, CancellationToken cancellationToken = default)
    {
        if (OperatorName.Problem(op.Name) is { } problem)
        {
            throw new StoreException(problem);
        }
        await RecordAsync(async (writer, place, ct) =>
        {
            foreach (var known in await writer.RecordsAsync<OperatorRecord>(OperatorRecord.Word, ct))
            {
                if (known.Name == op.Name)
                {
                    throw new StoreException($"An operator named '{op.Name}' already exists in {Description}; choose another name.");
                }
                if (known.TokenSha256.AsSpan().SequenceEqual(op.TokenHash))
                {
                    throw new StoreException($"Operator '{known.Name}' in {Description} already has this token; issue a new one.");
                }
            }
            var record = new OperatorRecord(
                place.Next, place.LogSize, DateTimeOffset.UtcNow, "commission", op.Name, OperatorRecords.Text(op.Role), op.District?.Value,
                [.. op.TokenHash], op.Party);
            return ((IReadOnlyList<RegisterRecord>)[record], true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Operator>> ReadOperatorsAsync(CancellationToken cancellationToken = default)
    {
        var revoked = (await RecordsAsync<OperatorRevokedRecord>(OperatorRevokedRecord.Word, cancellationToken))
            .Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return [.. (await RecordsAsync<OperatorRecord>(OperatorRecord.Word, cancellationToken))
            .Where(r => !revoked.Contains(r.Name)).Select(OperatorRecords.Of)];
    }

    /// <inheritdoc />
    public Task<OperatorRevokedRecord> RevokeOperatorAsync(string name, string reason, string by, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var enrolled = (await writer.RecordsAsync<OperatorRecord>(OperatorRecord.Word, ct)).FirstOrDefault(o => o.Name == name)
                ?? throw new StoreException($"No operator named '{name}' is enrolled in {Description}.");
            if (await RevocationOfAsync(writer, name, ct) is { } earlier)
            {
                throw new StoreException($"Operator '{name}' was already revoked by register record {earlier.Sequence} in {Description}.");
            }
            var record = new OperatorRevokedRecord(place.Next, place.LogSize, DateTimeOffset.UtcNow, by, name, enrolled.TokenSha256, reason);
            return ((IReadOnlyList<RegisterRecord>)[record], record);
        }, cancellationToken);

    /// <summary>The record that revoked operator <paramref name="name"/>, or null while they are not revoked.</summary>
    private static async Task<OperatorRevokedRecord?> RevocationOfAsync(SqlWriter writer, string name, CancellationToken cancellationToken) =>
        (await writer.RecordsAsync<OperatorRevokedRecord>(OperatorRevokedRecord.Word, cancellationToken)).FirstOrDefault(r => r.Name == name);

    /// <inheritdoc />
    public async Task<Witness> EnrolWitnessAsync(Witness witness, CancellationToken cancellationToken = default)
    {
        if (OperatorName.Problem(witness.Name) is { } problem)
        {
            throw new StoreException(problem.Replace("An operator's name", "A witness's name", StringComparison.Ordinal));
        }
        return await RecordAsync(async (writer, place, ct) =>
        {
            if ((await writer.RecordsAsync<WitnessRecord>(WitnessRecord.Word, ct)).Any(w => w.Name == witness.Name))
            {
                throw new StoreException($"A witness named '{witness.Name}' is already enrolled in {Description}.");
            }
            var record = new WitnessRecord(place.Next, place.LogSize, witness.EnrolledAt, witness.EnrolledBy, witness.Name, [.. witness.PublicKey]);
            return ((IReadOnlyList<RegisterRecord>)[record], witness);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Witness>> ReadWitnessesAsync(CancellationToken cancellationToken = default)
    {
        var revoked = (await RecordsAsync<WitnessRevokedRecord>(WitnessRevokedRecord.Word, cancellationToken))
            .GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sequence, StringComparer.Ordinal);
        return [.. (await RecordsAsync<WitnessRecord>(WitnessRecord.Word, cancellationToken))
            .Select(w => new Witness(w.Name, [.. w.PublicKey], w.At, w.By) { RevokedBy = revoked.TryGetValue(w.Name, out var r) ? r : null })];
    }

    /// <inheritdoc />
    public Task<WitnessRevokedRecord> RevokeWitnessAsync(string name, string reason, string by, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var enrolled = (await writer.RecordsAsync<WitnessRecord>(WitnessRecord.Word, ct)).FirstOrDefault(w => w.Name == name)
                ?? throw new StoreException($"No witness named '{name}' is enrolled in {Description}.");
            if ((await writer.RecordsAsync<WitnessRevokedRecord>(WitnessRevokedRecord.Word, ct)).FirstOrDefault(r => r.Name == name)
                is { } earlier)
            {
                throw new StoreException($"Witness '{name}' was already revoked by register record {earlier.Sequence} in {Description}.");
            }
            var record = new WitnessRevokedRecord(place.Next, place.LogSize, DateTimeOffset.UtcNow, by, name, enrolled.PublicKey, reason);
            return ((IReadOnlyList<RegisterRecord>)[record], record);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<HandEntry> EnterAsync(
        HandEntry entry, Func<IReadOnlyList<HandEntry>, Core.Entries.EntryStatus> decide, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            // A revoked operator's earlier entries no longer count towards a match: a pair needs two operators enrolled now.
            var revoked = (await writer.RecordsAsync<OperatorRevokedRecord>(OperatorRevokedRecord.Word, ct))
                .Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            List<HandEntry> earlier = [.. (await writer.EntriesOfVersionAsync(entry, ct)).Where(e => !revoked.Contains(e.Operator))];
            var status = decide(earlier);
            if (!HandEntry.IsRecorded(status))
            {
                return ((IReadOnlyList<RegisterRecord>)[], entry with { Sequence = 0, Status = status });
            }
            var salted = entry with { Status = status, Salt = [.. System.Security.Cryptography.RandomNumberGenerator.GetBytes(Opening.SaltLength)] };
            var recorded = salted with { Sequence = await writer.RecordEntryAsync(salted, status, ct) };
            ImmutableArray<Opening> opens = [];
            ImmutableArray<byte>? content = null;
            if (status == Core.Entries.EntryStatus.Matched)
            {
                // The figures are about to be public: open this entry's commitment and the one it matched.
                var partner = earlier.Last(e => e.ContentHash == entry.ContentHash && e.Operator != entry.Operator);
                opens = [new Opening(partner.Sequence, partner.Salt), new Opening(recorded.Sequence, recorded.Salt)];
                content = [.. Convert.FromHexString(entry.ContentHash)];
            }
            var record = new HandEntryRecord(
                place.Next, place.LogSize, entry.EnteredAt, entry.Operator, recorded.Sequence, entry.Station.Value, entry.Contest.Value,
                entry.Source.Value, entry.Version, HandEntry.StatusText(status), [.. recorded.Commitment()], opens, content);
            return ((IReadOnlyList<RegisterRecord>)[record], recorded);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<HandEntry>> ReadEntriesAsync(string? station = null, CancellationToken cancellationToken = default) =>
        station is null
            ? await QueryAsync(HandEntryRows.SelectAll, HandEntryRows.Read, [], cancellationToken)
            : await QueryAsync(HandEntryRows.SelectOfStation, HandEntryRows.Read, [station], cancellationToken);

    /// <inheritdoc />
    public Task<(RecountOrder Order, bool Recorded)> OrderRecountAsync(RecountOrder order, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var orders = await writer.RecordsAsync<RecountOrderRecord>(RecountOrderRecord.Word, ct);
            var answered = (await writer.RecordsAsync<RecountOutcomeRecord>(RecountOutcomeRecord.Word, ct)).Select(o => o.Recount).ToHashSet();
            if (orders.FirstOrDefault(o => o.StationId == order.Station.Value && o.Contest == order.Contest.Value && !answered.Contains(o.Number))
                is { } open)
            {
                return ((IReadOnlyList<RegisterRecord>)[], (ActRecords.Order(open), false));
            }
            var record = new RecountOrderRecord(
                place.Next, place.LogSize, order.OrderedAt, order.OrderedBy, orders.Count + 1, order.Station.Value, order.Contest.Value,
                order.Reason, order.Translations);
            return ((IReadOnlyList<RegisterRecord>)[record], (ActRecords.Order(record), true));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<RecountOutcome> RecordRecountOutcomeAsync(RecountOutcome outcome, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            if (!(await writer.RecordsAsync<RecountOrderRecord>(RecountOrderRecord.Word, ct)).Any(o => o.Number == outcome.Recount))
            {
                throw new StoreException($"There is no recount order {outcome.Recount} in {Description}.");
            }
            var number = (await writer.RecordsAsync<RecountOutcomeRecord>(RecountOutcomeRecord.Word, ct)).Count + 1;
            var record = new RecountOutcomeRecord(
                place.Next, place.LogSize, outcome.RecordedAt, outcome.RecordedBy, number, outcome.Recount, outcome.Outcome,
                outcome.Translations);
            return ((IReadOnlyList<RegisterRecord>)[record], ActRecords.Outcome(record));
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<(IReadOnlyList<RecountOrder> Orders, IReadOnlyList<RecountOutcome> Outcomes)> ReadRecountsAsync(
        long upTo, CancellationToken cancellationToken = default) =>
        ([.. (await RecordsAsync<RecountOrderRecord>(RecountOrderRecord.Word, upTo, cancellationToken)).Select(ActRecords.Order)],
         [.. (await RecordsAsync<RecountOutcomeRecord>(RecountOutcomeRecord.Word, upTo, cancellationToken)).Select(ActRecords.Outcome)]);

    /// <inheritdoc />
    public Task<Certification> CertifyAsync(Certification certification, CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var number = (await writer.RecordsAsync<CertificationRecord>(CertificationRecord.Word, ct)).Count + 1;
            var record = new CertificationRecord(
                place.Next, place.LogSize, certification.CertifiedAt, certification.CertifiedBy, number, certification.Position,
                certification.Statement, certification.Translations);
            return ((IReadOnlyList<RegisterRecord>)[record], ActRecords.Certification(record));
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Certification>> ReadCertificationsAsync(long upTo, CancellationToken cancellationToken = default) =>
        [.. (await RecordsAsync<CertificationRecord>(CertificationRecord.Word, upTo, cancellationToken)).Select(ActRecords.Certification)];

    /// <inheritdoc />
    public Task<T> RecordOverKindsAsync<T>(
        IReadOnlyList<string> kinds, Func<IReadOnlyList<RegisterRecord>, RegisterSlot, (IReadOnlyList<RegisterRecord> Records, T Result)> decide,
        CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var earlier = new List<RegisterRecord>();
            foreach (var kind in kinds)
            {
                earlier.AddRange(await writer.RecordsAsync<RegisterRecord>(kind, ct));
            }
            earlier.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return decide(earlier, new RegisterSlot(place.Next, place.LogSize));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<T> RecordOverStationAsync<T>(
        string kind, string station, Func<IReadOnlyList<RegisterRecord>, RegisterSlot, (IReadOnlyList<RegisterRecord> Records, T Result)> decide,
        CancellationToken cancellationToken = default) =>
        RecordAsync(async (writer, place, ct) =>
        {
            var earlier = (await writer.StationRecordsAsync(station, ct)).Where(r => r.Kind == kind)
                .Select(RegisterRows.Decode<RegisterRecord>).ToList();
            return decide(earlier, new RegisterSlot(place.Next, place.LogSize));
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegisterRow>> ReadRegisterOfKindAsync(string kind, long upTo, CancellationToken cancellationToken = default) =>
        await QueryAsync(RegisterRows.SelectOfKind, RegisterRows.Read, [kind, upTo], cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegisterRow>> ReadRegisterAsync(long afterSequence, long limit, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dialect.OpenReaderAsync(cancellationToken);
            return connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
                ? Sqlite.SqliteRegisterRows.Read(sqlite, RegisterRows.SelectAfter, afterSequence, limit)
                : await new SqlSession(_dialect, connection).QueryAsync(
                    RegisterRows.SelectAfter, RegisterRows.Read, [afterSequence, limit], cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw CannotRead(e);
        }
    }

    /// <inheritdoc />
    public async Task<long> CountRegisterOutsideAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync(RegisterRows.CountOutside, r => r.GetInt64(0), [], cancellationToken)).Single();

    /// <inheritdoc />
    public async Task<bool> PutImageAsync(Images.StoredImage image, CancellationToken cancellationToken = default)
    {
        if (_images is not null)
        {
            return await _images.PutAsync(image, cancellationToken);
        }
        try
        {
            await using var connection = await _dialect.OpenReaderAsync(cancellationToken);
            return await new SqlSession(_dialect, connection).ExecuteAsync(
                ImageRows.Insert, [image.Sha256, image.MediaType, image.Bytes], cancellationToken) > 0;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw new StoreException($"Writing to {Description} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<Images.StoredImage?> ReadImageAsync(ReadOnlyMemory<byte> sha256, CancellationToken cancellationToken = default) =>
        _images is not null
            ? await _images.ReadAsync(sha256, cancellationToken)
            : (await QueryAsync(ImageRows.Select, ImageRows.Read, [sha256.ToArray()], cancellationToken)).SingleOrDefault();

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

    /// <summary>
    /// Runs <paramref name="work"/> in a write session with the place of the next register record, and appends the records it
    /// gives (numbered from that place) in the same transaction; refuses the lot when one is an act of an operator whose enrolment
    /// was revoked (<see cref="RegisterRecord.ActingOperator"/>), so a server that has not yet seen the revocation records nothing
    /// in their name.
    /// </summary>
    private Task<T> RecordAsync<T>(
        Func<SqlWriter, RegisterPlace, CancellationToken, Task<(IReadOnlyList<RegisterRecord> Records, T Result)>> work,
        CancellationToken cancellationToken) =>
        WriteSessionAsync(async (writer, ct) =>
        {
            var (records, result) = await work(writer, await writer.RegisterPlaceAsync(ct), ct);
            foreach (var name in records.Select(r => r.ActingOperator).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (await RevocationOfAsync(writer, name, ct) is { } revoked)
                {
                    throw new OperatorRevokedException(name, revoked.Sequence);
                }
            }
            await writer.AppendRecordsAsync(records, ct);
            return result;
        }, cancellationToken);

    private Task<List<T>> RecordsAsync<T>(string kind, CancellationToken cancellationToken)
        where T : RegisterRecord =>
        RecordsAsync<T>(kind, long.MaxValue, cancellationToken);

    private async Task<List<T>> RecordsAsync<T>(string kind, long upTo, CancellationToken cancellationToken)
        where T : RegisterRecord =>
        [.. (await ReadRegisterOfKindAsync(kind, upTo, cancellationToken)).Select(RegisterRows.Decode<T>)];

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
