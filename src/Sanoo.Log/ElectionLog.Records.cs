using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;
using Sanoo.Storage.Register;

namespace Sanoo.Log;

/// <summary>
/// What the server reads from the store and the commission's records it writes there: the log's
/// entries, who may write (device keys, operators), hand-count entries and the commission's acts.
/// Entries are read as committed; none is ever changed.
/// </summary>
public sealed partial class ElectionLog
{
    /// <summary>Log entries after <paramref name="afterSequence"/>, in order; canonical bytes only when asked.</summary>
    public IAsyncEnumerable<LogEntry> EntriesAsync(long afterSequence, bool withCanonical, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(afterSequence, withCanonical, cancellationToken);

    /// <summary>At most <paramref name="limit"/> log entries after <paramref name="afterSequence"/>, in order, with canonical bytes.</summary>
    public Task<IReadOnlyList<LogEntry>> EntriesPageAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        _store.ReadPageAsync(afterSequence, limit, cancellationToken);

    /// <summary>Every log entry of one station, oldest first, with canonical bytes.</summary>
    public Task<IReadOnlyList<LogEntry>> StationEntriesAsync(AreaId station, CancellationToken cancellationToken = default) =>
        _store.ReadStationAsync(station.Value, cancellationToken);

    /// <summary>The device enrolments after the first <paramref name="skip"/>, oldest first.</summary>
    public Task<IReadOnlyList<DeviceKey>> DeviceKeysAsync(long skip = 0, CancellationToken cancellationToken = default) =>
        _store.ReadDeviceKeysAsync(skip, cancellationToken);

    /// <summary>Every operator enrolled and not revoked.</summary>
    public Task<IReadOnlyList<Operator>> OperatorsAsync(CancellationToken cancellationToken = default) =>
        _store.ReadOperatorsAsync(cancellationToken);

    /// <summary>
    /// Revokes an operator's (observer's, party agent's) enrolment: from this record on the server refuses their token and records
    /// nothing in their name. Returns the record.
    /// </summary>
    public Task<Core.Register.OperatorRevokedRecord> RevokeOperatorAsync(
        string name, string reason, string by, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RevokeOperatorAsync(name, reason, by, cancellationToken), cancellationToken);

    /// <summary>
    /// Records an operator's hand-count entry under the writer lock: <paramref name="decide"/> sees
    /// the earlier entries of the same protocol version, oldest first, and says what this one is.
    /// </summary>
    public Task<HandEntry> EnterAsync(
        HandEntry entry, Func<IReadOnlyList<HandEntry>, EntryStatus> decide, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.EnterAsync(entry, decide, cancellationToken), cancellationToken);

    /// <summary>Every hand-count entry, oldest first; of one station only when <paramref name="station"/> is given.</summary>
    public Task<IReadOnlyList<HandEntry>> HandEntriesAsync(AreaId? station, CancellationToken cancellationToken = default) =>
        _store.ReadEntriesAsync(station?.Value, cancellationToken);

    /// <summary>
    /// Records a recount order unless one of the same station and contest is still open (no outcome recorded for it yet):
    /// then records nothing and comes back with that open order and <c>Recorded</c> false. Decided under the store's writer
    /// lock, so two requests at once, even to two servers, cannot both open one.
    /// </summary>
    public async Task<(RecountOrder Order, bool Recorded)> OrderRecountUnlessOpenAsync(
        RecountOrder order, CancellationToken cancellationToken = default) =>
        await AfterRecordingAsync(_store.OrderRecountAsync(order, cancellationToken), cancellationToken);

    /// <summary>Revokes a station's device key; from the next entry on nothing it signed is taken. Returns the key revoked.</summary>
    public Task<byte[]> RevokeDeviceAsync(AreaId station, string reason, string by, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RevokeDeviceAsync(station, reason, by, cancellationToken), cancellationToken);

    /// <summary>Enrols a witness whose cosignatures the server accepts.</summary>
    public Task<Witness> EnrolWitnessAsync(Witness witness, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.EnrolWitnessAsync(witness, cancellationToken), cancellationToken);

    /// <summary>
    /// Revokes a witness's enrolment: no cosignature of a head whose register covers this record is accepted or listed. Returns the
    /// record.
    /// </summary>
    public Task<Core.Register.WitnessRevokedRecord> RevokeWitnessAsync(
        string name, string reason, string by, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RevokeWitnessAsync(name, reason, by, cancellationToken), cancellationToken);

    /// <summary>
    /// The register record that revoked witness <paramref name="name"/>, as the log has read the register (at each write and as it
    /// follows the store), or null while it is not revoked.
    /// </summary>
    public long? WitnessRevokedBy(string name) => _state.Register.WitnessRevokedBy(name);

    /// <summary>How many witnesses the register read so far revoked.</summary>
    public int WitnessesRevoked => _state.Register.WitnessesRevoked;

    /// <summary>Every witness enrolled, oldest first, with the record that revoked it if one did.</summary>
    public Task<IReadOnlyList<Witness>> WitnessesAsync(CancellationToken cancellationToken = default) =>
        _store.ReadWitnessesAsync(cancellationToken);

    /// <summary>Every device key revocation, oldest first.</summary>
    public async Task<IReadOnlyList<Core.Register.DeviceKeyRevokedRecord>> RevocationsAsync(CancellationToken cancellationToken = default) =>
        [.. (await _store.ReadRegisterOfKindAsync(Core.Register.DeviceKeyRevokedRecord.Word, cancellationToken))
            .Select(row => (Core.Register.DeviceKeyRevokedRecord)Core.Register.RegisterRecord.Decode(row.Record.AsSpan()))];

    /// <summary>The register's records of one kind, in order, as stored (the kind column read as an index).</summary>
    public Task<IReadOnlyList<RegisterRow>> RegisterOfKindAsync(string kind, CancellationToken cancellationToken = default) =>
        _store.ReadRegisterOfKindAsync(kind, cancellationToken);

    /// <summary>The register's records after <paramref name="afterSequence"/>, as stored, in order.</summary>
    public Task<IReadOnlyList<RegisterRow>> RegisterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        _store.ReadRegisterAsync(afterSequence, cancellationToken);

    /// <summary>At most <paramref name="limit"/> of the register's records after <paramref name="afterSequence"/>, as stored, in order.</summary>
    public Task<IReadOnlyList<RegisterRow>> RegisterAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        _store.ReadRegisterAsync(afterSequence, limit, cancellationToken);

    /// <summary>Records a recount's outcome; refuses (with <see cref="Storage.StoreException"/>) one for an order that does not exist.</summary>
    public Task<RecountOutcome> RecordRecountOutcomeAsync(RecountOutcome outcome, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordRecountOutcomeAsync(outcome, cancellationToken), cancellationToken);

    /// <summary>
    /// The recount orders and outcomes among the register's first <paramref name="registerSize"/> records, oldest first: the register
    /// size of the tree head or snapshot the caller presents (<see cref="Roots.RegisterSize"/>), or <see cref="RegisterSize"/> to check
    /// a request against the register as this server has read it.
    /// </summary>
    public Task<(IReadOnlyList<RecountOrder> Orders, IReadOnlyList<RecountOutcome> Outcomes)> RecountsAsync(
        long registerSize, CancellationToken cancellationToken = default) =>
        _store.ReadRecountsAsync(registerSize, cancellationToken);

    /// <summary>Records a certification; comes back with its sequence.</summary>
    public Task<Certification> CertifyAsync(Certification certification, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.CertifyAsync(certification, cancellationToken), cancellationToken);

    /// <summary>
    /// Waits for a record to be written, then reads it into the register's tree, so the next tree head covers it. The record is
    /// committed once written: if the store cannot be read back just then, the follower reads it a moment later.
    /// </summary>
    private async Task<T> AfterRecordingAsync<T>(Task<T> recording, CancellationToken cancellationToken)
    {
        var result = await recording;
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (Storage.StoreException)
        {
            // committed; FollowAsync catches up when the store answers again
        }
        return result;
    }

    /// <summary>
    /// The certifications among the register's first <paramref name="registerSize"/> records, oldest first; the size chosen as for
    /// <see cref="RecountsAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<Certification>> CertificationsAsync(long registerSize, CancellationToken cancellationToken = default) =>
        _store.ReadCertificationsAsync(registerSize, cancellationToken);

    /// <summary>
    /// The records of <paramref name="kinds"/> among the register's first <paramref name="registerSize"/> records, in register order,
    /// read: what a tree head of that register size covers, and nothing recorded since.
    /// </summary>
    private async Task<IReadOnlyList<Core.Register.RegisterRecord>> RecordsOfKindsAsync(
        IEnumerable<string> kinds, long registerSize, CancellationToken cancellationToken)
    {
        var rows = new List<RegisterRow>();
        foreach (var kind in kinds)
        {
            rows.AddRange(await _store.ReadRegisterOfKindAsync(kind, registerSize, cancellationToken));
        }
        return [.. rows.OrderBy(r => r.Sequence).Select(r => Core.Register.RegisterRecord.Decode(r.Record.AsSpan()))];
    }
}
