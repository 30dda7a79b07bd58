using System.Text.Json;

namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/tree-head</c>: the transparency log's tree head at the published snapshot,
/// signed by the commission. The signature is over the bytes
/// <c>sanoo-tree-head/3\n{election}\n{definitionSha256}\n{treeSize}\n{rootHash}\n{registerSize}\n{registerRoot}\n{timestamp}\n</c>
/// (UTF-8), never over this JSON.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="DefinitionSha256">SHA-256 of the election definition's exact bytes (<c>/api/v1/definition</c>), lower-case hex:
/// the rules the log was counted under. Pin the one published before election day.</param>
/// <param name="TreeSize">Entries in the tree.</param>
/// <param name="RootHash">The RFC 9162 Merkle root, lower-case hex.</param>
/// <param name="RegisterSize">Records in the register (<c>/api/v1/register</c>): keys, operators, hand entries, acts, witnesses.</param>
/// <param name="RegisterRoot">The register's RFC 9162 Merkle root, lower-case hex.</param>
/// <param name="Timestamp">When the head was signed, in Unix milliseconds.</param>
/// <param name="Signature">The commission's Ed25519 signature, base64.</param>
/// <param name="PublicKey">The commission's Ed25519 public key, base64 (pin it: do not trust it from the server).</param>
public sealed record TreeHead(
    string Election,
    string DefinitionSha256,
    long TreeSize,
    string RootHash,
    long RegisterSize,
    string RegisterRoot,
    long Timestamp,
    string Signature,
    string PublicKey);

/// <summary><c>GET /api/v1/register</c>: up to 1,000 register records after a place, in order.</summary>
/// <param name="After">The place the page starts after (0: from the first record).</param>
/// <param name="Records">The records.</param>
public sealed record RegisterPage(long After, IReadOnlyList<RegisterRecord> Records);

/// <summary>
/// One register record (docs/api.md, "The register"): its bytes, which are its Merkle leaf, and the same as JSON for reading.
/// </summary>
/// <param name="Sequence">Its place, from 1.</param>
/// <param name="Kind">What it records: <c>definition</c>, <c>device-key</c>, <c>device-key-revoked</c>, <c>operator</c>,
/// <c>operator-revoked</c>, <c>hand-entry</c>, <c>recount-order</c>, <c>recount-outcome</c>, <c>certification</c>, <c>witness</c>,
/// or another kind of docs/api.md's table.</param>
/// <param name="Bytes">The record's RFC 8785 bytes, base64: the leaf input of the register's tree.</param>
/// <param name="LeafHash">Its RFC 9162 leaf hash, lower-case hex.</param>
/// <param name="Record">The same record as JSON.</param>
public sealed record RegisterRecord(long Sequence, string Kind, string Bytes, string LeafHash, JsonElement Record);

/// <summary><c>GET /api/v1/proofs/inclusion</c>: the RFC 9162 audit path of one entry.</summary>
/// <param name="Sequence">The entry's log position, from 1.</param>
/// <param name="LeafIndex">Its leaf index (<c>Sequence − 1</c>).</param>
/// <param name="TreeSize">The tree the path leads to the root of.</param>
/// <param name="Proof">The path's hashes, lower-case hex, leaf to root.</param>
public sealed record InclusionProof(long Sequence, long LeafIndex, long TreeSize, IReadOnlyList<string> Proof);

/// <summary><c>GET /api/v1/proofs/consistency</c>: the RFC 9162 proof that one tree extends an earlier one.</summary>
/// <param name="First">Entries in the earlier tree.</param>
/// <param name="Second">Entries in the later tree.</param>
/// <param name="Proof">The proof's hashes, lower-case hex.</param>
public sealed record ConsistencyProof(long First, long Second, IReadOnlyList<string> Proof);

/// <summary><c>GET /api/v1/entries</c>: up to 1,000 log entries after a position, in log order.</summary>
/// <param name="After">The position the page starts after (0: from the first entry).</param>
/// <param name="Entries">The entries.</param>
public sealed record EntriesPage(long After, IReadOnlyList<LogEntry> Entries);

