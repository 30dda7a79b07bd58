namespace Sanoo.Log;

/// <summary>
/// The stored entry a <see cref="Receipt"/> names. Invariant: <see cref="Sequence"/> ≥ 1 (a receipt is given only for what is stored).
/// </summary>
/// <param name="Sequence">The log position; the entry is leaf <c>Sequence − 1</c> of the transparency log.</param>
/// <param name="Version">The protocol version.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes, lower-case hex.</param>
/// <param name="ReceivedAt">When the store received it.</param>
/// <param name="LeafHash">Its RFC 9162 leaf hash, lower-case hex.</param>
public sealed record ReceiptEntry(long Sequence, int Version, string ContentHash, DateTimeOffset ReceivedAt, string LeafHash);
