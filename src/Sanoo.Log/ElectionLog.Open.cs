using Sanoo.Core.Definitions;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>Opening a log: the definition bootstrap, and rebuilding the tally and the tree from every stored entry.</summary>
public sealed partial class ElectionLog
{
    private const int RebuildBatch = 8192;

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
        var loaded = Load(stored.Definition, $"the definition stored in {store.Description}");
        var definitionTime = clock.Elapsed;
        var state = await RebuildAsync(store, loaded, progress, cancellationToken);
        var timings = new OpenTimings(definitionTime, clock.Elapsed - definitionTime);
        return new ElectionLog(store, stored, loaded, time ?? TimeProvider.System, state, timings);
    }

    private static async Task<LogState> RebuildAsync(
        IProtocolStore store, Election election, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var state = new LogState(election);
        var batch = new List<LogEntry>(RebuildBatch);
        void ReplayBatch()
        {
            // Leaf hashes do not depend on each other: both cores compute them; the replay itself stays in log order.
            var leaves = new byte[batch.Count][];
            Parallel.For(0, batch.Count, i => leaves[i] = batch[i].LeafHash());
            for (var i = 0; i < batch.Count; i++)
            {
                state.Replay(batch[i], leaves[i]);
            }
            progress?.Report(state.Engine.Position);
            batch.Clear();
        }
        await foreach (var entry in store.ReadAsync(0, false, cancellationToken))
        {
            batch.Add(entry);
            if (batch.Count == RebuildBatch)
            {
                ReplayBatch();
            }
        }
        ReplayBatch();
        foreach (var row in await store.ReadRegisterAsync(0, cancellationToken))
        {
            state.Register.Apply(row, state.Engine.Position);
        }
        return state;
    }

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