/// <summary>One log entry: what its Merkle leaf commits to, the device's signature, and the protocol itself.</summary>
/// <param name="Sequence">Its log position, from 1.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">The protocol's version number.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Sender">Who sent it: <c>device:STATION</c>, <c>operator:NAME</c>, <c>entries:FIRST+SECOND</c> (double entry),
/// <c>entries:NAME</c> (a matched pair sent again), <c>file:NAME</c> (an import), or an importer's own text.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes, lower-case hex.</param>
/// <param name="Signature">The device's Ed25519 signature over the canonical bytes, base64; empty when an operator sent it.</param>
/// <param name="ReceivedAt">When it was received, in Unix milliseconds.</param>
/// <param name="LeafHash">Its RFC 9162 leaf hash, lower-case hex.</param>
/// <param name="Canonical">The protocol's canonical bytes (docs/protocol-format.md), base64: what is signed and hashed.</param>
/// <param name="Protocol">The same protocol as JSON, for reading.</param>
public sealed record LogEntry(
    long Sequence,
    string Station,
    string Contest,
    string Source,
    int Version,
    StoredOutcome Outcome,
    string Sender,
    string ContentHash,
    string Signature,
    long ReceivedAt,
    string LeafHash,
    string Canonical,
    JsonElement Protocol);

/// <summary>
/// <c>GET /api/v1/area-entries</c>: the log entries behind one page's figures, each with its RFC 9162 inclusion proof in the tree
/// of <see cref="TreeSize"/> entries, so that a reader's browser can re-add the page from the signed log alone. A station's answer
/// holds its every entry, whatever its outcome; an area above the stations holds none but names the areas just below it (its
/// stations, for an area of a grouping), whose answers hold the rest, down to the stations': so an answer's size is bounded by the
/// map's fan-out, not by the stations below, and a new protocol changes only its station's answer.
/// </summary>
/// <param name="Area">The area's (or station's) id.</param>
/// <param name="TreeSize">Entries in the tree the proofs are in: the snapshot the page was made from.</param>
/// <param name="Entries">A station's entries, in log order; empty above the stations.</param>
/// <param name="Children">Above the stations, the ids of the areas whose answers together hold the entries of its stations; empty
/// for a station.</param>
public sealed record AreaEntries(string Area, long TreeSize, IReadOnlyList<ProvenEntry> Entries, IReadOnlyList<string> Children);

/// <summary>
/// One log entry with what its Merkle leaf commits to (<see cref="LogEntry"/>'s fields, in the leaf's order), its protocol, and
/// its inclusion proof: the leaf rebuilt from these fields and hashed must lead, through <see cref="Proof"/>, to the signed root.
/// </summary>
/// <param name="Sequence">Its log position, from 1 (its leaf index is one less).</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">The protocol's version number.</param>
/// <param name="Outcome">What became of it: only the newest <c>accepted</c> version of a station, contest and source is counted.</param>
/// <param name="Sender">Who sent it, as the log records it.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes, lower-case hex.</param>
/// <param name="Signature">The device's Ed25519 signature over the canonical bytes, base64; empty when an operator sent it.</param>
/// <param name="ReceivedAt">When it was received, in Unix milliseconds.</param>
/// <param name="Canonical">The protocol's canonical bytes, base64: what is signed and hashed.</param>
/// <param name="Proof">The RFC 9162 audit path of its leaf in the tree of <see cref="AreaEntries.TreeSize"/> entries, lower-case hex.</param>
public sealed record ProvenEntry(
    long Sequence,
    string Station,
    string Contest,
    string Source,
    int Version,
    StoredOutcome Outcome,
    string Sender,
    string ContentHash,
    string Signature,
    long ReceivedAt,
    string Canonical,
    IReadOnlyList<string> Proof);

/// <summary>
/// <c>GET /api/v1/keys</c>: the stations' device keys: each station's current key, and every
/// enrolment with its time, so that a protocol signed with a key replaced later still verifies.
/// </summary>
/// <param name="Devices">Each station's current key, by station id in ordinal order.</param>
/// <param name="Enrolments">Every enrolment, oldest first.</param>
/// <param name="Revocations">Every revocation, oldest first: a revoked key verifies nothing received after it.</param>
public sealed record DeviceKeys(IReadOnlyList<DeviceKey> Devices, IReadOnlyList<KeyEnrolment> Enrolments, IReadOnlyList<KeyRevocation> Revocations);

/// <summary>One revocation of a device key.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="PublicKey">The key revoked, base64.</param>
/// <param name="RevokedAt">When, in Unix milliseconds.</param>
/// <param name="Reason">Why, in the commission's words.</param>
public sealed record KeyRevocation(string Station, string PublicKey, long RevokedAt, string Reason);

