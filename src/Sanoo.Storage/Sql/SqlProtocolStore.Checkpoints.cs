using System.Data.Common;
using Sanoo.Storage.Checkpoints;

namespace Sanoo.Storage.Sql;

/// <summary>The store's checkpoints (schema version 8): written and read outside the writer lock, for they are not the log.</summary>
internal sealed partial class SqlProtocolStore
{
    /// <inheritdoc />
    public async Task WriteCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dialect.OpenReaderAsync(cancellationToken);
            await new SqlSession(_dialect, connection).ExecuteAsync(CheckpointRows.Insert, CheckpointRows.Values(checkpoint), cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            throw new StoreException($"Writing a checkpoint to {Description} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<StoredCheckpoint?> ReadCheckpointAsync(long position, CancellationToken cancellationToken = default) =>
        (await QueryAsync(CheckpointRows.Select, CheckpointRows.Read, [position], cancellationToken)).SingleOrDefault();
}
