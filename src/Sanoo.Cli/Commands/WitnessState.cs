using System.Text.Json;
using Sanoo.Contracts;

namespace Sanoo.Cli.Commands;

/// <summary>
/// What a witness cosigned, kept in its state file (<c>sanoo witness --state</c>): the newest cosignature of each tree size, up
/// to <see cref="Kept"/> sizes. A later head of a size already cosigned with another root is a forked or rewritten log, whatever
/// the verifier's own state says; the cosignature kept is the witness's evidence. Not part of the wire: the witness's own file.
/// </summary>
/// <param name="Cosigned">The cosignatures the witness made, oldest first, at most one per tree size.</param>
public sealed record WitnessState(IReadOnlyList<CosignatureRequest> Cosigned)
{
    /// <summary>How many tree sizes are remembered.</summary>
    public const int Kept = 10_000;

    /// <summary>Reads a state file; empty when it does not exist.</summary>
    public static async Task<WitnessState> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return new WitnessState([]);
        }
        await using var stream = file.OpenRead();
        return await JsonSerializer.DeserializeAsync<WitnessState>(stream, JsonSerializerOptions.Web, cancellationToken) ?? new WitnessState([]);
    }

    /// <summary>The cosignature of a head of <paramref name="size"/> entries whose root is not <paramref name="rootHash"/>; null if none.</summary>
    public CosignatureRequest? OtherRoot(long size, string rootHash) =>
        Cosigned.FirstOrDefault(c => c.TreeSize == size && !string.Equals(c.RootHash, rootHash, StringComparison.OrdinalIgnoreCase));

    /// <summary>This state with <paramref name="cosignature"/> as the cosignature of its size.</summary>
    public WitnessState With(CosignatureRequest cosignature) =>
        new([.. Cosigned.Where(c => c.TreeSize != cosignature.TreeSize).TakeLast(Kept - 1), cosignature]);

    /// <summary>Writes the state file, whole, then moves it into place.</summary>
    public async Task WriteAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var temporary = file.FullName + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), cancellationToken);
        File.Move(temporary, file.FullName, overwrite: true);
    }
}
