using System.Security.Cryptography;
using Sanoo.Core.Transparency;
using Sanoo.Storage;
using Sanoo.Storage.Checkpoints;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// A stored checkpoint that agrees with its sealed statement: its state hashes to the hash sealed, and its root and frontier give
/// the root sealed. What is left to check needs the log: that its first <see cref="Position"/> leaves give that root, and that
/// their counted columns give the digest the state names (<see cref="LogState.FinishAdoption"/>).
/// </summary>
internal sealed class TrustedCheckpoint
{
    /// <summary>Bytes of the counted columns' digest at the start of a state; the tally engine's state follows.</summary>
    public const int DigestLength = 32;

    private readonly int _leavesLength;
    private readonly int _registerLength;

    private TrustedCheckpoint(
        CheckpointStatement statement, StoredCheckpoint row, List<byte[]> frontier, int leavesLength, int registerLength)
    {
        Statement = statement;
        Row = row;
        Frontier = frontier;
        _leavesLength = leavesLength;
        _registerLength = registerLength;
    }

    public CheckpointStatement Statement { get; }

    public StoredCheckpoint Row { get; }

    public List<byte[]> Frontier { get; }

    public long Position => Statement.Position;

    /// <summary>The state's digest of the rows' columns (<see cref="CountedColumns"/>).</summary>
    public ReadOnlySpan<byte> Digest => Row.State.AsSpan(0, DigestLength);

    /// <summary>
    /// The leaf hash of a covered entry as the state keeps it (<see cref="CheckpointLeaves"/>): believed because the state is
    /// sealed, and checked again when the tree built from them must give the sealed root (<see cref="LogState.FinishAdoption"/>).
    /// </summary>
    public ReadOnlySpan<byte> Leaf(long sequence) => CheckpointLeaves.Leaf(Row.State.AsSpan(DigestLength, _leavesLength), sequence);

    /// <summary>
    /// The register's part of the state (<see cref="RegisterState.ExportCheckpoint"/>); empty in a checkpoint written before
    /// checkpoints held the register, whose start reads the whole register.
    /// </summary>
    public ReadOnlySpan<byte> Register => Row.State.AsSpan(DigestLength + _leavesLength, _registerLength);

    /// <summary>Register records the checkpoint covers (0 when it holds no register part).</summary>
    public long RegisterSize => _registerLength == 0 ? 0 : RegisterState.SizeOf(Register);

    /// <summary>The state's tally (<see cref="Core.Tally.TallyEngine.ExportState"/>).</summary>
    public ReadOnlySpan<byte> Tally => Row.State.AsSpan(DigestLength + _leavesLength + _registerLength);

    /// <summary>
    /// The checkpoint the seal vouches for, checked against its statement; null with no refusal when there is none to use, null
    /// with the reason when one is kept but refused.
    /// </summary>
    public static async Task<(TrustedCheckpoint? Checkpoint, string? Refusal)> FindAsync(
        IProtocolStore store, ICheckpointSeal seal, string election, byte[] definitionSha256, CancellationToken cancellationToken)
    {
        var (statement, refusal) = await seal.ReadAsync(cancellationToken);
        if (statement is null)
        {
            return (null, refusal);
        }
        if (statement.Election != election || !statement.DefinitionSha256.AsSpan().SequenceEqual(definitionSha256))
        {
            return (null, "its signed statement is of another election or definition");
        }
        if (await store.ReadCheckpointAsync(statement.Position, cancellationToken) is not { } row)
        {
            return (null, $"the database holds no checkpoint at log position {statement.Position:N0}, which its signed statement names");
        }
        if (!SHA256.HashData(row.State).AsSpan().SequenceEqual(statement.StateSha256) || row.State.Length < DigestLength)
        {
            return (null, $"the state of the checkpoint at {row.Position:N0} does not hash to the hash its signed statement names: "
                + "it was changed in the database");
        }
        if (!row.StateSha256.AsSpan().SequenceEqual(statement.StateSha256) || !row.Root.AsSpan().SequenceEqual(statement.Root))
        {
            return (null, $"the checkpoint at {row.Position:N0} records another state hash or root than its signed statement");
        }
        if (row.Frontier.Length % MerkleHash.Size != 0)
        {
            return (null, $"the frontier of the checkpoint at {row.Position:N0} is not a whole number of hashes");
        }
        var frontier = row.Frontier.Chunk(MerkleHash.Size).ToList();
        if (frontier.Count != long.PopCount(row.Position) || !MerkleTree.RootOfFrontier(frontier).AsSpan().SequenceEqual(statement.Root))
        {
            return (null, $"the frontier of the checkpoint at {row.Position:N0} does not give the root its signed statement names");
        }
        var leavesLength = CheckpointLeaves.PartLength(row.State.AsSpan(DigestLength), row.Position);
        if (leavesLength < 0)
        {
            return (null, $"the checkpoint at {row.Position:N0} keeps no leaf hashes of the entries it covers (it was written by an "
                + "earlier Sanoo): the whole log is read once, and the next checkpoint keeps them");
        }
        var registerLength = RegisterState.PartLength(row.State.AsSpan(DigestLength + leavesLength));
        if (registerLength == -2)
        {
            return (null, $"the register's part of the checkpoint at {row.Position:N0} holds no digest of its records' kinds (it was "
                + "written by an earlier Sanoo): the whole log is read once, and the next checkpoint holds it");
        }
        if (registerLength < 0)
        {
            return (null, $"the register's part of the checkpoint at {row.Position:N0} is cut short");
        }
        return (new TrustedCheckpoint(statement, row, frontier, leavesLength, registerLength), null);
    }
}
