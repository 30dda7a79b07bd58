using Sanoo.Contracts;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The witnesses the verifier holds as having cosigned each tree head: those whose cosignature in <c>/api/v1/cosignatures</c> it
/// verified (<see cref="CosignatureCheck"/>: enrolled with that key, not revoked before the head, the signature sound). A page may name
/// only these as having verified its head. Thread-safe: the pages are compared on every core.
/// </summary>
/// <param name="verified">The cosignatures verified.</param>
/// <param name="again">Reads and checks the listing once more (a page made after it was read may name a witness who cosigned since);
/// null for a listing that names a newer head than the one verified.</param>
internal sealed class VouchedWitnesses(
    IReadOnlyList<WitnessCosignature> verified, Func<CancellationToken, Task<IReadOnlyList<WitnessCosignature>?>> again)
{
    private Task<IReadOnlyList<WitnessCosignature>?>? _later;

    /// <summary>
    /// Whether the witness <paramref name="name"/>'s verified cosignature names the head of <paramref name="size"/> entries and root
    /// <paramref name="root"/> (lower-case hex); null when the listing read again names a newer head (the server moved on: check again).
    /// </summary>
    public async Task<bool?> VouchedAsync(string name, long size, string root, CancellationToken cancellationToken)
    {
        if (Names(verified, name, size, root))
        {
            return true;
        }
        var later = await LazyInitializer.EnsureInitialized(ref _later, () => again(cancellationToken));
        return later is null ? null : Names(later, name, size, root);
    }

    private static bool Names(IReadOnlyList<WitnessCosignature> cosignatures, string name, long size, string root) =>
        cosignatures.Any(c => c.Witness == name && c.TreeSize == size && c.RootHash == root);
}