/// <summary>A station's current device key.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="PublicKey">The Ed25519 public key, base64.</param>
public sealed record DeviceKey(string Station, string PublicKey);

/// <summary>One enrolment of a device key.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="PublicKey">The Ed25519 public key, base64.</param>
/// <param name="EnrolledAt">When it was enrolled, in Unix milliseconds: it verifies protocols received from then on.</param>
public sealed record KeyEnrolment(string Station, string PublicKey, long EnrolledAt);

/// <summary>
/// <c>POST /api/v1/cosignatures</c>: an enrolled witness's Ed25519 signature over the exact signed bytes of a tree head this
/// server signed (<see cref="TreeHead"/>), which the witness verified first. The head is named by its size, register size,
/// timestamp and root; the signature authenticates the witness, so no token is needed.
/// </summary>
/// <param name="Witness">The witness's enrolled name (<c>sanoo witnesses enrol</c>).</param>
/// <param name="TreeSize">The head's entries.</param>
/// <param name="RegisterSize">The head's register records.</param>
/// <param name="Timestamp">The head's timestamp, Unix milliseconds.</param>
/// <param name="RootHash">The head's root, lower-case hex.</param>
/// <param name="Signature">The witness's Ed25519 signature over the head's signed bytes, base64.</param>
/// <param name="RegisterRoot">The head's register root, lower-case hex: optional, but it lets the server check the signature
/// over a head it does not know, and so record an alarm when that head names a size it signed with another root.</param>
public sealed record CosignatureRequest(
    string Witness, long TreeSize, long RegisterSize, long Timestamp, string RootHash, string Signature, string? RegisterRoot = null);

/// <summary>
/// <c>GET /api/v1/cosignatures</c>: per witness, the newest tree head it cosigned, and every alarm: two heads of one tree size
/// with different roots, which an honest log never shows.
/// </summary>
/// <param name="Witnesses">Each witness's newest cosignature, newest first.</param>
/// <param name="Alarms">Every alarm recorded, oldest first (empty while the log is consistent).</param>
public sealed record Cosignatures(IReadOnlyList<WitnessCosignature> Witnesses, IReadOnlyList<CosignatureAlarm> Alarms);

/// <summary>One witness's cosignature of one tree head: enough to rebuild the head's signed bytes (with the election and the
/// definition's SHA-256 of <c>/api/v1/tree-head</c>) and check the signature against the key in the register.</summary>
/// <param name="Witness">The witness's name.</param>
/// <param name="PublicKey">Its enrolled Ed25519 public key, base64.</param>
/// <param name="TreeSize">The head's entries.</param>
/// <param name="RegisterSize">The head's register records.</param>
/// <param name="RootHash">The head's root, lower-case hex.</param>
/// <param name="RegisterRoot">The head's register root, lower-case hex.</param>
/// <param name="Timestamp">The head's timestamp, Unix milliseconds.</param>
/// <param name="Signature">The witness's signature over the head's signed bytes, base64.</param>
/// <param name="ReceivedAt">When the server accepted it, Unix milliseconds.</param>
/// <param name="RevokedBy">The register record that revoked the witness since (<c>witness-revoked</c>), or null: a cosignature of
/// a head before it stays valid and is listed, marked so; one of a head whose register size covers it is never listed.</param>
public sealed record WitnessCosignature(
    string Witness,
    string PublicKey,
    long TreeSize,
    long RegisterSize,
    string RootHash,
    string RegisterRoot,
    long Timestamp,
    string Signature,
    long ReceivedAt,
    long? RevokedBy = null);

/// <summary>Two heads of one tree size with different roots: evidence that the log was rewritten or forked.</summary>
/// <param name="TreeSize">The size both heads name.</param>
/// <param name="RootHash">The root known first (signed by this server, or cosigned by a witness), lower-case hex.</param>
/// <param name="OtherRootHash">The other root, lower-case hex.</param>
/// <param name="PresentedBy">Who presented the other head: a witness's name, or <c>server</c> when the server itself signed it.</param>
/// <param name="Detail">What happened, in words.</param>
/// <param name="RecordedAt">When it was recorded, Unix milliseconds.</param>
public sealed record CosignatureAlarm(long TreeSize, string RootHash, string OtherRootHash, string PresentedBy, string Detail, long RecordedAt);
