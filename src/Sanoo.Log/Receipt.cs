using System.Collections.Immutable;
using Sanoo.Core.Json;
using Sanoo.Core.Rules;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>What the sender is told about a submission.</summary>
public enum ReceiptOutcome
{
    /// <summary>Stored and counted.</summary>
    Accepted,

    /// <summary>The same content was stored before: this is its receipt, nothing new was stored or counted.</summary>
    Duplicate,

    /// <summary>Stored, not counted: the same version number was counted with other content.</summary>
    Conflict,

    /// <summary>Stored, not counted: a newer version was already counted.</summary>
    Stale,

    /// <summary>Stored with its violations, never counted.</summary>
    Rejected,

    /// <summary>Not a protocol of this election (unknown station, wrong figures …): not stored.</summary>
    Malformed,
}

/// <summary>
/// The answer to one submission, given only after the entry is durably committed.
/// For a duplicate it is the original entry's receipt (its position, time and outcome).
/// </summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Sequence">The log position of the stored entry (the original, for a duplicate); 0 when not stored.</param>
/// <param name="Version">The protocol version.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes, lower-case hex.</param>
/// <param name="ReceivedAt">When the stored entry was received.</param>
/// <param name="StoredOutcome">For a duplicate, what happened to the original.</param>
/// <param name="Violations">Relations broken (rejected: errors and warnings; accepted: warnings).</param>
/// <param name="Problems">Why a malformed submission does not fit the election.</param>
/// <remarks>The entry is leaf <c>Sequence − 1</c> of the transparency log; <see cref="LeafHash"/> is its RFC 9162 leaf hash.</remarks>
public sealed record Receipt(
    ReceiptOutcome Outcome,
    long Sequence,
    int Version,
    string ContentHash,
    DateTimeOffset ReceivedAt,
    StoredOutcome? StoredOutcome,
    ImmutableArray<Violation> Violations,
    ImmutableArray<JsonProblem> Problems)
{
    /// <summary>The entry's RFC 9162 leaf hash (lower-case hex); empty when nothing was stored.</summary>
    public string LeafHash { get; init; } = "";
}
