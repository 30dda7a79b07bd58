using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>What the sender of a protocol is told about it; a sender retries until it holds one of these.</summary>
[JsonConverter(typeof(WireEnumConverter<ReceiptOutcome>))]
public enum ReceiptOutcome
{
    /// <summary><c>accepted</c>: in the log and in the count; nothing more to do.</summary>
    Accepted,

    /// <summary><c>duplicate</c>: sent before; the receipt is the original's, so a retry is always safe.</summary>
    Duplicate,

    /// <summary><c>conflict</c>: in the log, out of the count: this version number already counts with other figures.</summary>
    Conflict,

    /// <summary><c>stale</c>: in the log, out of the count: a later version already counts.</summary>
    Stale,

    /// <summary><c>rejected</c>: in the log with the relations it breaks, never in the count; send a corrected version.</summary>
    Rejected,
}

/// <summary>What became of a version in the log; the word a log entry's Merkle leaf commits to.</summary>
[JsonConverter(typeof(WireEnumConverter<StoredOutcome>))]
public enum StoredOutcome
{
    /// <summary><c>accepted</c>: counted, until a later version of the same station, contest and source takes its place.</summary>
    Accepted,

    /// <summary><c>conflict</c>: out of the count, its version number already counting with other figures.</summary>
    Conflict,

    /// <summary><c>stale</c>: out of the count, a later version counting already.</summary>
    Stale,

    /// <summary><c>rejected</c>: out of the count, breaking an error-level control relation.</summary>
    Rejected,
}

/// <summary>How much a broken control relation matters.</summary>
[JsonConverter(typeof(WireEnumConverter<Severity>))]
public enum Severity
{
    /// <summary><c>error</c>: the protocol stays out of the count.</summary>
    Error,

    /// <summary><c>warning</c>: the protocol counts, flagged.</summary>
    Warning,
}

/// <summary>One protocol as sent to <c>POST /api/v1/protocols</c> or <c>/api/v1/hand-entries</c>.</summary>
/// <param name="Protocol">
/// The protocol object (docs/protocol-format.md). Its canonical bytes, the fixed form that document
/// defines, are what a device signs and the log hashes.
/// </param>
/// <param name="Signature">
/// A device's Ed25519 signature over the protocol's canonical bytes, base64; omitted for an
/// operator's submission (the bearer token names the sender).
/// </param>
public sealed record Submission(
    JsonElement Protocol,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Signature = null);

/// <summary>A batch of up to 1,000 submissions, answered with a receipt for each, in order.</summary>
/// <param name="Submissions">The submissions.</param>
public sealed record SubmissionBatch(IReadOnlyList<Submission> Submissions);

/// <summary>A control relation a protocol breaks, with both sides' values.</summary>
/// <param name="Relation">The relation's id, e.g. <c>valid_equals_votes</c>.</param>
/// <param name="Rule">The relation as written, e.g. <c>valid = votes(*)</c>.</param>
/// <param name="Severity">Error (not counted) or warning (counted, flagged).</param>
/// <param name="Left">The left side's value (a count of ballots or votes).</param>
/// <param name="Right">The right side's value.</param>
public sealed record Violation(string Relation, string Rule, Severity Severity, long Left, long Right);

/// <summary>Why part of a request does not fit the election.</summary>
/// <param name="Path">Where, as a JSON path, e.g. <c>$.protocol.votes.p01</c>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record FieldProblem(string Path, string Message);

/// <summary>
/// The answer to one submission, given only once it is durably stored. For a duplicate it is
/// the original entry's receipt: its position, time and what became of it.
/// </summary>
/// <param name="Outcome">What happened to this submission.</param>
/// <param name="StoredOutcome">For a duplicate, what became of the original; else null.</param>
/// <param name="Sequence">The stored entry's log position, from 1; 0 when nothing was stored.</param>
/// <param name="Version">The protocol's version number.</param>
/// <param name="ContentHash">SHA-256 of the protocol's canonical bytes, lower-case hex.</param>
/// <param name="LeafIndex">The entry's leaf in the transparency log (<c>Sequence − 1</c>); null when nothing was stored.</param>
/// <param name="LeafHash">The entry's RFC 9162 leaf hash, lower-case hex; empty when nothing was stored.</param>
/// <param name="ReceivedAt">When the stored entry was received (ISO 8601 with offset).</param>
/// <param name="Violations">Relations broken: errors and warnings when rejected, warnings when accepted.</param>
/// <param name="Problems">Why a malformed submission does not fit the election.</param>
public sealed record Receipt(
    ReceiptOutcome Outcome,
    StoredOutcome? StoredOutcome,
    long Sequence,
    int Version,
    string ContentHash,
    long? LeafIndex,
    string LeafHash,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<FieldProblem> Problems);

/// <summary>The answer to one submission: <c>{"receipt": …}</c>.</summary>
/// <param name="Receipt">Its receipt.</param>
public sealed record ReceiptAnswer(Receipt Receipt);

/// <summary>The answer to a batch: <c>{"receipts": […]}</c>, one per submission, in the batch's order.</summary>
/// <param name="Receipts">The receipts.</param>
public sealed record ReceiptBatchAnswer(IReadOnlyList<Receipt> Receipts);
