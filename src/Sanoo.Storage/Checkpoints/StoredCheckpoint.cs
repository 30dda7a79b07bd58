namespace Sanoo.Storage.Checkpoints;

/// <summary>
/// A checkpoint as the <c>checkpoint</c> table holds it. Nothing in it is trusted for being there: the log checks it against a
/// signed statement kept outside the database before using it (docs/storage.md).
/// </summary>
/// <param name="Position">Log entries it covers (1 … Position).</param>
/// <param name="Root">The RFC 9162 root of those entries.</param>
/// <param name="Frontier">The roots of the complete subtrees on the tree's right edge, largest first, 32 bytes each.</param>
/// <param name="State">The state at <paramref name="Position"/>, as the log encodes it.</param>
/// <param name="StateSha256">SHA-256 of <paramref name="State"/>.</param>
/// <param name="WrittenAt">When it was written.</param>
public sealed record StoredCheckpoint(long Position, byte[] Root, byte[] Frontier, byte[] State, byte[] StateSha256, DateTimeOffset WrittenAt);
