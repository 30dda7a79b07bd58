using System.Globalization;
using System.Text;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// What the commission key signs for a checkpoint: the log of <see cref="Election"/>, under the definition whose SHA-256 is
/// <see cref="DefinitionSha256"/>, had at <see cref="Position"/> entries the Merkle root <see cref="Root"/>, and the server's state
/// there hashed to <see cref="StateSha256"/>. Kept outside the database (<see cref="ICheckpointSeal"/>), so whoever edits the
/// database cannot make a checkpoint of their own be believed without also holding the key.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="DefinitionSha256">SHA-256 of the definition's bytes (32 bytes).</param>
/// <param name="Position">Log entries covered.</param>
/// <param name="Root">The RFC 9162 root of those entries (32 bytes).</param>
/// <param name="StateSha256">SHA-256 of the checkpoint's state (32 bytes).</param>
public sealed record CheckpointStatement(string Election, byte[] DefinitionSha256, long Position, byte[] Root, byte[] StateSha256)
{
    /// <summary>
    /// The bytes signed: <c>sanoo-checkpoint/1</c>, the election, the definition's SHA-256, the position, the root and the
    /// state's SHA-256 (hashes in lower-case hex), one per line, each ending in '\n'. The first line keeps it apart from a tree head.
    /// </summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"sanoo-checkpoint/1\n{Election}\n{Convert.ToHexStringLower(DefinitionSha256)}\n{Position}\n"
        + $"{Convert.ToHexStringLower(Root)}\n{Convert.ToHexStringLower(StateSha256)}\n"));
}
