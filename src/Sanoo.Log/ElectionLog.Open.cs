using System.Threading.Channels;
using Sanoo.Core.Definitions;
using Sanoo.Core.Transparency;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>Opening a log: the definition bootstrap, and rebuilding the tally and the tree from every stored entry.</summary>
public sealed partial class ElectionLog
{
    /// <summary>
    /// Opens the log: stores <paramref name="definitionJson"/> on first use (a different
    /// definition for a store that holds one is refused), then rebuilds the tally from every
    /// stored entry, checking that each replays to the outcome recorded.
    /// </summary>
    public static async Task<ElectionLog> OpenAsync(
        IProtocolStore store,
        byte[]? definitionJson,
        TimeProvider? time = null,
        IProgress<long>? progress = null,
        CheckpointOptions? checkpoints = null,
        CancellationToken cancellationToken = default)
    {
        var stored = await store.ReadDefinitionAsync(cancellationToken);
        if (stored is null)
        {
            if (definitionJson is null)
            {
                throw new StoreException(
                    $"{store.Description} holds no election yet: give the election definition (--definition FILE) the first time.");
            }
            var election = Load(definitionJson, "the definition given");
            await store.WriteDefinitionAsync(new StoredDefinition(election.Id.Value, definitionJson), cancellationToken);
            stored = new StoredDefinition(election.Id.Value, definitionJson);
        }
        else if (definitionJson is not null && !definitionJson.AsSpan().SequenceEqual(stored.Definition))
        {
            var given = Load(definitionJson, "the definition given");
            throw new StoreException(given.Id.Value == stored.ElectionId
                ? $"{store.Description} already holds a different definition of election '{stored.ElectionId}'; a definition never changes "
                    + "once protocols may have been counted against it. Use the stored one (omit --definition) or a new database."
                : $"{store.Description} holds election '{stored.ElectionId}', not '{given.Id}'. Use a new database for another election.");
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var definitionSha256 = System.Security.Cryptography.SHA256.HashData(stored.Definition);
        // The definition is read on one core while the checkpoint is found and checked against its seal on the other.
        var found = checkpoints is { FullReplay: false, Seal: var seal }
            ? TrustedCheckpoint.FindAsync(store, seal, stored.ElectionId, definitionSha256, cancellationToken)
            : Task.FromResult<(TrustedCheckpoint?, string?)>((null, null));
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Read and hashed while the definition is read; the entries a checkpoint covers are not hashed: it keeps their leaves.
        var batches = LogBatches.Start(store, reading.Token, CoveredAsync(found));
        // The tree of the leaves a checkpoint keeps is built on a core of its own meanwhile (the reading waits for the definition),
        // and the register's records it covers are read and hashed into the register's tree, each on one core: the definition's read
        // is what the adoption waits for, so these take no more than the other core.
        var keptTree = KeptTreeAsync(found, reading.Token);
        var coveredRegister = CoveredRegisterAsync(store, found, reading.Token);
        Election loaded;
        try
        {
            loaded = Load(stored.Definition, $"the definition stored in {store.Description}");
        }
        catch
        {
            await reading.CancelAsync();
            throw;
        }
        var definitionTime = clock.Elapsed;
        var (checkpoint, refusal) = await found;
        LogState? state = null;
        if (checkpoint is not null)
        {
            try
            {
                state = await RebuildAsync(store, loaded, progress, cancellationToken, checkpoint, batches, await keptTree, coveredRegister);
            }
            catch (CheckpointRefusedException refused)
            {
                refusal = refused.Message;
                await reading.CancelAsync(); // the rest of this read is not needed: the whole log is read again
            }
        }
        state ??= await RebuildAsync(store, loaded, progress, cancellationToken, null, checkpoint is null ? batches : null);
        var timings = new OpenTimings(definitionTime, clock.Elapsed - definitionTime);
        var use = checkpoint is not null && refusal is null
            ? new CheckpointUse(checkpoint.Position, null) { RegisterSize = state.Register.Adopted }
            : new CheckpointUse(0, refusal);
        return new ElectionLog(
            store, stored, definitionSha256, loaded, time ?? TimeProvider.System, state, timings, checkpoints, use,
            use.Position > 0 ? checkpoint!.Statement : null);
    }

    /// <summary>
    /// Replays the log into a new state; with <paramref name="checkpoint"/>, adopts the entries it covers instead (their leaves
    /// and counted columns read and checked against it, nothing decided again) and replays only those after it.
    /// </summary>
    private static async Task<LogState> RebuildAsync(
        IProtocolStore store, Election election, IProgress<long>? progress, CancellationToken cancellationToken,
        TrustedCheckpoint? checkpoint = null, ChannelReader<(List<LogEntry> Entries, byte[]?[] Leaves)>? batches = null,
        MerkleTree? keptTree = null, Task<CoveredRegister?>? coveredRegister = null)
    {
        var state = new LogState(election, keptTree);
        var adopted = checkpoint?.Position ?? 0;
        state.Index.EnsureCapacity((int)Math.Min(adopted, int.MaxValue / 2));
        await foreach (var (entries, leaves) in (batches ?? LogBatches.Start(store, cancellationToken)).ReadAllAsync(cancellationToken))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Sequence > adopted)
                {
                    state.Replay(entries[i], leaves[i]);
                    continue;
                }
                state.Adopt(entries[i], checkpoint!.Leaf(entries[i].Sequence));
                if (entries[i].Sequence == adopted)
                {
                    state.FinishAdoption(checkpoint!);
                }
            }
            progress?.Report(state.Engine.Position);
        }
        if (state.Engine.Position < adopted)
        {
            throw new CheckpointRefusedException(
                $"the log holds {state.Engine.Position:N0} entries, fewer than the {adopted:N0} its checkpoint covers: entries were deleted");
        }
        if (checkpoint is not null && coveredRegister is not null && await coveredRegister is { } register)
        {
            state.Register.AdoptTree(register.Tree);
            if (state.Register.FinishAdoption(checkpoint.Register, register.Columns) is { } problem)
            {
                throw new CheckpointRefusedException(problem);
            }
            // Found by their kind column in the rows just hashed, which the sealed digest of the columns held to what they were.
            foreach (var row in register.Revocations)
            {
                state.Register.AdoptRevocation(row);
            }
        }
        foreach (var row in await store.ReadRegisterAsync(state.Register.Size, cancellationToken))
        {
            state.Register.Apply(row, state.Engine.Position);
        }
        return state;
    }

    /// <summary>
    /// The register's records the checkpoint found covers, read and hashed on a task of their own from the start (beside the
    /// definition's read and the log's adoption); null without a checkpoint or when it covers none.
    /// </summary>
    private static async Task<CoveredRegister?> CoveredRegisterAsync(
        IProtocolStore store, Task<(TrustedCheckpoint? Checkpoint, string? Refusal)> found, CancellationToken cancellationToken)
    {
        if ((await found).Checkpoint is not { RegisterSize: > 0 and var covered })
        {
            return null;
        }
        return await HashRegisterAsync(store, covered, cancellationToken);
    }

    /// <summary>
    /// The Merkle tree of the register's first <paramref name="count"/> records (fewer when it holds fewer), read in chunks and
    /// hashed in order, without decoding a record, the digest of their kind and station columns, and the operators' and
    /// witnesses' revocations among them: a checkpoint's sealed register root and digest are checked against them.
    /// </summary>
    private static async Task<CoveredRegister> HashRegisterAsync(IProtocolStore store, long count, CancellationToken cancellationToken)
    {
        await OffNetworkThreads.Away(); // on a task of its own from here
        const int Chunk = 65_536;
        var tree = new MerkleTree();
        var columns = new RegisterColumns();
        var revocations = new List<Storage.Register.RegisterRow>();
        while (tree.Size < count)
        {
            var rows = await store.ReadRegisterAsync(tree.Size, Math.Min(Chunk, count - tree.Size), cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Sequence != tree.Size + i + 1)
                {
                    throw new StoreException($"the register jumps from record {tree.Size + i} to {rows[i].Sequence}: the store is damaged");
                }
                columns.Add(rows[i].Kind, rows[i].Station);
                if (RegisterState.IsRevocation(rows[i].Kind))
                {
                    revocations.Add(rows[i]);
                }
            }
            foreach (var row in rows)
            {
                tree.Append(MerkleHash.Leaf(row.Record.AsSpan()));
            }
        }
        return new CoveredRegister(tree, columns, revocations);
    }

    /// <summary>The register's records a checkpoint covers, as a restart takes them: their tree, columns' digest and revocations.</summary>
    private sealed record CoveredRegister(MerkleTree Tree, RegisterColumns Columns, List<Storage.Register.RegisterRow> Revocations);

    /// <summary>
    /// The Merkle tree of the leaf hashes the checkpoint found keeps (those it covers, in log order), built as the adoption of
    /// each covered entry would append them; null with none. <see cref="LogState.FinishAdoption"/> still holds its root to the
    /// checkpoint's signed root, and the rows to the leaves by their digest.
    /// </summary>
    private static async Task<MerkleTree?> KeptTreeAsync(
        Task<(TrustedCheckpoint? Checkpoint, string? Refusal)> found, CancellationToken cancellationToken)
    {
        if ((await found).Checkpoint is not { } checkpoint)
        {
            return null;
        }
        return await Task.Run(
            () =>
            {
                var tree = new MerkleTree();
                for (var sequence = 1L; sequence <= checkpoint.Position; sequence++)
                {
                    tree.Append(checkpoint.Leaf(sequence));
                }
                return tree;
            },
            cancellationToken);
    }

    /// <summary>The position up to which the checkpoint found keeps the leaf hashes: its position, or 0 with none.</summary>
    private static async Task<long> CoveredAsync(Task<(TrustedCheckpoint? Checkpoint, string? Refusal)> found) =>
        (await found).Checkpoint?.Position ?? 0;

    private static Election Load(byte[] json, string what) => DefinitionReader.Read(json) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new StoreException(
            $"{what} is not a sound election definition: {string.Join("; ", invalid.Problems.Take(3))}{(invalid.Problems.Length > 3 ? " …" : "")}"),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>How long opening a log took.</summary>
    /// <param name="Definition">Reading and checking the stored definition.</param>
    /// <param name="Replay">Replaying every log entry into the tally.</param>
    public sealed record OpenTimings(TimeSpan Definition, TimeSpan Replay);
}
