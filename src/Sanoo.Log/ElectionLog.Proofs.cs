using Sanoo.Core.Tally;

namespace Sanoo.Log;

/// <summary>Snapshots and the transparency log's tree head and proofs, always of committed entries only.</summary>
public sealed partial class ElectionLog
{
    private Snapshot? _lastChecked;

    /// <summary>
    /// The transparency log's tree head now: its size (= <see cref="Position"/>) and RFC 9162
    /// root hash, and proofs from the same tree.
    /// </summary>
    public Task<(long Size, byte[] Root)> TreeHeadAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(state => (state.Tree.Size, state.Tree.Root(state.Tree.Size)), cancellationToken);

    /// <summary>Both trees' sizes and roots now, read together: the protocol log's and the register's.</summary>
    public Task<Roots> RootsAsync(CancellationToken cancellationToken = default) => ReadAsync(Roots.Of, cancellationToken);

    /// <summary>The consistency proof between two sizes of the register's tree.</summary>
    public Task<List<byte[]>> RegisterConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Register.Tree.ConsistencyProof(first, second), cancellationToken);

    /// <summary>The inclusion proof of log position <paramref name="sequence"/> in the tree of <paramref name="size"/> entries.</summary>
    public Task<List<byte[]>> InclusionProofAsync(long sequence, long size, CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Tree.InclusionProof(sequence - 1, size), cancellationToken);

    /// <summary>The inclusion proofs of several log positions in the tree of <paramref name="size"/> entries, read together.</summary>
    public Task<List<List<byte[]>>> InclusionProofsAsync(IReadOnlyList<long> sequences, long size, CancellationToken cancellationToken = default) =>
        ReadAsync(state => sequences.Select(sequence => state.Tree.InclusionProof(sequence - 1, size)).ToList(), cancellationToken);

    /// <summary>The consistency proof between two tree sizes of the transparency log.</summary>
    public Task<List<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default) =>
        ReadAsync(state => state.Tree.ConsistencyProof(first, second), cancellationToken);

    /// <summary>
    /// Freezes a snapshot of the tally at the current position (invariants checked). Only
    /// committed entries are ever in it; while the store is unreachable after a failed commit
    /// this throws <see cref="Storage.StoreException"/> and the caller keeps its last snapshot.
    /// </summary>
    public async Task<Snapshot> FreezeAsync(CancellationToken cancellationToken = default) =>
        Checked(await ReadAsync(state => state.Engine.Capture(), cancellationToken));

    /// <summary>
    /// A snapshot and both trees' roots at exactly the same log position. Only the copy of the sums holds the writer back; the
    /// invariant check runs after, updated from the last snapshot's by what changed since.
    /// </summary>
    public async Task<(Snapshot Snapshot, Roots Roots)> FreezeWithRootsAsync(CancellationToken cancellationToken = default)
    {
        var (captured, roots) = await ReadAsync(state => (state.Engine.Capture(), Roots.Of(state)), cancellationToken);
        return (Checked(captured), roots);
    }

    /// <summary>Checks a copy of the sums, from the last snapshot checked, and keeps the result for the next.</summary>
    private Snapshot Checked(CapturedTally captured)
    {
        var snapshot = captured.Check(Volatile.Read(ref _lastChecked));
        Volatile.Write(ref _lastChecked, snapshot);
        return snapshot;
    }
}

/// <summary>The protocol log's and the register's tree sizes and roots at one moment: what a tree head signs.</summary>
/// <param name="Size">Protocol log entries.</param>
/// <param name="Root">Their RFC 9162 root.</param>
/// <param name="RegisterSize">Register records.</param>
/// <param name="RegisterRoot">Their RFC 9162 root.</param>
public sealed record Roots(long Size, byte[] Root, long RegisterSize, byte[] RegisterRoot)
{
    internal static Roots Of(LogState state) =>
        new(state.Tree.Size, state.Tree.Root(state.Tree.Size), state.Register.Size, state.Register.Tree.Root(state.Register.Size));
}
