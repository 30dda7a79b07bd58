using System.Text.Json;

namespace Sanoo.Cli.Commands;

/// <summary>
/// The tree head <c>sanoo verify</c> last verified, kept in its state file so that the next run
/// proves the log only grew from it. Not part of the wire: the verifier's own file.
/// </summary>
/// <param name="TreeSize">Entries in the tree verified.</param>
/// <param name="RootHash">Its Merkle root, lower-case hex.</param>
/// <param name="PublicKey">The commission key that signed it, base64.</param>
/// <param name="DefinitionSha256">The definition it named, lower-case hex: a later head naming another is a changed election.</param>
/// <param name="RegisterSize">Records in the register it named (null in a state file written before the register).</param>
/// <param name="RegisterRoot">The register's Merkle root, lower-case hex (null likewise): a later register must extend it.</param>
public sealed record VerifiedHead(
    long TreeSize, string RootHash, string PublicKey, string? DefinitionSha256 = null, long? RegisterSize = null, string? RegisterRoot = null)
{
    /// <summary>Reads a state file; null when it holds nothing.</summary>
    public static async Task<VerifiedHead?> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return await JsonSerializer.DeserializeAsync<VerifiedHead>(stream, JsonSerializerOptions.Web, cancellationToken);
    }

    /// <summary>Writes the state file (camelCase, as earlier versions wrote it).</summary>
    public Task WriteAsync(FileInfo file, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), cancellationToken);
}
