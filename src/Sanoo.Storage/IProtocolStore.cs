using Sanoo.Storage.Log;

namespace Sanoo.Storage;

/// <summary>Where the next register record goes: its number, and how many protocol log entries there are now.</summary>
/// <param name="Next">The next record's number.</param>
/// <param name="LogSize">Protocol log entries now.</param>
public readonly record struct RegisterSlot(long Next, long LogSize);

/// <summary>The election definition as stored.</summary>
/// <param name="ElectionId">The election's id.</param>
/// <param name="Definition">The definition file's bytes.</param>
public sealed record StoredDefinition(string ElectionId, byte[] Definition);

/// <summary>
/// The durable store: one contract, two backends (SQLite, PostgreSQL). It keeps the election
/// definition, the append-only log of protocol versions, and the register
/// (<see cref="Core.Register.RegisterRecord"/>): the definition's hash, device key enrolments and
/// revocations, operators, hand-count entries (their figures kept privately beside), the
/// commission's acts and witnesses, each a record numbered under the writer lock. Every write happens in a
/// <see cref="WriteAsync{T}"/> session that holds the database's single writer lock, so any
/// number of processes can write and every one sees a gap-free log.
/// </summary>
public interface IProtocolStore : IAsyncDisposable
{
    /// <summary>How the store is named in messages (its address without secrets).</summary>
    string Description { get; }

