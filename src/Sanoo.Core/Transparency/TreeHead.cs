using System.Globalization;
using System.Text;

namespace Sanoo.Core.Transparency;

/// <summary>
/// A tree head: the log of an election had <see cref="Size"/> entries with Merkle root
/// <see cref="Root"/> at <see cref="Timestamp"/>, counted under the election definition whose
/// SHA-256 is <see cref="DefinitionSha256"/>, with the register (keys, operators, hand entries,
/// acts: <see cref="Register.RegisterRecord"/>) at <see cref="RegisterSize"/> records with root
/// <see cref="RegisterRoot"/>. The commission signs <see cref="SignedBytes"/>;
/// anyone holding an earlier signed head can demand a consistency proof to this one, so history
/// cannot be rewritten without the rewrite being provable, and a head naming another definition
/// (a threshold, a seat count, a relation changed after the fact) is a changed election for all to see.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="DefinitionSha256">SHA-256 of the definition file's exact bytes (32 bytes).</param>
/// <param name="Size">Entries in the log (= the snapshot's log position).</param>
/// <param name="Root">The RFC 9162 root hash of those entries.</param>
/// <param name="RegisterSize">Records in the register.</param>
/// <param name="RegisterRoot">The RFC 9162 root hash of those records.</param>
/// <param name="Timestamp">When the head was made, to the millisecond.</param>
public sealed record TreeHead(
    string Election, byte[] DefinitionSha256, long Size, byte[] Root, long RegisterSize, byte[] RegisterRoot, DateTimeOffset Timestamp)
{
    /// <summary>
    /// The bytes signed: <c>sanoo-tree-head/3</c>, the election, the definition's SHA-256 in
    /// lower-case hex, the size, the root in lower-case hex, the register's size and root, and the
    /// timestamp in Unix milliseconds, one per line, each line ending in '\n'.
    /// </summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"sanoo-tree-head/3\n{Election}\n{Convert.ToHexStringLower(DefinitionSha256)}\n{Size}\n"
        + $"{Convert.ToHexStringLower(Root)}\n{RegisterSize}\n{Convert.ToHexStringLower(RegisterRoot)}\n{Timestamp.ToUnixTimeMilliseconds()}\n"));
}
