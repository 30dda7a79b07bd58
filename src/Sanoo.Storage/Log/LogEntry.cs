using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Storage.Log;

/// <summary>What the log recorded for a protocol version. Duplicates are never recorded: a retry gets the original's receipt.</summary>
public enum StoredOutcome
{
    /// <summary>Counted (it may have been superseded by a later version since).</summary>
    Accepted,

    /// <summary>Same version number as one counted, other content: kept, not counted.</summary>
    Conflict,

    /// <summary>Older than the version counted when it arrived: kept, not counted.</summary>
    Stale,

    /// <summary>Breaks an error-level control relation: kept with its violations, never counted.</summary>
    Rejected,
}

/// <summary>
/// One entry of the append-only log: a protocol version as received, with its outcome.
/// Invariant: <see cref="Sequence"/> runs 1, 2, 3 … without gaps; <see cref="ContentHash"/> is
/// SHA-256 of <see cref="Canonical"/>, unique in the log.
/// </summary>
/// <param name="Sequence">Log position.</param>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Version">The protocol version.</param>
/// <param name="Outcome">What happened to it.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes.</param>
/// <param name="Canonical">The canonical bytes (empty when not read, e.g. during a rebuild).</param>
/// <param name="Figures">Lines then votes.</param>
/// <param name="CorrectionReason">Why it was corrected (versions after the first).</param>
/// <param name="CorrectionAuthor">Who corrected it.</param>
/// <param name="Sender">Who sent it (device, operator, file).</param>
/// <param name="ReceivedAt">When the store received it.</param>
/// <param name="Violations">Broken relations as JSON, or null.</param>
/// <param name="Signature">The device's Ed25519 signature over the canonical bytes; empty for operator entries.</param>
public sealed record LogEntry(
    long Sequence,
    AreaId Station,
    ContestId Contest,
    SourceId Source,
    int Version,
    StoredOutcome Outcome,
    ImmutableArray<byte> ContentHash,
    ImmutableArray<byte> Canonical,
    ImmutableArray<int> Figures,
    string? CorrectionReason,
    string? CorrectionAuthor,
    string Sender,
    DateTimeOffset ReceivedAt,
    string? Violations,
    ImmutableArray<byte> Signature)
{
    /// <summary>The entry's RFC 9162 leaf hash in the transparency log.</summary>
    public byte[] LeafHash() => Core.Transparency.LogLeaf.Hash(
        Sequence, Station.Value, Contest.Value, Source.Value, Version, OutcomeText.Of(Outcome), Sender,
        ContentHash.AsSpan(), Signature.IsDefault ? [] : Signature.AsSpan(), ReceivedAt);

    /// <summary>The entry's leaf bytes in the transparency log (RFC 9162 leaf input).</summary>
    public byte[] Leaf() => Core.Transparency.LogLeaf.Encode(
        Sequence, Station.Value, Contest.Value, Source.Value, Version, OutcomeText.Of(Outcome), Sender,
        ContentHash.AsSpan(), Signature.IsDefault ? [] : Signature.AsSpan(), ReceivedAt);
}