    /// <summary>The stored definition, or null before first use.</summary>
    Task<StoredDefinition?> ReadDefinitionAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the definition; refuses (with <see cref="StoreException"/>) when one is stored already.</summary>
    Task WriteDefinitionAsync(StoredDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Log entries after <paramref name="afterSequence"/>, in order; canonical bytes only when asked.</summary>
    IAsyncEnumerable<LogEntry> ReadAsync(long afterSequence, bool withCanonical = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="limit"/> log entries after <paramref name="afterSequence"/>, in order, with canonical bytes: a page,
    /// asked of the database as one (a reader left open on the rest of the log would have PostgreSQL's driver read all of it when
    /// closed).
    /// </summary>
    Task<IReadOnlyList<LogEntry>> ReadPageAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every log entry of one station, oldest first, with canonical bytes.</summary>
    Task<IReadOnlyList<LogEntry>> ReadStationAsync(string station, CancellationToken cancellationToken = default);

    /// <summary>The entry with this content hash, or null.</summary>
    Task<LogEntry?> FindAsync(ReadOnlyMemory<byte> contentHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> holding the writer lock, in one transaction that is committed
    /// durably before this returns (or rolled back if <paramref name="work"/> throws).
    /// </summary>
    Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Records a station device's public key; the newest key of a station is the one that counts.</summary>
    Task EnrolDeviceAsync(Access.DeviceKey key, CancellationToken cancellationToken = default) => EnrolDevicesAsync([key], cancellationToken);

    /// <summary>Records many enrolments in one transaction, in order (a rehearsal or a commission enrolling every device at once).</summary>
    Task EnrolDevicesAsync(IReadOnlyList<Access.DeviceKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Every enrolment, oldest first.</summary>
    Task<IReadOnlyList<Access.DeviceKey>> ReadDeviceKeysAsync(CancellationToken cancellationToken = default) =>
        ReadDeviceKeysAsync(0, cancellationToken);

    /// <summary>The enrolments after the first <paramref name="skip"/>, oldest first: a reader that keeps what it saw reads only what is
    /// new.</summary>
    Task<IReadOnlyList<Access.DeviceKey>> ReadDeviceKeysAsync(long skip, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes a station's current device key (lost, stolen, compromised): from the next log entry on nothing it signs is
    /// accepted. Refuses (with <see cref="StoreException"/>) a station with no key. Returns the key revoked.
    /// </summary>
    Task<byte[]> RevokeDeviceAsync(Core.Definitions.AreaId station, string reason, string by, CancellationToken cancellationToken = default);

    /// <summary>Enrols a witness; refuses (with <see cref="StoreException"/>) a name already enrolled.</summary>
    Task<Access.Witness> EnrolWitnessAsync(Access.Witness witness, CancellationToken cancellationToken = default);

    /// <summary>Every witness, oldest first, with the record that revoked it if one did.</summary>
    Task<IReadOnlyList<Access.Witness>> ReadWitnessesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes a witness's enrolment: no cosignature of a head whose register covers this record is accepted or listed, and a
    /// verifier names one as forged. Refuses (with <see cref="StoreException"/>) a name never enrolled or already revoked.
    /// Returns the record.
    /// </summary>
    Task<Core.Register.WitnessRevokedRecord> RevokeWitnessAsync(
        string name, string reason, string by, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what <paramref name="decide"/> makes of the register's records of <paramref name="kinds"/> (read, in register order,
    /// under the writer lock) and the <see cref="RegisterSlot"/> the first new record takes: the records it gives are appended in the
    /// same transaction, so a rule over earlier records (one answer per report, a flood limit) holds even with two servers at once.
    /// </summary>
    Task<T> RecordOverKindsAsync<T>(
        IReadOnlyList<string> kinds,
        Func<IReadOnlyList<Core.Register.RegisterRecord>, RegisterSlot, (IReadOnlyList<Core.Register.RegisterRecord> Records, T Result)> decide,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RecordOverKindsAsync"/>, over the records of one <paramref name="kind"/> about one <paramref name="station"/> only
    /// (read through the register's station index): for rules per station, such as one turnout report per station and time.
    /// </summary>
    Task<T> RecordOverStationAsync<T>(
        string kind,
        string station,
        Func<IReadOnlyList<Core.Register.RegisterRecord>, RegisterSlot, (IReadOnlyList<Core.Register.RegisterRecord> Records, T Result)> decide,
        CancellationToken cancellationToken = default);

    /// <summary>The register's records of one kind, in order, as stored.</summary>
    Task<IReadOnlyList<Register.RegisterRow>> ReadRegisterOfKindAsync(string kind, CancellationToken cancellationToken = default) =>
        ReadRegisterOfKindAsync(kind, long.MaxValue, cancellationToken);

    /// <summary>
    /// The register's records of one kind at places 1 to <paramref name="upTo"/>, in order, as stored: those a tree head of register
    /// size <paramref name="upTo"/> covers, and none recorded after it, even by another server.
    /// </summary>
    Task<IReadOnlyList<Register.RegisterRow>> ReadRegisterOfKindAsync(string kind, long upTo, CancellationToken cancellationToken = default);

    /// <summary>The register's records after <paramref name="afterSequence"/>, in order, as stored.</summary>
    Task<IReadOnlyList<Register.RegisterRow>> ReadRegisterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        ReadRegisterAsync(afterSequence, long.MaxValue, cancellationToken);

    /// <summary>At most <paramref name="limit"/> of the register's records after <paramref name="afterSequence"/>, in order, as stored.</summary>
    Task<IReadOnlyList<Register.RegisterRow>> ReadRegisterAsync(long afterSequence, long limit, CancellationToken cancellationToken = default);

    /// <summary>How many register rows lie at places below 1, where no tree holds them (none in a sound store).</summary>
    Task<long> CountRegisterOutsideAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an operator; refuses (with <see cref="StoreException"/>) a name or token already in use.</summary>
    Task AddOperatorAsync(Access.Operator op, CancellationToken cancellationToken = default);

    /// <summary>Every operator enrolled and not revoked.</summary>
    Task<IReadOnlyList<Access.Operator>> ReadOperatorsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes an operator's (or observer's, or party agent's) enrolment: from this record on their token is refused and nothing
    /// more is recorded in their name (a record acting for a revoked operator is refused under the writer lock, and their earlier
    /// hand entries no longer count towards a match). Refuses (with <see cref="StoreException"/>) a name never enrolled or
    /// already revoked. Returns the record.
    /// </summary>
    Task<Core.Register.OperatorRevokedRecord> RevokeOperatorAsync(
        string name, string reason, string by, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an operator's hand-count entry under the writer lock: <paramref name="decide"/>
    /// sees the earlier entries of the same station, contest, source and version, oldest first,
    /// and says what this one is. Recorded statuses are stored; the entry comes back with its
    /// sequence (0 when not recorded) and status.
    /// </summary>
    Task<Entries.HandEntry> EnterAsync(
        Entries.HandEntry entry,
        Func<IReadOnlyList<Entries.HandEntry>, Core.Entries.EntryStatus> decide,
        CancellationToken cancellationToken = default);

    /// <summary>Every hand-count entry, oldest first; of one station only when <paramref name="station"/> is given.</summary>
    Task<IReadOnlyList<Entries.HandEntry>> ReadEntriesAsync(string? station = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a recount order, numbered, unless one of the same station and contest is still open (no outcome yet): then it
    /// records nothing and comes back with that open order and <c>Recorded</c> false. Decided under the writer lock, so two
    /// servers at once cannot both open one.
    /// </summary>
    Task<(Acts.RecountOrder Order, bool Recorded)> OrderRecountAsync(Acts.RecountOrder order, CancellationToken cancellationToken = default);

    /// <summary>Records a recount's outcome; refuses (with <see cref="StoreException"/>) one for an order that does not exist.</summary>
    Task<Acts.RecountOutcome> RecordRecountOutcomeAsync(Acts.RecountOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>
    /// The recount orders and outcomes at register places 1 to <paramref name="upTo"/>, oldest first: those a tree head of register
    /// size <paramref name="upTo"/> covers. The only way to read them: a reader names the register size of the head it presents.
    /// </summary>
    Task<(IReadOnlyList<Acts.RecountOrder> Orders, IReadOnlyList<Acts.RecountOutcome> Outcomes)> ReadRecountsAsync(
        long upTo, CancellationToken cancellationToken = default);

    /// <summary>Records a certification; comes back with its sequence.</summary>
    Task<Acts.Certification> CertifyAsync(Acts.Certification certification, CancellationToken cancellationToken = default);

    /// <summary>
    /// The certifications at register places 1 to <paramref name="upTo"/>, oldest first: those a tree head of register size
    /// <paramref name="upTo"/> covers. The only way to read them, as <see cref="ReadRecountsAsync"/>.
    /// </summary>
    Task<IReadOnlyList<Acts.Certification>> ReadCertificationsAsync(long upTo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a protocol image, content-addressed (SQLite: a file in a folder beside the database; PostgreSQL: the
    /// <c>protocol_image</c> table); the caller has checked the bytes and their hash. True when written, false when an
    /// image of the same hash was there already (nothing is ever replaced).
    /// </summary>
    Task<bool> PutImageAsync(Images.StoredImage image, CancellationToken cancellationToken = default);

    /// <summary>The image stored under <paramref name="sha256"/>, as stored (an insider may have changed it), or null.</summary>
    Task<Images.StoredImage?> ReadImageAsync(ReadOnlyMemory<byte> sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a checkpoint (docs/storage.md) outside any write session; one of the same position already there is kept instead
    /// (the state at a log position is the same on every server).
    /// </summary>
    Task WriteCheckpointAsync(Checkpoints.StoredCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint of log position <paramref name="position"/>, as stored (anyone may have changed it), or null.</summary>
    Task<Checkpoints.StoredCheckpoint?> ReadCheckpointAsync(long position, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes each time another process may have appended to the log (PostgreSQL: a
    /// notification; SQLite: never, the caller polls). Used by followers to catch up at once.
    /// </summary>
    IAsyncEnumerable<long> ChangesAsync(CancellationToken cancellationToken);
}

/// <summary>What a write session can do, under the writer lock.</summary>
public interface IStoreWriter
{
    /// <summary>Entries appended after <paramref name="afterSequence"/> (by this or another process), in order.</summary>
    IAsyncEnumerable<LogEntry> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>Appends entries; their sequence numbers must continue the log without a gap.</summary>
    Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Register records appended after <paramref name="afterSequence"/> (by this or another process), in order.</summary>
    Task<List<Register.RegisterRow>> RecordsAfterAsync(long afterSequence, CancellationToken cancellationToken = default);
}
