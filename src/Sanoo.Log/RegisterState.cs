using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Transparency;
using Sanoo.Storage;
using Sanoo.Storage.Register;

namespace Sanoo.Log;

/// <summary>
/// The register as the log has read it: its Merkle tree (leaf i is record i + 1) and what its records decide now, each
/// station's current device key and the operators and witnesses whose enrolment was revoked. Records must continue the register without a
/// gap and read as what their columns say.
/// Not thread-safe: used under the log's engine lock.
/// </summary>
internal sealed partial class RegisterState(Election election)
{
    private readonly DeviceKeys _keys = new(election);
    private readonly Dictionary<string, long> _revokedOperators = new(StringComparer.Ordinal);
    private volatile ImmutableDictionary<string, long> _revokedWitnesses = ImmutableDictionary.Create<string, long>(StringComparer.Ordinal);
    private Checkpoints.RegisterColumns _columns = new();
    private long _lastLogSize;

    /// <summary>The register's Merkle tree.</summary>
    public MerkleTree Tree { get; private set; } = new();

    /// <summary>Records read.</summary>
    public long Size => Tree.Size;

    /// <summary>Whether the definition record was read.</summary>
    public bool HasDefinition { get; private set; }

    /// <summary>Records taken from a checkpoint without being read again (their leaves checked against its sealed root); 0 for none.</summary>
    public long Adopted { get; private set; }

    /// <summary>Whether <paramref name="publicKey"/> is the station's device key now (enrolled, not replaced, not revoked).</summary>
    public bool IsCurrentKey(string station, ReadOnlySpan<byte> publicKey) => _keys.IsCurrent(station, publicKey);

    /// <summary>Whether the station's last device key was revoked and none enrolled since. Thread-safe.</summary>
    public bool IsKeyRevoked(string station) => _keys.IsRevoked(station);

    /// <summary>Copies the station's device key now into <paramref name="key"/> (32 bytes); false when it has none. Thread-safe.</summary>
    public bool TryGetKey(string station, Span<byte> key) => _keys.TryGet(station, key);

    /// <summary>The register record that revoked operator <paramref name="name"/>, or null while they are not revoked.</summary>
    public long? OperatorRevokedBy(string name) => _revokedOperators.TryGetValue(name, out var record) ? record : null;

    /// <summary>The register record that revoked witness <paramref name="name"/>, or null while it is not revoked. Thread-safe.</summary>
    public long? WitnessRevokedBy(string name) => _revokedWitnesses.TryGetValue(name, out var record) ? record : null;

    /// <summary>How many witnesses were revoked. Thread-safe.</summary>
    public int WitnessesRevoked => _revokedWitnesses.Count;

    /// <summary>
    /// Takes an operator's or a witness's revocation among the records a checkpoint covered (their state is not in the checkpoint),
    /// found by its kind column among the rows read for their leaves, which the checkpoint's digest of the columns holds to what
    /// they were when it was sealed (<see cref="Checkpoints.RegisterColumns"/>): its bytes must be the leaf the adopted tree holds
    /// at its place.
    /// </summary>
    public void AdoptRevocation(RegisterRow row)
    {
        if (row.Sequence > Size || !MerkleHash.Leaf(row.Record.AsSpan()).AsSpan().SequenceEqual(Tree.LeafHash(row.Sequence - 1)))
        {
            throw new StoreException($"register record {row.Sequence}, a revocation, is not the record the register's tree "
                + "holds there: the store is damaged");
        }
        switch (RegisterRecord.Decode(row.Record.AsSpan()))
        {
            case OperatorRevokedRecord revoked when row.Kind == OperatorRevokedRecord.Word:
                Revoke(revoked);
                break;
            case WitnessRevokedRecord revoked when row.Kind == WitnessRevokedRecord.Word:
                Revoke(revoked);
                break;
            default:
                throw new StoreException($"register record {row.Sequence} is filed as {row.Kind} but is not one");
        }
    }

    /// <summary>Whether a row filed under <paramref name="kind"/> is a revocation a checkpoint's state does not hold.</summary>
    public static bool IsRevocation(string kind) => kind is OperatorRevokedRecord.Word or WitnessRevokedRecord.Word;

    private void Revoke(OperatorRevokedRecord revoked) => _revokedOperators.TryAdd(revoked.Name, revoked.Sequence);

    private void Revoke(WitnessRevokedRecord revoked)
    {
        if (!_revokedWitnesses.ContainsKey(revoked.Name))
        {
            _revokedWitnesses = _revokedWitnesses.Add(revoked.Name, revoked.Sequence);
        }
    }

    /// <summary>
    /// Reads the next stored record: it must be record <see cref="Size"/> + 1, read as the kind and station its row is indexed
    /// under, and name a log position no earlier than the record before it and no later than <paramref name="logPosition"/>, the
    /// log's position now (the log is always read before the register).
    /// </summary>
    public RegisterRecord Apply(RegisterRow row, long logPosition)
    {
        if (row.Sequence != Size + 1)
        {
            throw new StoreException($"the register jumps from record {Size} to {row.Sequence}: the store is damaged");
        }
        RegisterRecord record;
        try
        {
            record = RegisterRecord.Decode(row.Record.AsSpan());
        }
        catch (FormatException e)
        {
            throw new StoreException($"register record {row.Sequence} does not read ({e.Message}): the store is damaged", e);
        }
        if (record.Sequence != row.Sequence || record.Kind != row.Kind || record.Station != row.Station)
        {
            throw new StoreException(
                $"register record {row.Sequence} says it is {record.Kind} {record.Sequence} of station {record.Station ?? "(none)"}: "
                + "its row was moved or relabelled");
        }
        if (record.LogSize < _lastLogSize)
        {
            throw new StoreException(
                $"register record {row.Sequence} claims log position {record.LogSize}, before the record ahead of it ({_lastLogSize}): it was "
                + "back-dated");
        }
        if (record.LogSize > logPosition)
        {
            throw new StoreException(
                $"register record {row.Sequence} claims log position {record.LogSize}, beyond the log's {logPosition}: it was forged");
        }
        _lastLogSize = record.LogSize;
        Tree.Append(MerkleHash.Leaf(row.Record.AsSpan()));
        _columns.Add(row.Kind, row.Station);
        switch (record)
        {
            case DefinitionRecord when !HasDefinition:
                HasDefinition = true;
                break;
            case DefinitionRecord:
                throw new StoreException($"register record {row.Sequence} names a second definition: a definition never changes");
            case DeviceKeyRecord key:
                _keys.Set(key.StationId, key.PublicKey.AsSpan());
                break;
            case DeviceKeyRevokedRecord revoked when IsCurrentKey(revoked.StationId, revoked.PublicKey.AsSpan()):
                _keys.Remove(revoked.StationId);
                break;
            case OperatorRevokedRecord revoked:
                Revoke(revoked);
                break;
            case WitnessRevokedRecord revoked:
                Revoke(revoked);
                break;
        }
        return record;
    }
}
