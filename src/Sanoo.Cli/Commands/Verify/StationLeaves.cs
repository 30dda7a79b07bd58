using Sanoo.Core.Definitions;
using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Each station's entries in the verified log, held as a running SHA-256 over their Merkle leaves in log order (32 bytes a station,
/// however many versions it sent): what the entries a published folder lists for a station must hash to, so that its page lists every
/// version the log holds for it (rejected, stale, conflicting and corrected ones too), none added, changed or left out, without the
/// verifier keeping any entry. Fed by <see cref="LogReplay"/> entry by entry; read once the replay is done. Not thread-safe to feed.
/// </summary>
/// <param name="election">The election, whose stations are counted.</param>
internal sealed class StationLeaves(Election election)
{
    private readonly byte[] _chains = new byte[election.StationCount * MerkleHash.Size];

    /// <summary>Adds the next entry of <paramref name="station"/>, whose Merkle leaf hash is <paramref name="leaf"/>.</summary>
    public void Add(string station, ReadOnlySpan<byte> leaf)
    {
        if (Ordinal(station) is { } ordinal)
        {
            Chain(_chains.AsSpan(ordinal * MerkleHash.Size, MerkleHash.Size), leaf);
        }
    }

    /// <summary>
    /// Whether <paramref name="leaves"/>, in log order, are the leaves of every entry the log holds for <paramref name="station"/>.
    /// </summary>
    public bool Holds(Area station, IEnumerable<byte[]> leaves)
    {
        Span<byte> chain = stackalloc byte[MerkleHash.Size];
        chain.Clear();
        foreach (var leaf in leaves)
        {
            Chain(chain, leaf);
        }
        return Ordinal(station.Id.Value) is { } ordinal && chain.SequenceEqual(_chains.AsSpan(ordinal * MerkleHash.Size, MerkleHash.Size));
    }

    private int? Ordinal(string station) =>
        AreaId.TryParse(station, out var id) && election.TryAreaIndex(id, out var index) && election.TryStationOrdinal(index, out var ordinal)
            ? ordinal
            : null;

    /// <summary>The chain moved on by one leaf: SHA-256 of the chain so far and the leaf.</summary>
    private static void Chain(Span<byte> chain, ReadOnlySpan<byte> leaf)
    {
        Span<byte> both = stackalloc byte[2 * MerkleHash.Size];
        chain.CopyTo(both);
        leaf.CopyTo(both[MerkleHash.Size..]);
        Sha256Digest.Write(both, chain);
    }
}
